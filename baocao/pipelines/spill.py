"""A document's pages on disk while it is processed: a 1,000-page volume's words and boxes
are read back one page at a time, never all held in memory."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import replace

from baocao.datamodel import PageContent


class PageSpill:
    """Pages pickled one after the other into an unnamed temporary file (gone with the
    process, even a killed one); iterating reads them back in order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._spans: list[tuple[int, int]] = []

    def add(self, page: PageContent) -> PageContent:
        """Keep the page on disk; return it without its lines and tables, for memory."""
        data = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        self._spans.append((self._file.tell(), len(data)))
        self._file.write(data)
        return replace(page, lines=[], tables=[])

    def __iter__(self) -> Iterator[PageContent]:
        for offset, size in self._spans:
            self._file.seek(offset)
            yield pickle.loads(self._file.read(size))

    def __len__(self) -> int:
        return len(self._spans)

    def close(self) -> None:
        self._file.close()
