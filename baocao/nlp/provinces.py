"""Vietnam's provinces by name: the official names before the 2025 mergers, the province each
lies in since, and a pattern that finds any of them in folded text (vietnamadminunits).

The names and the mergers are read from the package's own data files: importing the package
loads its address parser (geopy, shapely), a quarter of a second of every run for two tables.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import unicodedata
from functools import lru_cache
from pathlib import Path

import regex

from baocao.vietnamese.text import fold_chars

# An administrative unit named in the issuing body's lines: the unit word, then the name.
# Examples: "UBND TỈNH BẮC GIANG", "TỈNH THÁI BÌNH", "THÀNH PHỐ HÀ NỘI"
UNIT_WORD = r"(?:tinh|thanh\s+pho|tp\.?)"


# Thừa Thiên Huế became the city of Huế on 1 January 2025; the list has only the new name.
FORMER_NAMES = {"Thừa Thiên Huế": "Huế"}


@lru_cache(maxsize=1)
def provinces() -> list[str]:
    """The 63 provinces and centrally-run cities before the 2025 mergers, short names
    ("Bắc Giang", "Hà Nội")."""
    return sorted(_mergers())


def province_2025(province: str) -> str | None:
    """The province a pre-2025 province lies in since the 2025 mergers: "Bắc Giang" → "Bắc
    Ninh"."""
    return _mergers().get(unicodedata.normalize("NFC", province))


@lru_cache(maxsize=1)
def _mergers() -> dict[str, str | None]:
    """Each pre-2025 province's short name to its province since 2025: from the package's
    SQLite table of units and its conversion table (old keys listed under each new one)."""
    folder = _data_folder()
    with sqlite3.connect(f"{(folder / 'dataset.db').as_uri()}?mode=ro&immutable=1",
                         uri=True) as conn:
        old = conn.execute("SELECT DISTINCT provinceShort, provinceKey "
                           "FROM admin_units_legacy").fetchall()
        new = dict(conn.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units"))
    merged = json.loads((folder / "converter_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    since = {old_key: new[new_key] for new_key, old_keys in merged.items() for old_key in old_keys}
    return {unicodedata.normalize("NFC", name): _nfc(since.get(key)) for name, key in old}


def _data_folder() -> Path:
    """vietnamadminunits' data folder, found without importing the package."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed (pip install "
                                  "vietnamadminunits)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _nfc(name: str | None) -> str | None:
    return unicodedata.normalize("NFC", name) if name else None


def province_named(name: str) -> str | None:
    """The pre-2025 province a name stands for, typed with or without diacritics:
    "bac giang" → "Bắc Giang"; None when no province has that name."""
    return by_folded().get(squash(fold_chars(name)))


def province_names_folded() -> dict[str, str]:
    """Every province's name folded without spaces ("bacgiang"), to its official name."""
    return dict(by_folded())


def squash(name: str) -> str:
    """A folded name without spaces or dashes, as keys: "ba ria - vung tau" → "bariavungtau"."""
    return regex.sub(r"[\s\-–]+", "", name.lower())


@lru_cache(maxsize=1)
def by_folded() -> dict[str, str]:
    names = {squash(fold_chars(n)): n for n in provinces()}
    for old, new in FORMER_NAMES.items():
        names[squash(fold_chars(old))] = new
    return names


@lru_cache(maxsize=1)
def names_pattern() -> regex.Pattern:
    """'tỉnh'/'thành phố' then any province's folded name, spaces and dashes loose;
    longest names first."""
    names = [*provinces(), *FORMER_NAMES]
    alternatives = sorted(
        (r"[\s\-–]+".join(regex.escape(w) for w in regex.split(r"[\s\-–]+", fold_chars(n)))
         for n in names),
        key=len, reverse=True,
    )
    return regex.compile(rf"\b{UNIT_WORD}\s+(?P<name>{'|'.join(alternatives)})\b", regex.I)
