"""vietnamese/: what every stage knows of written Vietnamese (valid syllables, tone marks,
NFC, folding). It imports nothing else of baocao, so extract/ and nlp/ both stand on it."""
