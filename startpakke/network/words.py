"""Dates as the network commands and the annual report say them (counts: `i18n.plural`)."""

from __future__ import annotations

from datetime import date


def day(value: date | None, blank: str = "–") -> str:
    return value.strftime("%d.%m.%Y") if value is not None else blank


def parse_day(text: str) -> date | None:
    """«23.02.2027», «23.2.2027» or «2027-02-23»; None otherwise."""
    from datetime import datetime

    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
