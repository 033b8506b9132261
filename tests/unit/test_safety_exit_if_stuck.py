"""A signalled app that cannot close (Textual's shutdown blocked on a terminal that has gone)
ends anyway, after giving back the session's lock; one that closes in time is left alone."""

from __future__ import annotations

import threading

from startpakke.tui.drafts import exit_if_stuck


def test_a_stuck_process_gives_back_the_lock_then_ends() -> None:
    done = threading.Event()
    happened: list[str] = []

    def end(code: int) -> None:
        happened.append(f"end {code}")
        done.set()

    exit_if_stuck(0.01, lambda: happened.append("release"), end)
    assert done.wait(5)
    assert happened == ["release", "end 0"]


def test_it_ends_even_when_giving_back_the_lock_fails() -> None:
    done = threading.Event()

    def release() -> None:
        raise OSError("låsen er borte")

    timer = exit_if_stuck(0.01, release, lambda _code: done.set())
    assert done.wait(5)
    assert timer.daemon  # never keeps a finished program alive


def test_nothing_happens_before_the_time_is_up() -> None:
    ended: list[int] = []
    timer = exit_if_stuck(60, lambda: None, ended.append)
    timer.cancel()
    assert ended == []
