"""Dates as the facilitator types them: dd.mm.åååå."""

from __future__ import annotations

from datetime import date, datetime

from startpakke.i18n import _
from startpakke.session.edit import EditError

FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d")


def parse_date(text: str, what: str | None = None) -> date | None:
    """«14.09.2026» (or «14.9.26», «2026-09-14») → a date; empty → None; else EditError.

    `what` names the field in the message («Fristen»; translated by the caller).
    """
    text = text.strip()
    if not text:
        return None
    for fmt in FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise EditError(
        _("{what} må skrives dd.mm.åååå, f.eks. 14.09.2026 (fikk «{text}»).").format(
            what=what or _("Datoen"), text=text
        )
    )


def show_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""
