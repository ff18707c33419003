"""Vietnam's provinces by name: the official names before the 2025 mergers, the province each
lies in since, and a pattern that finds any of them in folded text (vietnamadminunits)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

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
    ("Bắc Giang", "Hà Nội"), from the vietnamadminunits package."""
    from vietnamadminunits.database import get_data

    rows = get_data(fields=["provinceShort"], table="admin_units_legacy")
    return sorted({unicodedata.normalize("NFC", r["provinceShort"]) for r in rows})


@lru_cache(maxsize=128)
def province_2025(province: str) -> str | None:
    """The province a pre-2025 province lies in since the 2025 mergers: "Bắc Giang" → "Bắc
    Ninh" (vietnamadminunits' conversion)."""
    from vietnamadminunits import convert_address

    try:
        unit = convert_address(province)
    except Exception:  # the library raises plain exceptions for names it cannot place
        return None
    return unicodedata.normalize("NFC", unit.short_province) if unit.short_province else None


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
