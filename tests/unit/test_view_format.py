"""How run state reads as text: the wording shared by the app and the projector."""

from __future__ import annotations

import pytest

from startpakke.engine import TimerView
from startpakke.view.format import (
    behind_text,
    clock_face,
    minutes_text,
    sentence,
    timer_state,
    timer_status,
)


@pytest.mark.parametrize(
    ("remaining", "face"),
    [
        (180.0, "03:00"),
        (179.2, "03:00"),  # counting down rounds up: 0 shows only when time is up
        (0.4, "00:01"),
        (0.0, "00:00"),
        (-0.4, "+00:00"),
        (-65.0, "+01:05"),
        (3725.0, "1:02:05"),
        (-3725.0, "+1:02:05"),
    ],
)
def test_clock_face(remaining: float, face: str) -> None:
    assert clock_face(remaining) == face


@pytest.mark.parametrize(
    ("seconds", "text"), [(240, "4 min"), (100, "1 min 40 s"), (45, "45 s"), (0, "0 s")]
)
def test_minutes_text(seconds: float, text: str) -> None:
    assert minutes_text(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(20, "i rute"), (-29, "i rute"), (300, "5 min etter planen"), (-185, "3 min foran planen")],
)
def test_behind_text(seconds: float, text: str) -> None:
    assert behind_text(seconds) == text


@pytest.mark.parametrize(
    ("remaining", "paused", "state", "label"),
    [
        (100, False, "ok", ""),
        (20, False, "low", "LITE TID IGJEN"),
        (-5, False, "overtime", "OVERTID +00:05"),
        (-5, True, "paused", "PAUSE"),
    ],
)
def test_timer_state_always_has_a_word_when_not_ok(
    remaining: float, paused: bool, state: str, label: str
) -> None:
    timer = TimerView("Tur", 120, remaining)
    assert timer_state(timer, paused) == state
    assert timer_status(timer, paused) == label


@pytest.mark.parametrize(
    ("text", "ended"),
    [
        ("Steg 1 av 7: Valg av fasilitator", "Steg 1 av 7: Valg av fasilitator."),
        ("Steg 7 av 7: Før vi går …", "Steg 7 av 7: Før vi går …"),
        ("Hva gjør vi nå?", "Hva gjør vi nå?"),
        ("Velkommen!", "Velkommen!"),
        ("kl. 10.", "kl. 10."),
        ("Pause ", "Pause."),
    ],
)
def test_sentence_adds_a_full_stop_only_where_none_ends_it(text: str, ended: str) -> None:
    assert sentence(text) == ended
