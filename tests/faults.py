"""One fault put into a real `baocao` run, in a child process: everything else is the real
command (real files, real Tesseract, real database). The fault replaces one function of
the pipeline before the command starts, so a moment that real inputs give only by chance
(a file rewritten between two of its pages, a stage that raises) comes every time.

    python tests/faults.py FAULT [ARG…] -- run FOLDER --db DB …

FAULTS names them. Worker processes are forked from this one, so they have the fault too.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def table_stage_raises() -> None:
    """The text stages' table stage raises on a document that has printed tables."""
    from baocao.pipelines import analyse

    real = analyse.read_tables

    def read_tables(pages, *args, **kwargs):
        if pages:
            raise RuntimeError("the table stage broke (a fault put in by tests/faults.py)")
        return real(pages, *args, **kwargs)

    analyse.read_tables = read_tables


def duplicate_cell() -> None:
    """A document's first table holds its first cell twice: its write breaks the database's
    key (doc_id, table_id, row, col), as a grid that overlapped itself once did."""
    from baocao.pipelines import analyse

    real = analyse.read_tables

    def read_tables(pages, *args, **kwargs):
        tables = real(pages, *args, **kwargs)
        if tables and tables[0].cells:
            tables[0] = replace(tables[0], cells=[tables[0].cells[0], *tables[0].cells])
        return tables

    analyse.read_tables = read_tables


def rewrite(name: str, source: str) -> None:
    """The file called `name` is overwritten with the bytes of `source` just before its
    second page is read (by a worker: run with --jobs 2 or more)."""
    from baocao.pipelines import workers

    workers.read_page = _Rewriting(workers.read_page, name, Path(source).read_bytes())


class _Rewriting:
    """read_page, rewriting one file before its second page (picklable: it goes to the
    worker processes with each page)."""

    def __init__(self, read_page, name: str, data: bytes) -> None:
        self.read_page, self.name, self.data = read_page, name, data

    def __call__(self, source, index: int):
        if isinstance(source, Path) and source.name == self.name and index == 1:
            source.write_bytes(self.data)
        return self.read_page(source, index)


FAULTS = {"table-stage-raises": table_stage_raises, "duplicate-cell": duplicate_cell,
          "rewrite": rewrite}


def command(fault: str, *fault_args: str) -> list[str]:
    """What runs `baocao` with the fault in place of `python -m baocao`: its arguments follow."""
    return [sys.executable, str(Path(__file__)), fault, *fault_args, "--"]


def run_with_fault(fault: str, *args: str) -> subprocess.CompletedProcess:
    """`baocao` with one fault, as run_cli runs it: `run_with_fault("rewrite", NAME, SOURCE,
    "--", "run", FOLDER, "--db", DB)`."""
    cut = args.index("--")
    return subprocess.run([*command(fault, *args[:cut]), *args[cut + 1:]], capture_output=True,
                          text=True, cwd=REPO, timeout=900)


def main() -> None:
    sys.path.insert(0, str(REPO))  # this checkout's baocao, as `python -m baocao` in it
    cut = sys.argv.index("--")
    fault, *fault_args = sys.argv[1:cut]
    FAULTS[fault](*fault_args)
    from baocao.cli.app import main as baocao

    sys.argv = ["baocao", *sys.argv[cut + 1:]]
    baocao()


if __name__ == "__main__":
    main()
