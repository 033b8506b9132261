"""A disk that refuses: the screen says so until it works, quitting asks, the last line is true.

Real processes in tmux: the session's folder is removed while the meeting runs, or the
session lives on a real 200 KiB tmpfs that is filled up (skipped where mounting is not
permitted).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from startpakke.network.start import meeting_to_resume
from tests.e2e.safety_term import Term, data_env, start_meeting, startpakke
from tests.small_disk import small_disk

pytestmark = pytest.mark.slow


def _meeting_in(session: Path, env: dict[str, str], cwd: Path | None = None) -> Term:
    command = startpakke("run", "--session", str(session), "--names", "Anne,Bjørn")
    term = Term(command, env, cwd=cwd)
    start_meeting(term)
    return term


def _part_of(path: Path) -> int:
    """Which part the saved run stands at, read from the file as written."""
    return int(json.loads(path.read_text())["run"]["position"]["part"])


def test_removed_folder_warns_until_quit_then_saves_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = data_env(tmp_path / "data")
    folder = tmp_path / "minnepinne"
    folder.mkdir()
    session = folder / "møte.json"
    copy = tmp_path / "kopi" / "møte.json"
    copy.parent.mkdir()
    typed = "kopi/møte.json"  # relative to where the app was started: short, seen whole
    term = _meeting_in(session, env, cwd=tmp_path)
    try:
        shutil.rmtree(folder)  # the stick is pulled out
        term.keys("n")
        term.wait_for("Kunne ikke lagre")
        # That it stays longer than any toast, through the retries, is shown by its timeout
        # in tests/functional/test_speed_save_notice.py, not by waiting here.
        assert not folder.exists()  # not made again somewhere unexpected
        term.keys("C-q")
        term.wait_for("Økten er ikke lagret")
        term.wait_for("Avslutt uten å lagre")
        time.sleep(0.5)  # the dialog has its focus
        term.keys("C-u")
        term.wait_for(lambda s: str(tmp_path / "data") not in s)  # the suggestion is gone
        for _attempt in range(3):
            # Under a full suite on two cores, letters typed right after ctrl+u are sometimes
            # lost (a race noted on issue 13); the copy itself is what this test is about,
            # so the whole path must be in the field before Enter.
            term.type(typed)
            try:
                term.wait_for(f"{typed} ", timeout=5)
                break
            except AssertionError:
                term.keys("C-u")
        term.keys("Enter")
        assert term.exit_status() == 0
        screen = "".join(term.screen().split())  # the lines wrap anywhere
        assert "".join(f"Økten er lagret i {copy}".split()) in screen
        assert "".join(f"Fortsett med: startpakke run --session {copy}".split()) in screen
    finally:
        term.close()
    assert _part_of(copy) == 1  # the step after Innsjekk, done after the folder went
    # `run --resume` opens the copy: it is the meeting last running, wherever it was saved.
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", env["STARTPAKKE_DATA_DIR"])
    assert meeting_to_resume() == copy


def _fill(folder: Path) -> Path:
    filler = folder / "fyll"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 1024)
    finally:
        os.close(fd)
    return filler


@pytest.mark.parametrize("choice", ["discard", "retry"])
def test_full_disk_quit_says_the_truth(tmp_path: Path, choice: str) -> None:
    env = data_env(tmp_path / "data")
    with small_disk(tmp_path / "disk", "200k") as disk:
        session = disk / "møte.json"
        term = _meeting_in(session, env)
        try:
            filler = _fill(disk)
            term.keys("n")
            term.wait_for("Kunne ikke lagre")
            assert "disken er full" in " ".join(term.screen().split())
            term.keys("C-q")
            term.wait_for("Avslutt uten å lagre")
            time.sleep(0.5)
            if choice == "discard":
                term.keys("Tab", "Tab", "Tab", "Enter")  # past the path, «Prøv igjen», «kopi»
                assert term.exit_status() == 1
                screen = "".join(term.screen().split())  # the lines wrap anywhere
                assert "Øktenerlagret" not in screen
                assert "Avsluttetutenålagre:" in screen
                assert "".join(f"Det som sist ble lagret, ligger i {session}".split()) in screen
                assert _part_of(session) == 0  # what is on disk is what was said
            else:
                term.keys("Tab", "Enter")  # «Prøv igjen» while still full
                term.wait_for("Gikk ikke")
                filler.unlink()
                for _attempt in range(3):  # a loaded machine may still be drawing the first
                    term.keys("Enter")
                    with contextlib.suppress(AssertionError):
                        term.wait_for("__EXIT__=", timeout=4)
                        break
                assert term.exit_status() == 0
                screen = "".join(term.screen().split())
                assert "".join(f"Økten er lagret i {session}".split()) in screen
                assert _part_of(session) == 1
        finally:
            term.close()
        json.loads(session.read_text())  # never half a file


def test_unwritable_folder_as_an_ordinary_user() -> None:
    """The folder turns read-only under a real user's meeting (root may write anywhere)."""
    import pwd
    import uuid

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("ingen vanlig bruker «nobody» her")
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("krever root og setpriv for å kjøre som en vanlig bruker")
    base = Path("/tmp") / f"safety-nobody-{uuid.uuid4().hex[:8]}"
    folder = base / "møter"
    folder.mkdir(parents=True)
    (base / "data").mkdir()
    for path in (base, folder, base / "data"):
        os.chown(path, nobody.pw_uid, nobody.pw_gid)
    base.chmod(0o755)
    session = folder / "møte.json"
    as_nobody = f"setpriv --reuid={nobody.pw_uid} --regid={nobody.pw_gid} --clear-groups "
    env = {**data_env(base / "data"), "HOME": str(base)}
    term = Term(
        as_nobody + startpakke("run", "--session", str(session), "--names", "Anne,Bjørn"), env
    )
    try:
        start_meeting(term)
        assert session.stat().st_uid == nobody.pw_uid
        folder.chmod(0o555)
        term.keys("n")
        term.wait_for("IKKE LAGRET")
        # «mangler tilgang», wrapped in the notice (the day line's «IKKE LAGRET» can be
        # drawn a frame before it: waited for, still a failure if it never comes)
        assert "mangler" in term.wait_for("mangler", timeout=5)
        term.keys("C-q")
        term.wait_for("Avslutt uten å lagre")
        time.sleep(0.5)
        term.keys("Tab", "Tab", "Tab", "Enter")
        assert term.exit_status() == 1
        screen = "".join(term.screen().split())
        assert "Øktenerlagret" not in screen
        assert "Avsluttetutenålagre:" in screen
        assert _part_of(session) == 0
    finally:
        term.close()
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)
