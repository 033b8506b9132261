"""Shared fixtures."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Bytecode caches are written even where the environment turns them off
# (PYTHONDONTWRITEBYTECODE=1, as on this project's machines): without them every worker
# rewrote the asserts of every test module (5 s of its 7 s of collecting) and every
# `startpakke` process the tests start compiled the whole package again.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
AGENDAS = TESTS / "data" / "agendas"
FUNCTIONAL = TESTS / "functional"
LONGEST_FIRST = ("functional", "e2e", "unit")
"""The order the layers run in: see `pytest_collection_modifyitems`."""
OWN_AGENDA_CACHE = ("test_agenda_cache.py", "test_registry_agenda_cache_key.py")
"""Tests of the agenda cache: the cache they see is the one in their own data folder."""
LONGEST_TESTS = (
    "tests/e2e/test_tooling.py::test_mypy_strict",
    "tests/functional/test_tui_capture.py::test_capture_everything_quit_and_reopen",
    "tests/unit/test_agenda_cache.py::test_a_new_meeting_starts_without_pydantic_yaml_or_what_it_does_not_show",
    "tests/e2e/test_meetingday_referat_pages.py",
    "tests/e2e/test_network_year.py::test_a_network_year_from_founding_to_deletion",
)
"""The single longest tests (30–90 s on a loaded two-core machine): they start before all
others, so the suite does not end with one worker still running one of them."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: three workers for every two cores.

    A Pilot test waits for the app to go idle after every key, an e2e test waits for a
    process: a worker per core leaves the cores idle half the time. On this project's
    two-core machine 3 workers ran the suite in 109 s, 2 in 145 s, 4 in 123 s.
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(2, (cores or 1) * 3 // 2)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long Pilot flows and real processes first, the quick unit tests last.

    pytest-xdist hands the tests to its workers in this order, so no worker is left with a
    30-second flow while the other has finished; the unit tests fill the gaps. The order
    within a layer (and a file) is kept.
    """

    def layer(item: pytest.Item) -> int:
        parts = item.path.relative_to(TESTS).parts if TESTS in item.path.parents else ()
        name = parts[0] if len(parts) > 1 else ""
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    def longest(item: pytest.Item) -> int:
        found = [n for n, start in enumerate(LONGEST_TESTS) if item.nodeid.startswith(start)]
        return found[0] if found else len(LONGEST_TESTS)

    items.sort(key=lambda item: (longest(item), layer(item)))


@pytest.fixture
def agendas_dir() -> Path:
    """`tests/data/agendas/`: small valid and broken agendas."""
    return AGENDAS


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point startpakke's data folder at a temporary one: the real one is never touched.

    It is not inside `tmp_path`: the agenda cache lives there, and tests that list what a
    command wrote into `tmp_path` must not see it. The folder is created by startpakke.
    """
    folder = tmp_path_factory.mktemp("data") / "startpakke-data"
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True, scope="session")
def _private_tmux_folder() -> Iterator[Path]:
    """tmux sockets go in a folder of this test run (worker), and $TMUX is forgotten.

    Every test names its own server (`tmux -L`, see tests/tmux.py); this is the net under
    that: even a bare `tmux` call in a test cannot reach the user's own tmux server. The
    folder is short and directly in /tmp: a socket's path may not be longer than 107 bytes.
    """
    folder = Path(tempfile.mkdtemp(prefix="sp-tmux-"))
    patch = pytest.MonkeyPatch()
    patch.setenv("TMUX_TMPDIR", str(folder))
    patch.delenv("TMUX", raising=False)
    yield folder
    patch.undo()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _bokmal_unless_told(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Every test starts in bokmål, whatever the developer's STARTPAKKE_LANG says, and a
    test that switches language (`startpakke.i18n.set_language`) does not leak it."""
    from startpakke import i18n

    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def _run_screen_ticks_on_request(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In Pilot tests the run screen redraws when the test asks, not five times a second.

    The app's clock is a FakeClock there, so a tick shows nothing new; but each one builds
    the whole view again, and a timer five times a second keeps the app from looking idle
    to Pilot (when a tick also redrew the screen, this doubled the functional tests' CPU).
    They call `refresh_state()` (their `settle`) where the real app would have ticked.
    Tests marked `real_tick` keep the tick (tests/functional/test_layers_tick.py); the apps
    in tests/e2e run as real processes with their own.
    """
    if FUNCTIONAL not in request.path.parents or request.node.get_closest_marker("real_tick"):
        return
    from startpakke.tui.screens import run

    # Not raising: if the tick moves, tests/functional/test_layers_tick.py fails, not all.
    monkeypatch.setattr(run, "TICK_SECONDS", 3600.0, raising=False)


@pytest.fixture(scope="session")
def _agenda_cache_of_this_worker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("agenda-cache")


@pytest.fixture(autouse=True)
def _tests_share_the_agenda_cache(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests of this worker, and the programs they start, share one agenda cache.

    Each test has its own data folder, so each one started with an empty cache and loaded
    the built-in agenda through the whole YAML loader and pydantic: 40 ms in a Pilot test,
    and about 0.25 s of CPU in the first program an e2e test starts. `STARTPAKKE_CACHE_DIR`
    reaches both (the programs inherit it). The tests of the cache itself
    (`OWN_AGENDA_CACHE`) keep the one in their data folder.
    """
    from startpakke.paths import CACHE_DIR_ENV

    if request.path.name in OWN_AGENDA_CACHE:
        monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
        return
    folder = request.getfixturevalue("_agenda_cache_of_this_worker")
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))


@pytest.fixture(autouse=True)
def _functional_tests_work_in_their_own_folder(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Pilot test that makes a document with the suggested name writes it in its own
    temporary folder, never in the project (the export dialog suggests the current folder)."""
    if FUNCTIONAL in request.path.parents:
        monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True, scope="session")
def _css_parsed_once_per_worker() -> Iterator[None]:
    """The tests of a worker parse each CSS text once (tests/css_once.py): Textual parses
    the app's CSS and every widget's DEFAULT_CSS again for each App a Pilot test builds."""
    from textual.css.stylesheet import Stylesheet

    from tests.css_once import parse_rules_once

    patch = pytest.MonkeyPatch()
    patch.setattr(Stylesheet, "_parse_rules", parse_rules_once(Stylesheet._parse_rules))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _pilot_keys_wait_in_short_steps(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After every key Pilot waits twice for the app to go idle, sleeping in steps of 20 ms:
    most of a Pilot test's time was those sleeps. Between keys the steps are 2 ms, with the
    same rule (idle = the process used under 5 % of a step's CPU); `pilot.pause()` keeps
    Textual's own 20 ms steps, so a test that waits for a frame (a resize) still gets one."""
    if FUNCTIONAL not in request.path.parents:
        return
    import textual.app

    monkeypatch.setattr(textual.app, "wait_for_idle", _idle_in_short_steps)


async def _idle_in_short_steps(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    import asyncio
    import time

    step = 0.002
    start = time.monotonic()
    while True:
        cpu = time.process_time()
        await asyncio.sleep(step)
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep or (elapsed > min_sleep and time.process_time() - cpu < step / 20):
            return
