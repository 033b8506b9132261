"""A plain `startpakke` after a meeting stopped halfway offers to continue it.

The record of paths (`okter.json`) says when a meeting last ran and when it last reached
its end; `unfinished_meeting` reads only that, and `run`'s start asks on the terminal.
"""

from __future__ import annotations

import io
import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from startpakke.cli import build_parser
from startpakke.commands import run as run_command
from startpakke.network import recent
from startpakke.network.start import UNFINISHED_WITHIN, unfinished_meeting
from startpakke.session.lock import lock_path
from startpakke.session.model import Session
from startpakke.session.store import save_session

NOW = datetime(2026, 12, 2, 11, 30).astimezone()


def _meeting(tmp_path: Path, name: str = "okt.json") -> Path:
    path = tmp_path / name
    session = Session(agenda="startpakke", agenda_id="startpakke")
    session.network.name = "Nettverket i Testdal"
    save_session(session, path)
    return path


def test_a_meeting_that_ran_and_never_ended_is_unfinished(tmp_path: Path) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=False, now=NOW - timedelta(minutes=5))
    found = unfinished_meeting(NOW)
    assert found is not None and found.path == path.resolve()


def test_a_finished_meeting_is_not_offered_until_it_runs_again(tmp_path: Path) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=False, now=NOW - timedelta(hours=2))
    recent.remember(path, running=True, finished=True, now=NOW - timedelta(hours=1))
    assert unfinished_meeting(NOW) is None
    # Opened again and moved back from its end: unfinished once more.
    recent.remember(path, running=True, finished=False, now=NOW - timedelta(minutes=1))
    assert unfinished_meeting(NOW) is not None


def test_only_the_meeting_that_ran_last_counts(tmp_path: Path) -> None:
    older = _meeting(tmp_path, "eldre.json")
    newer = _meeting(tmp_path, "nyere.json")
    recent.remember(older, running=True, finished=False, now=NOW - timedelta(hours=3))
    recent.remember(newer, running=True, finished=True, now=NOW - timedelta(hours=1))
    assert unfinished_meeting(NOW) is None, "the last meeting ended: nothing to offer"


def test_a_meeting_whose_file_is_gone_does_not_hide_the_one_before(tmp_path: Path) -> None:
    """The last-run meeting's file was deleted or moved: its record is stale, and the
    meeting that ran before it, still unfinished and on disk, is the one to offer."""
    older = _meeting(tmp_path, "eldre.json")
    newer = _meeting(tmp_path, "nyere.json")
    recent.remember(older, running=True, finished=False, now=NOW - timedelta(hours=2))
    recent.remember(newer, running=True, finished=False, now=NOW - timedelta(hours=1))
    newer.unlink()
    found = unfinished_meeting(NOW)
    assert found is not None and found.path == older.resolve()


@pytest.mark.parametrize(
    ("case", "offered"),
    [("just within", True), ("too old", False), ("file gone", False), ("open elsewhere", False)],
)
def test_what_is_not_offered(tmp_path: Path, case: str, offered: bool) -> None:
    path = _meeting(tmp_path)
    ago = UNFINISHED_WITHIN + (timedelta(minutes=1) if case == "too old" else -timedelta(minutes=1))
    recent.remember(path, running=True, finished=False, now=NOW - ago)
    if case == "file gone":
        path.unlink()
    if case == "open elsewhere":  # a live process (this one) holds its lock
        from startpakke.session.lock import LockOwner

        lock_path(path).write_text(json.dumps(LockOwner.me().to_data()), encoding="utf-8")
    assert (unfinished_meeting(NOW) is not None) is offered


def test_the_record_keeps_no_more_than_paths_and_times(tmp_path: Path) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=True, now=NOW)
    entry = json.loads(recent.record_path().read_text(encoding="utf-8"))["sessions"][0]
    assert set(entry) == {"path", "opened", "running", "finished"}
    assert "Testdal" not in recent.record_path().read_text(encoding="utf-8")


def test_a_record_from_before_finished_was_kept_reads_as_unfinished(tmp_path: Path) -> None:
    path = _meeting(tmp_path)
    stamp = (datetime.now().astimezone() - timedelta(minutes=3)).isoformat()
    record = {"version": 1, "sessions": [{"path": str(path), "opened": stamp, "running": stamp}]}
    recent.record_path().parent.mkdir(parents=True, exist_ok=True)
    recent.record_path().write_text(json.dumps(record), encoding="utf-8")
    assert unfinished_meeting() is not None


# -- the question at start ---------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _start(monkeypatch: pytest.MonkeyPatch, answer: str | None, *argv: str):  # type: ignore[no-untyped-def]
    """`_prepare` for `startpakke run ARGV`, with `answer` typed at a terminal (None: no
    terminal); the store it chose, and the locks given back."""
    if answer is None:
        monkeypatch.setattr("sys.stdin", io.StringIO())
    else:
        monkeypatch.setattr("sys.stdin", _Terminal())
        monkeypatch.setattr("builtins.input", lambda prompt: answer)
    args = build_parser().parse_args(["run", *argv])
    try:
        _agenda, store, _resume = run_command._prepare(args)
    finally:
        run_command._release_locks()
    return store


def _too_wide(said: str, path: Path) -> list[str]:
    """The lines, other than the meeting's path, that wrap in an 80-column terminal."""
    where = str(path.resolve())
    return [line for line in said.splitlines() if len(line) > 80 and where not in line]


@pytest.mark.parametrize("answer", ["", "j", "ja"])
def test_enter_or_yes_continues_the_unfinished_meeting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=False)
    store = _start(monkeypatch, answer)
    assert store.path.resolve() == path.resolve()
    assert store.session.network.name == "Nettverket i Testdal"
    said = capsys.readouterr().err
    assert "Møtet er ikke avsluttet (sist lagret kl. " in said
    assert f"\n  {path.resolve()}\n" in said, "the path on a line of its own"
    assert not _too_wide(said, path), "every sentence fits an 80-column terminal"


def test_the_offer_says_when_the_meeting_was_last_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said «sist i gang» with the time the program was opened: a meeting run from
    09:00 until a crash at 11:30 was «sist i gang kl. 09:00»."""
    import os
    from datetime import datetime

    path = _meeting(tmp_path)
    opened = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    recent.remember(path, running=True, finished=False, now=opened)
    saved = opened.replace(hour=11, minute=30)
    os.utime(path, (saved.timestamp(), saved.timestamp()))
    _start(monkeypatch, "j")
    assert "(sist lagret kl. 11:30):" in capsys.readouterr().err


def test_no_starts_a_new_meeting_and_says_how_to_continue_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=False)
    store = _start(monkeypatch, "n")
    assert store.path.resolve() != path.resolve()
    assert not store.session.network.name, "a new, blank meeting"
    said = capsys.readouterr().err
    assert "startpakke run --resume" in said
    assert not _too_wide(said, path), "every sentence fits an 80-column terminal"


def test_without_a_terminal_nothing_is_asked_and_a_new_meeting_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=False)
    store = _start(monkeypatch, None)
    assert store.path.resolve() != path.resolve()
    assert "startpakke run --resume" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ("--agenda", "kollegaveiledning"),
        ("--session", "ny.json"),
    ],
)
def test_a_start_that_names_what_to_open_is_not_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    path = _meeting(tmp_path)
    recent.remember(path, running=True, finished=False)
    monkeypatch.chdir(tmp_path)

    def no_question(prompt: str) -> str:
        raise AssertionError(f"asked: {prompt}")

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", no_question)
    args = build_parser().parse_args(["run", *argv])
    try:
        _agenda, store, _resume = run_command._prepare(args)
    finally:
        run_command._release_locks()
    assert store.path.resolve() != path.resolve()
    assert os.path.exists(path)


def test_the_apps_saver_records_when_the_meeting_reaches_its_end(tmp_path: Path) -> None:
    from startpakke.session.runstate import RunState
    from startpakke.session.store import SessionStore

    session = Session(agenda="startpakke", agenda_id="startpakke")
    store = SessionStore.pending(tmp_path / "okt.json", session)
    save = run_command._saver(store)
    save(session)
    assert unfinished_meeting() is None, "no meeting has run in it yet"
    session.run = RunState(agenda_id="startpakke", started=True)
    save(session)
    assert unfinished_meeting() is not None
    session.run.finished = True
    save(session)
    assert unfinished_meeting() is None
    session.run.finished = False  # `p` back from the end
    save(session)
    assert unfinished_meeting() is not None
