"""What the browser page is sent: a `RoomView` as plain JSON data, with a deadline.

The page counts the clock down by itself from `timer.ends_at` (milliseconds since the
epoch, on this machine's clock), so the server pushes only when something the room sees
changes — a new part, a speaker, a pause, a minute more — never once a second.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from startpakke.i18n import N_, _
from startpakke.projector.room import (
    AGREED,
    CHOSEN,
    HIDDEN,
    PROPOSAL,
    TOP,
    RoomView,
    competences_heading,
    rules_heading,
)

DEADLINE_SLACK_MS = 400
"""Two deadlines closer than this are the same deadline (the time a poll takes)."""
OVERTIME = N_("OVERTID")
CLOSED = N_("Projektorvisningen er stoppet eller startet på nytt. Prøver igjen …")
PAGE_TEXTS = (
    N_("Kobler til projektorvisningen …"),
    N_("Klokken"),
    N_("Hvem har ordet"),
    N_("Ordet har"),
    N_("Neste:"),
    N_("Projektorvisningen trenger JavaScript i nettleseren."),
    CLOSED,
)
"""The fixed words of `page.html`, replaced by their translation when the page is served."""


def _spaced(text: str) -> str:
    # The terminal sets «  ·  » apart with two spaces each side; the page with one.
    return text.replace("  ·  ", " · ")


def page_words(view: RoomView) -> dict[str, str]:
    """The words the page writes itself, in the language of the moment (`{n}`: a count)."""
    board = ""
    if view.competences is not None:
        board = competences_heading(view.competences)
    elif view.rules is not None:
        board = rules_heading(view.rules)
    return {
        "board": _spaced(board),
        "hidden": _spaced(_(HIDDEN)),
        "agreed": _(AGREED),
        "proposal": _(PROPOSAL),
        "chosen": _(CHOSEN),
        "top": _(TOP),
        "next": _("Neste:"),
        "pause": _("PAUSE"),
        "overtime": _(OVERTIME),
        "blanked": _("Skjermen er blanket."),
        "clock_is": _("Klokken er"),
        "last_turn": _("ingen – siste tur"),
        "closed": _(CLOSED),
    }


def page_data(view: RoomView, now_ms: int) -> dict[str, Any]:
    """The view as the page's data. `now_ms`: the wall clock when `view` was taken."""
    data = asdict(view)
    for name in ("key", "clock", "clock_status", "seconds_left", "wall_clock"):
        del data[name]
    counting = view.seconds_left is not None and view.clock_state != "paused"
    # The status in words without the running face («OVERTID»): the page adds the face.
    status = _(OVERTIME) if view.clock_state == "overtime" else view.clock_status
    data["clock_status"] = status
    data["words"] = page_words(view)
    data["timer"] = {
        "face": view.clock,
        "counting": counting,
        "ends_at": (
            now_ms + round(view.seconds_left * 1000)
            if counting and view.seconds_left is not None
            else None
        ),
    }
    return data


def same_page(a: dict[str, Any] | None, b: dict[str, Any]) -> bool:
    """True when the page would show the same: equal data, deadlines within the slack."""
    if a is None:
        return False
    ends_a, ends_b = a["timer"]["ends_at"], b["timer"]["ends_at"]
    if (ends_a is None) != (ends_b is None):
        return False
    if ends_a is not None and abs(ends_a - ends_b) > DEADLINE_SLACK_MS:
        return False
    # While it counts, the page draws the face from the deadline: only a stopped face counts.
    rest_a = {**a, "timer": {**a["timer"], "ends_at": None, "face": ends_a and ""}}
    rest_b = {**b, "timer": {**b["timer"], "ends_at": None, "face": ends_b and ""}}
    return rest_a == rest_b
