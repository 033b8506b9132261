"""A planned meeting's date and time as the facilitator types it: «23.02.2027 kl. 9–12».

One way, shown in the plan's placeholder: the date (dd.mm.åååå), then optionally «kl.»
and a start, and optionally «–» and an end. Hours may be written «9», «09», «9:00» or
«9.00»; the dash may be «-», «–», «—» or «til». Without a time the meeting is the usual
09:00–12:00; with only a start it lasts three hours. A meeting that ends before it starts
is refused: a network meeting does not run over midnight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from startpakke.i18n import N_, _
from startpakke.session.edit import EditError

DEFAULT_START = "09:00"
DEFAULT_END = "12:00"
DEFAULT_LENGTH = timedelta(hours=3)
FORMAT_HINT = N_("dd.mm.åååå kl. 9–12")
"""A catalogue message id: show it through `_()`."""
DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d")

_CLOCK = r"\d{1,2}(?:[:.]\d{2})?"
_PATTERN = re.compile(
    rf"""^(?P<date>\d[\d.\-]*\d)
    (?:\s*,?\s+(?:kl\.?\s*)?(?P<start>{_CLOCK})
       (?:\s*(?:-|–|—|til)\s*(?P<end>{_CLOCK}))?)?$""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class MeetingTime:
    """A meeting's day and clock times (TT:MM), as stored in the session's meeting slot."""

    date: date
    start: str = DEFAULT_START
    end: str = DEFAULT_END


def parse_meeting_time(text: str) -> MeetingTime:
    """«23.02.2027 kl. 9–12» → 23 Feb 2027, 09:00, 12:00; a clear EditError otherwise."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise EditError(_("Skriv datoen, f.eks. «{example}».").format(example=example()))
    match = _PATTERN.match(cleaned)
    if match is None:
        raise EditError(
            _("Møtetiden skrives «{hint}», f.eks. «{example}» (fikk «{text}»).").format(
                hint=_(FORMAT_HINT), example=example(), text=text
            )
        )
    day = _date(match["date"], text)
    if match["start"] is None:
        return MeetingTime(day)
    start = _clock(match["start"], text)
    if match["end"] is None:
        later = datetime.combine(day, _as_time(start)) + DEFAULT_LENGTH
        end = later.strftime("%H:%M") if later.date() == day else "23:59"
        return MeetingTime(day, start, end)
    end = _clock(match["end"], text)
    if end <= start:
        raise EditError(
            _("Møtet må slutte etter at det begynner (fikk {start}–{end}).").format(
                start=start, end=end
            )
        )
    return MeetingTime(day, start, end)


def show_meeting_time(day: date, start: str, end: str) -> str:
    """The same form back, for editing: «23.02.2027 kl. 09:00–12:00»."""
    return f"{day.strftime('%d.%m.%Y')} kl. {start}–{end}"


def example() -> str:
    return "23.02.2027 kl. 9–12"


def _date(text: str, original: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise EditError(
        _("Datoen skrives dd.mm.åååå, f.eks. 23.02.2027 (fikk «{text}»).").format(text=original)
    )


def _clock(text: str, original: str) -> str:
    hours, _colon, minutes = text.replace(".", ":").partition(":")
    hour, minute = int(hours), int(minutes or 0)
    if hour > 23 or minute > 59:
        raise EditError(
            _("Klokkeslettet {clock} finnes ikke (fikk «{text}»).").format(
                clock=text, text=original
            )
        )
    return f"{hour:02d}:{minute:02d}"


def _as_time(clock: str) -> time:
    return datetime.strptime(clock, "%H:%M").time()
