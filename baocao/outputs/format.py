"""How a value is written on a page people read: numbers the Vietnamese way (12.492.100.000;
26,3; vietnamese/numbers.py, the one formatter) and amounts in the unit a Vietnamese
reader expects."""

from __future__ import annotations

import math

from baocao.vietnamese.numbers import vn_number

__all__ = ["vn_amount", "vn_number"]


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
