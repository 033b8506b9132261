"""`Burst`: a space or Enter soon after a letter typed on a checkbox is typing, not a tick."""

from __future__ import annotations

import pytest

from startpakke.engine.clock import FakeClock
from startpakke.tui.widgets.tick import BURST_SECONDS, Burst


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # (seconds since the key before, key) → for each space: part of the typing?
        ([(0, "space")], [False]),  # a space on its own ticks
        ([(0, "a"), (0.1, "space")], [True]),
        ([(0, "a"), (BURST_SECONDS + 0.1, "space")], [False]),  # a pause, then a tick
        # Letters keep a burst going, spaces do not: words typed slowly are still words,
        # and spaces tapped after one stray letter tick the box once the second is over.
        ([(0, "a"), (0.8, "space"), (0.1, "b"), (0.8, "space")], [True, True]),
        ([(0, "a"), (0.6, "space"), (0.6, "space")], [True, False]),
        ([(0, "a"), (0.1, "space"), (BURST_SECONDS + 0.1, "space")], [True, False]),
    ],
)
def test_a_space_after_a_letter_is_typing(
    keys: list[tuple[float, str]], expected: list[bool]
) -> None:
    clock = FakeClock()
    burst = Burst(clock.monotonic)
    found = []
    for wait, key in keys:
        clock.advance(wait)
        if key == "space":
            found.append(burst.is_typing())
        else:
            burst.typed()
    assert found == expected


def test_leaving_the_box_ends_the_burst() -> None:
    clock = FakeClock()
    burst = Burst(clock.monotonic)
    burst.typed()
    burst.end()
    assert burst.is_typing() is False
