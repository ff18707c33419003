"""Exceptions that reach the user as one readable line, each with its exit code."""

from __future__ import annotations

# Exit codes of the `baocao` command.
EXIT_OK = 0
EXIT_FILES_FAILED = 1  # the run finished but some input files failed
EXIT_USAGE = 2  # bad arguments, refused query, missing database
EXIT_NO_TESSERACT = 3
EXIT_NO_VIE = 4


class BaocaoError(Exception):
    """Base of the errors baocao reports as a message rather than a traceback."""

    exit_code = EXIT_USAGE


class MissingDependencyError(BaocaoError):
    """An external program or its data is missing; stops the run before any file."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class DocumentError(BaocaoError):
    """This input file cannot be read at all (corrupt, encrypted, empty, unsupported)."""


class PageError(BaocaoError):
    """One page could not be read; the rest of the document goes on."""
