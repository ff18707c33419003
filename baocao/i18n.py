"""The interface's language: Vietnamese where the user's locale is Vietnamese or with
`--lang vi`, English otherwise. Messages are looked up in gettext catalogs (baocao/locale)."""

from __future__ import annotations

import gettext
import importlib.util
import os
import sys
from pathlib import Path

from baocao.datamodel import FLAGS
from baocao.vietnamese.numbers import vn_number

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
    _catalog = translation(_language)


def language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the interface's language (the English text where it has no
    translation)."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog.ngettext(singular, plural, n)


def kind_name(kind: str | None, lang: str | None = None) -> str:
    """A section kind (the code the tables store, datamodel.SECTION_KINDS) as the interface
    shows it: the code itself in English, "khó khăn" for "difficulties" in Vietnamese."""
    return code_name(kind, lang)


def code_name(code: str | None, lang: str | None = None) -> str:
    """One of the closed sets of codes the tables store (datamodel: section kinds, statuses,
    page sources, figure kinds, flags, rulings) as the interface shows it: the code itself in
    English, its Vietnamese name in Vietnamese. The stored values never change."""
    translate = _ = _catalog.gettext if lang is None else translation(lang).gettext
    names = {
        # section kinds
        "achievements": _("achievements"), "difficulties": _("difficulties"),
        "causes": _("causes"), "lessons": _("lessons"), "solutions": _("solutions"),
        "recommendations": _("recommendations"), "plans": _("plans"), "other": _("other"),
        # how a document went; where a page's text came from
        "ok": _("ok"), "partial": _("partial"), "failed": _("failed"),
        "text": _("text"), "text-converted": _("text-converted"), "ocr": _("ocr"),
        "blank": _("blank"),
        # figures, and how a printed table is ruled
        "amount": _("amount"), "percent": _("percent"), "count": _("count"),
        "full": _("full"), "horizontal": _("horizontal"), "none": _("none"),
        # flags: each code is its display name's message (datamodel.FLAGS)
        **{spec.code: translate(spec.code) for spec in FLAGS},
    }
    return names.get(code or "", code or "")


def translation(lang: str) -> gettext.NullTranslations:
    """The catalog of one language, whichever the interface speaks."""
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[_known(lang)],
                               fallback=True)


def number(x: float) -> str:
    """A count or measure as the language writes it: 12.492,5 in Vietnamese (the pages' own
    formatter, to three decimals as CLDR writes them), 12492.5 in English as before."""
    if _language == "vi":
        return vn_number(x, 3)
    return str(x) if isinstance(x, int) else f"{x:g}"


def localize_typer() -> None:
    """Typer's own words in help pages and errors ("Usage:", "Options", "Show this message and
    exit.") in the interface's language. Typer keeps them in module constants and literals, not
    in a catalog of ours: they are set here. A Typer whose insides differ keeps its English."""
    try:
        from typer._click import decorators, formatting
    except ImportError:
        return
    rich_utils = _lazy_module("typer.rich_utils")
    words = {
        "DEPRECATED_STRING": _("(deprecated) "), "DEFAULT_STRING": _("[default: {}]"),
        "ENVVAR_STRING": _("[env var: {}]"), "REQUIRED_LONG_STRING": _("[required]"),
        "ARGUMENTS_PANEL_TITLE": _("Arguments"), "OPTIONS_PANEL_TITLE": _("Options"),
        "COMMANDS_PANEL_TITLE": _("Commands"), "ERRORS_PANEL_TITLE": _("Error"),
        "ABORTED_TEXT": _("Aborted."),
        "RICH_HELP": _("Try [blue]'{command_path} {help_option}'[/] for help."),
    }
    for name, text in words.items():
        if rich_utils is not None:
            setattr(rich_utils, name, text)  # set before it loads: hasattr() would load it
    help_option = getattr(decorators, "help_option", None)
    if help_option is not None and not getattr(help_option, "baocao", False):
        def localized_help_option(param_decls):
            def add(command):
                command = help_option(param_decls)(command)
                command.params[-1].help = _("Show this message and exit.")
                return command
            return add

        localized_help_option.baocao = True
        decorators.help_option = localized_help_option
    write_usage = formatting.HelpFormatter.write_usage
    if not getattr(write_usage, "baocao", False):
        def localized_write_usage(self, prog: str, args: str = "", prefix: str | None = None):
            return write_usage(self, prog, args, _("Usage: ") if prefix is None else prefix)

        localized_write_usage.baocao = True
        formatting.HelpFormatter.write_usage = localized_write_usage


def _lazy_module(name: str):
    """A module loaded on first use: Typer needs rich (65 ms to import) only to show help or
    an error, not on every run. Attributes set before it loads are kept."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


set_language(detect_language())
