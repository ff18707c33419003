"""Exceptions that reach the user as one readable line, each with its exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the `baocao` command (docs/user-guide.md lists them for users)."""

    ok = 0
    files_failed = 1  # the run finished but some input files failed
    usage = 2  # bad arguments, refused query, missing database
    no_tesseract = 3  # apt-get install tesseract-ocr
    no_vietnamese_data = 4  # apt-get install tesseract-ocr-vie
    database_failed = 5  # the database itself failed (disk full, locked, server gone)
    internal_error = 70  # a bug: one line on the terminal, the traceback in the log
    interrupted = 130  # Ctrl-C: what finished is kept
    terminated = 143  # SIGTERM (128 + 15), stopped as by Ctrl-C


class BaocaoError(Exception):
    """Base of the errors baocao reports as a message rather than a traceback."""

    exit_code = ExitCode.usage


class MissingDependencyError(BaocaoError):
    """An external program or its data is missing; stops the run before any file."""

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class DatabaseError(BaocaoError):
    """The database itself failed (disk full, locked past the wait, server gone): every
    document after would fail too, so the run stops; what was written is kept."""

    exit_code = ExitCode.database_failed


class DocumentError(BaocaoError):
    """This input file cannot be read at all (corrupt, encrypted, empty, unsupported)."""


class PageError(BaocaoError):
    """One page could not be read; the rest of the document goes on. `retryable`: the reason
    may pass (a time-out on a busy machine), so the next run tries the document again."""

    def __init__(self, message: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
