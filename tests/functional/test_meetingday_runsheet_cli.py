"""Issue 14.9: `startpakke agenda` prints clock times that never go backwards, and says by
how much a part does not fit and what the choice is."""

from __future__ import annotations

import re

from tests.cli import startpakke


def test_run_sheet_times_are_cumulative_and_the_overrun_is_explained() -> None:
    result = startpakke("agenda", "--start", "09:00", "--participants", "6")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    ranges = re.findall(r"^\s*(\d\d):(\d\d)–(\d\d):(\d\d)", text, re.MULTILINE)
    assert ranges, text
    parts = [line for line in text.splitlines() if re.match(r"^\d\d:\d\d–", line)]
    previous_end = None
    for line in parts:
        start, end = line[:5], line[6:11]
        if previous_end is not None:
            assert start == previous_end, f"a part starts when the one before ends: {line}"
        previous_end = end
    for h1, m1, h2, m2 in ranges:
        assert (int(h2), int(m2)) > (int(h1), int(m1)), "no phase of 0 minutes"
    flat = " ".join(text.split())
    assert "Delen trenger 49 min med 6 deltakere, men har 25 min: 24 min for lite" in flat
    assert "Valget: holde turene på 8 min" in flat
    assert "10:24–10:54 30 Steg 4 av 7" in flat, "steg 4 moves after steg 3"
