"""The processing: one file or a whole archive through extract/ and nlp/ into store/ (local
worker processes or a Dask cluster). Nothing of what people see."""
