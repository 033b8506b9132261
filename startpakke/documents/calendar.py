"""The planned meeting dates as one .ics file that Outlook, Google and phones import.

One VEVENT per meeting in `plan.meetings`, in Europe/Oslo time with the VTIMEZONE included,
the place (or the plan's platform, e.g. Teams) as location, and who leads and writes the
referat in the description when that rotates. UIDs are stable (session id + meeting id), so
importing a revised file updates the events instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from startpakke.documents import common
from startpakke.documents.output import write_bytes
from startpakke.i18n import _
from startpakke.text import clean, slug

if TYPE_CHECKING:
    from icalendar import Calendar

    from startpakke.session.model import MeetingSlot, Session

TIMEZONE = "Europe/Oslo"
DEFAULT_LENGTH = timedelta(hours=3)


def build_calendar(session: Session) -> Calendar:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zone = ZoneInfo(TIMEZONE)
    network = common.network_name(session)
    calendar = Calendar()
    calendar.add("prodid", "-//startpakke//Barnevernledernettverk//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _one_line(network))
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add_component(oslo_timezone())
    stamp = session.updated_at.astimezone(UTC)
    rotating = common.is_rotating(session)
    for slot in sorted(session.plan.meetings, key=lambda s: (s.date, s.start)):
        start, end = meeting_times(slot.date, slot.start, slot.end, zone)
        event = Event()
        event.add("uid", f"{slug(session.id, 'okt')}-{slug(slot.id, 'mote')}@startpakke")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", _one_line(_("{network}: nettverksmøte").format(network=network)))
        event.add("location", _one_line(common.slot_place(session, slot)))
        event.add("description", _description(session, slot, rotating))
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    return calendar


def oslo_timezone() -> Any:
    """Europe/Oslo as a compact VTIMEZONE with the EU summer-time rules (since 1996).

    Written as yearly rules rather than the list of dates icalendar generates, which ends
    in 2038 and which some versions of Outlook read poorly.
    """
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def write_ics(session: Session, path: str | Path) -> Path:
    """Write the meetings as an .ics file (atomically) and return the path."""
    from startpakke.errors import UserError

    if not session.plan.meetings:
        raise UserError(
            _(
                "Økten har ingen møtedatoer ennå (planen i steg 7), så det er ingenting å "
                "legge i kalenderen."
            )
        )
    return write_bytes(path, build_calendar(session).to_ical())


def _description(session: Session, slot: MeetingSlot, rotating: bool) -> str:
    lines = [_("Møte i {network}.").format(network=common.network_name(session))]
    leader = common.name(session, slot.leader or (None if rotating else session.plan.leader))
    secretary = common.name(
        session, slot.secretary or (None if rotating else session.plan.secretary)
    )
    if leader:
        lines.append(_("Leder møtet: {name}").format(name=leader))
    if secretary:
        lines.append(_("Skriver referat: {name}").format(name=secretary))
    platform = clean(session.plan.platform).strip()
    if platform and clean(slot.place).strip():
        # The plan's platform is where members reach each other between meetings.
        lines.append(_("Kontakt mellom møtene: {platform}").format(platform=platform))
    if session.plan.everyone_brings_case:
        lines.append(_("Alle tar med en problemstilling til kollegaveiledning."))
    return "\n".join(clean(line) for line in lines)


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def meeting_times(
    day: date, start_text: str, end_text: str, zone: tzinfo
) -> tuple[datetime, datetime]:
    """When a meeting starts and ends, as real moments in `zone`.

    An end before the start is the next day (23:00–01:00 ends at 01:00). A clock time that
    does not exist (02:30 on the night summer time begins) is the moment it names, 03:30;
    the meeting keeps its planned length and never becomes zero minutes long.
    """
    start_clock = _clock(start_text, time(9, 0))
    end_clock = _clock(end_text, time(12, 0))
    planned = (_minutes(end_clock) - _minutes(start_clock)) % (24 * 60)
    length = timedelta(minutes=planned) if planned else DEFAULT_LENGTH
    start = _real(datetime.combine(day, start_clock, tzinfo=zone))
    end_day = day + timedelta(days=1) if end_clock < start_clock else day
    end = _real(datetime.combine(end_day, end_clock, tzinfo=zone))
    if end <= start:  # the end fell into the gap, or the meeting has no length
        end = start + length
    return start, end


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def _real(moment: datetime) -> datetime:
    """A wall-clock time as a moment that exists (through UTC and back)."""
    zone = moment.tzinfo
    return moment.astimezone(UTC).astimezone(zone)


def _clock(text: str, default: time) -> time:
    try:
        hours, _, minutes = text.strip().replace(".", ":").partition(":")
        return time(int(hours), int(minutes or 0))
    except ValueError:
        return default
