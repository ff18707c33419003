"""The summary's comparable facts (the `facts` view): for each measure, what was done in each
province year by year, a table and a chart with one line per province. Only one-year facts
are drawn; a multi-year total stays in the table, its period written out."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from baocao import store
from baocao.i18n import _
from baocao.outputs.format import vn_number

MAX_MEASURES = 12  # charts at most, the measures with the most facts first


def facts_frame(db: str | Path) -> pd.DataFrame:
    """The done and estimated facts, a row each: measure, province, period, value, unit."""
    try:
        return store.query(db, """
SELECT measure_name, measure, province, period_start, period_end, status, value, unit
FROM facts WHERE status IN ('actual', 'estimate')
ORDER BY measure_name, province, period_start, period_end""")
    except Exception:  # a database older than the facts view  # noqa: BLE001
        return pd.DataFrame()


def period_label(start: str | None, end: str | None) -> str:
    """"2023" for a whole year, "2016–2020" for years, "2024-01…2024-09" otherwise."""
    start = start if isinstance(start, str) else None  # pandas gives NaN for an empty one
    end = end if isinstance(end, str) else None
    if not end:
        return f"{start}…" if start else _("(not stated)")
    if start and start.endswith("-01") and end.endswith("-12") and len(start) == len(end) == 7:
        return start[:4] if start[:4] == end[:4] else f"{start[:4]}–{end[:4]}"
    return f"{start or ''}…{end}"


def measure_tables(facts: pd.DataFrame) -> list[tuple[str, pd.DataFrame, str, bool]]:
    """For each measure (most facts first): its name, provinces × periods, its chart, and
    whether its values are money (shown in triệu đồng)."""
    if facts.empty:
        return []
    facts = facts.assign(period=[period_label(s, e) for s, e in
                                 zip(facts["period_start"], facts["period_end"], strict=True)],
                         province=facts["province"].fillna(_("(not stated)")))
    out = []
    counts = facts.groupby("measure_name").size().sort_values(ascending=False)
    for name in counts.index[:MAX_MEASURES]:
        rows = facts[facts["measure_name"] == name]
        money = (rows["unit"] == "VND").all()
        table = rows.pivot_table(index="province", columns="period", values="value",
                                 aggfunc="first").reset_index()
        table.columns.name = None
        table = table.rename(columns={"province": _("province")})
        yearly = rows[rows["period"].str.fullmatch(r"\d{4}")]
        chart = measure_chart(name, yearly, money) if yearly["period"].nunique() > 1 else ""
        out.append((name, table, chart, bool(money)))
    return out


def measure_chart(name: str, yearly: pd.DataFrame, money: bool) -> str:
    """One line per province over the years: inline SVG."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    scale = 1e6 if money else 1
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "baocao",
                     "font.family": "DejaVu Sans", "font.size": 10}):
        fig = Figure(figsize=(7, 3.2))
        ax = fig.add_subplot()
        for province, rows in yearly.groupby("province"):
            rows = rows.sort_values("period")
            ax.plot(rows["period"].astype(int), rows["value"] / scale, marker="o",
                    label=province)
        ax.set_xticks(sorted(yearly["period"].astype(int).unique()))
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: vn_number(v, 1)))
        ax.set_ylabel(_("triệu đồng") if money else "")
        ax.set_title(name, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(fontsize=8, frameon=False)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]
