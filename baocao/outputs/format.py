"""How a value is written on a page people read: numbers the Vietnamese way (12.492.100.000;
26,3) and amounts in the unit a Vietnamese reader expects. The one Vietnamese number
formatter: pages, exports, Datasette and the command line's counts (i18n.number) use it."""

from __future__ import annotations

import math


def vn_number(x: float | None, decimals: int = 2) -> str:
    """A number the Vietnamese way: 12492100000 → 12.492.100.000, 26.3 → 26,3."""
    if x is None:
        return ""
    text = f"{x:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def vn_amount(value: float | None, unit: str | None) -> str:
    """A figure as a Vietnamese reader writes it: đồng in triệu đồng (12.492,1 triệu đồng),
    26,3%, 1.050.000 USD, 16 đề án."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit == "VND":
        return f"{vn_number(value / 1e6, 3)} triệu đồng"
    if unit == "%":
        return f"{vn_number(value)}%"
    return f"{vn_number(value)} {unit}" if unit else vn_number(value)
