"""Dates as the facilitator types them: dd.mm.åååå."""

from __future__ import annotations

from datetime import date, datetime

from startpakke.session.edit import EditError

FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d")


def parse_date(text: str, what: str = "Datoen") -> date | None:
    """«14.09.2026» (or «14.9.26», «2026-09-14») → a date; empty → None; else EditError."""
    text = text.strip()
    if not text:
        return None
    for fmt in FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise EditError(f"{what} må skrives dd.mm.åååå, f.eks. 14.09.2026 (fikk «{text}»).")


def show_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""
