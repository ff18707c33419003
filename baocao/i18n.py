"""The interface's language: Vietnamese where the user's locale is Vietnamese or with
`--lang vi`, English otherwise. Messages are looked up in gettext catalogs (baocao/locale)."""

from __future__ import annotations

import gettext
import os
import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "baocao"
LANGUAGES = ("vi", "en")

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def detect_language(argv: list[str] | None = None, environ: dict[str, str] | None = None) -> str:
    """`--lang X` on the command line first, then BAOCAO_LANG, then the locale variables in
    the order gettext reads them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    argv = sys.argv if argv is None else argv
    environ = os.environ if environ is None else environ
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            return _known(argv[n + 1])
        if arg.startswith("--lang="):
            return _known(arg.split("=", 1)[1])
    for name in ("BAOCAO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return _known(value.split(":")[0])
    return "en"


def _known(value: str) -> str:
    return "vi" if value.lower().startswith("vi") else "en"


def set_language(language: str) -> None:
    """Switch the catalog messages are read from: "vi" or "en"."""
    global _catalog, _language
    _language = _known(language)
    _catalog = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[_language],
                                   fallback=True)


def language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the interface's language (the English text where it has no
    translation)."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog.ngettext(singular, plural, n)


set_language(detect_language())
