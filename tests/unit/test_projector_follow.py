"""The session follower: cheap polls, atomic replaces, missing and damaged files."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from startpakke.projector.follow import SessionFollower
from startpakke.session.model import Rule, Session
from startpakke.session.store import dump_session, save_session

FAR_FUTURE_NS = 2**62
"""A wall clock long after every write: no signature is «racy» (too fresh to trust)."""


def version(number: int, rules: int = 150) -> Session:
    """A session that says which version it is, big enough that a write takes a while."""
    session = Session()
    session.network.name = f"Versjon {number}"
    session.rules = [
        Rule(id=f"r{i}", text=f"Regel {i} i versjon {number} " + "æøå " * 10, agreed=i % 2 == 0)
        for i in range(rules)
    ]
    return session


def test_polls_only_stat_until_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(version(1), path)
    follower = SessionFollower(path, wall_ns=lambda: FAR_FUTURE_NS)
    assert follower.poll()
    assert follower.session is not None and follower.session.network.name == "Versjon 1"
    for _ in range(100):
        assert not follower.poll()
    assert follower.reads == 1

    save_session(version(2), path)
    assert follower.poll()
    assert follower.session.network.name == "Versjon 2"
    assert follower.reads == 2
    assert follower.version == 2


def test_a_fresh_file_is_read_again_once_in_case_it_changes_within_a_tick(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(version(1), path)
    follower = SessionFollower(path)
    assert follower.poll()
    time.sleep(0.15)  # older than the racy window now
    assert not follower.poll()  # read again (it was fresh), same content: no new state
    reads = follower.reads
    for _ in range(20):
        assert not follower.poll()
    assert follower.reads == reads


def test_deleted_and_recreated(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(version(1), path)
    follower = SessionFollower(path)
    assert follower.poll()

    path.unlink()
    for _ in range(3):
        assert not follower.poll()
    assert follower.session is not None and follower.session.network.name == "Versjon 1"
    assert follower.problem is not None and "Finner ikke øktfilen" in follower.problem

    second = version(2)
    save_session(second, path)
    assert follower.poll()
    assert follower.session.network.name == "Versjon 2"
    assert follower.problem is None

    # Deleted and written again with the same content: the same state, nothing new.
    path.unlink()
    assert not follower.poll()
    save_session(second, path)
    assert not follower.poll()
    assert follower.problem is None


def test_half_written_and_damaged_files_keep_the_last_good_state(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(version(1), path)
    follower = SessionFollower(path)
    assert follower.poll()
    good = follower.session

    payload = dump_session(version(2))
    for broken in (
        payload[: len(payload) // 2],
        b"",
        b"\xff\xfe not utf-8",
        b'{"agenda_id": 5, "rules": "ikke en liste"}',
        b"[1, 2, 3]",
        b"[" * 100_000,
    ):
        path.write_bytes(broken)  # in place, not atomic: what another program might do
        assert not follower.poll()
        assert follower.session is good
        assert follower.problem

    path.write_bytes(payload)
    assert follower.poll()
    assert follower.session is not None and follower.session.network.name == "Versjon 2"
    assert follower.problem is None


def test_a_directory_or_unreadable_path_never_raises(tmp_path: Path) -> None:
    folder = tmp_path / "okt.json"
    folder.mkdir()
    follower = SessionFollower(folder)
    assert not follower.poll()
    assert follower.session is None
    assert follower.problem


def _follow_while(writer: threading.Thread, follower: SessionFollower) -> list[Session]:
    """Poll as fast as possible while `writer` runs; every new state the follower gave."""
    seen: list[Session] = []
    writer.start()
    while writer.is_alive():
        if follower.poll():
            assert follower.session is not None
            seen.append(follower.session)
    writer.join()
    time.sleep(0.12)  # past the racy window: the last write is certainly read
    for _ in range(3):
        if follower.poll():
            assert follower.session is not None
            seen.append(follower.session)
    return seen


def test_survives_100_atomic_replaces_in_a_second(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    written = [version(i) for i in range(101)]
    save_session(written[0], path)
    follower = SessionFollower(path)
    errors: list[BaseException] = []

    def write() -> None:
        start = time.monotonic()
        try:
            for number in range(1, 101):
                save_session(written[number], path)  # temp file + fsync + os.replace
                # Evenly over one second.
                time.sleep(max(0.0, start + number / 100 - time.monotonic()))
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    # No wall-time bound: how fast is for benchmarks/, not a test that flakes under load.
    seen = _follow_while(threading.Thread(target=write), follower)
    assert errors == []

    dumps = {dump_session(session) for session in written}
    assert seen, "the follower never saw a new state"
    for state in seen:
        assert dump_session(state) in dumps  # a whole state that was written, never a mix
    names = [state.network.name for state in seen]
    numbers = [int(name.split()[1]) for name in names]
    assert numbers == sorted(numbers)  # never goes back to an older state
    assert numbers[-1] == 100  # and ends on the last one
    assert len(set(numbers)) >= 20  # it really followed along
    assert follower.problem is None


def test_survives_delete_and_recreate_under_a_busy_writer(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    written = [version(i, rules=40) for i in range(60)]
    save_session(written[0], path)
    follower = SessionFollower(path)

    def write() -> None:
        for number in range(1, 60):
            if number % 10 == 0:
                path.unlink()
                time.sleep(0.005)
            save_session(written[number], path)
            time.sleep(0.003)

    seen = _follow_while(threading.Thread(target=write), follower)
    dumps = {dump_session(session) for session in written}
    assert all(dump_session(state) in dumps for state in seen)
    assert follower.session is not None and follower.session.network.name == "Versjon 59"


def test_a_slow_in_place_writer_never_shows_a_half_state(tmp_path: Path) -> None:
    """A program that does not save atomically: the half-written file is never shown."""
    path = tmp_path / "okt.json"
    written = [version(i) for i in range(30)]
    save_session(written[0], path)
    follower = SessionFollower(path)

    def write() -> None:
        for session in written[1:]:
            payload = dump_session(session)
            with open(path, "r+b") as handle:
                handle.truncate(0)
                handle.write(payload[: len(payload) // 2])
                handle.flush()
                time.sleep(0.004)
                handle.write(payload[len(payload) // 2 :])
            time.sleep(0.004)

    seen = _follow_while(threading.Thread(target=write), follower)
    dumps = {dump_session(session) for session in written}
    assert all(dump_session(state) in dumps for state in seen)
    assert follower.session is not None and follower.session.network.name == "Versjon 29"


def test_the_follower_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(version(1), path)
    path.chmod(0o400)  # read-only: a write would fail loudly
    before = sorted(p.name for p in tmp_path.iterdir()), path.stat().st_mtime_ns
    follower = SessionFollower(path)
    for _ in range(10):
        follower.poll()
    assert follower.session is not None
    assert (sorted(p.name for p in tmp_path.iterdir()), path.stat().st_mtime_ns) == before


def test_the_projector_package_is_plain_python() -> None:
    """Following, the room's view and the web server never import Textual."""
    code = (
        "import sys, startpakke.projector.follow, startpakke.projector.room, "
        "startpakke.projector.blockfont, startpakke.projector.web; "
        "print([m for m in sys.modules if m.split('.')[0] == 'textual' "
        "or m.startswith('startpakke.tui')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
