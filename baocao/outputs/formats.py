"""The export formats, one line each (as Datasette's register_output_renderer): what `baocao
export --format` offers, in this order, and what `baocao query --out FILE.<name>` writes. A new
format is its writer function and one line in FORMATS."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

import pandas as pd

from baocao.outputs.document_export import export_documents
from baocao.outputs.export import (
    FramesWriter,
    Warn,
    export_tables,
    write_csv,
    write_csv_result,
    write_parquet,
    write_xlsx,
    write_xlsx_result,
)

# What a user gets: a file per table and view, one workbook of them all, or a file per
# document (which --table cannot choose from and --document does not put in a sub-folder).
Writes = Literal["table files", "workbook", "document files"]
# (db, folder, only this doc_id, only these tables, warn) → the files written.
Writer = Callable[[str, Path, str | None, Sequence[str], Warn], list[Path]]
ResultWriter = Callable[[pd.DataFrame, Path], None]


@dataclass(frozen=True)
class ExportFormat:
    """What a format writes, its writer, and its writer of one query result (None: `query
    --out` does not offer it)."""

    writes: Writes
    write: Writer
    write_result: ResultWriter | None = None

    @property
    def per_document(self) -> bool:
        """Whole documents: --table has nothing to choose, --document needs no sub-folder."""
        return self.writes == "document files"


def tables(write: FramesWriter) -> Writer:
    """A format of the tables and views export_tables reads, which write() puts in files."""
    return partial(export_tables, write=write)


def documents(format: str) -> Writer:
    """A format of one file per document, written by document_export."""
    def write(db: str, out: Path, doc_id: str | None, tables: Sequence[str], warn: Warn
              ) -> list[Path]:
        return export_documents(db, format, out, doc_id)

    return write


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("table files", tables(write_csv), write_csv_result),
    "parquet": ExportFormat("table files", tables(write_parquet)),
    "xlsx": ExportFormat("workbook", tables(write_xlsx), write_xlsx_result),
    "json": ExportFormat("document files", documents("json")),
    "markdown": ExportFormat("document files", documents("markdown")),
}


def result_writer(path: Path) -> ResultWriter | None:
    """The writer of a query's result to path, chosen by its suffix (.csv, .xlsx); None
    where no format writes one."""
    found = FORMATS.get(path.suffix.lower().removeprefix("."))
    return found.write_result if found else None
