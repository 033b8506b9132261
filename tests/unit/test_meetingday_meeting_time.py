"""Issue 14.7: meeting times typed the natural way, parsed in plain Python."""

from __future__ import annotations

from datetime import date

import pytest

from startpakke.session.edit import EditError
from startpakke.session.meeting_time import MeetingTime, parse_meeting_time, show_meeting_time

DAY = date(2027, 2, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23.02.2027", MeetingTime(DAY, "09:00", "12:00")),
        ("23.02.2027 09:00", MeetingTime(DAY, "09:00", "12:00")),
        ("23.02.2027 kl. 9–12", MeetingTime(DAY, "09:00", "12:00")),
        ("23.02.2027 kl 9-12", MeetingTime(DAY, "09:00", "12:00")),
        ("23.02.2027 9:00–11:30", MeetingTime(DAY, "09:00", "11:30")),
        ("23.02.2027, kl. 12.30 til 15", MeetingTime(DAY, "12:30", "15:00")),
        ("23.2.27 kl. 13", MeetingTime(DAY, "13:00", "16:00")),
        ("2027-02-23 kl. 8:15 — 10:45", MeetingTime(DAY, "08:15", "10:45")),
        ("  23.02.2027   KL.  9 – 12 ", MeetingTime(DAY, "09:00", "12:00")),
        ("23.02.2027 kl. 22", MeetingTime(DAY, "22:00", "23:59")),
    ],
)
def test_typed_times_are_read(text: str, expected: MeetingTime) -> None:
    assert parse_meeting_time(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Skriv datoen"),
        ("neste tirsdag", "dd.mm.åååå kl. 9–12"),
        ("31.02.2027 kl. 9", "Datoen skrives"),
        ("23.02.2027 kl. 25", "finnes ikke"),
        ("23.02.2027 kl. 9:75", "finnes ikke"),
        ("23.02.2027 kl. 12–9", "slutte etter"),
        ("23.02.2027 kl. 9–9", "slutte etter"),
    ],
)
def test_bad_times_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(EditError, match=says):
        parse_meeting_time(text)


def test_shown_time_reads_back_the_same() -> None:
    shown = show_meeting_time(DAY, "09:00", "11:30")
    assert shown == "23.02.2027 kl. 09:00–11:30"
    assert parse_meeting_time(shown) == MeetingTime(DAY, "09:00", "11:30")
