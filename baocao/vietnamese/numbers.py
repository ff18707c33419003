"""Numbers as Vietnamese writes them: "." groups thousands, "," marks decimals. The one
formatter that pages, exports, Datasette and the command line's counts (i18n.number) use."""

from __future__ import annotations


def vn_number(x: float | None, decimals: int = 2) -> str:
    """A number the Vietnamese way: 12492100000 → 12.492.100.000, 26.3 → 26,3."""
    if x is None:
        return ""
    text = f"{x:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
