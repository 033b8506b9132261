"""The agenda cache, and a meeting that starts without pydantic or PyYAML (issue 8).

A validated agenda is kept as JSON under a hash of the file and the model code, so a start
on a known agenda reads neither YAML nor pydantic. Anything the cache cannot answer goes
through the full loader, with its Norwegian messages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from startpakke.agenda.cache import cache_folder, load_agenda_cached
from startpakke.agenda.loader import AgendaError, load_agenda
from startpakke.resources import resolve_agenda
from tests.conftest import AGENDAS, ROOT

SMALL = AGENDAS / "liten.yaml"


def entries() -> list[Path]:
    folder = cache_folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_a_cached_agenda_equals_the_validated_one() -> None:
    for name in ("startpakke", "kollegaveiledning", "revisjon"):
        path = resolve_agenda(name)
        first = load_agenda_cached(path)  # validates and stores
        again = load_agenda_cached(path)  # from the cache
        assert first == again == load_agenda(path)
        assert again.parts[0].effective_phases == first.parts[0].effective_phases
    assert len(entries()) == 3


def test_the_second_load_reads_the_cache(tmp_path: Path) -> None:
    agenda = tmp_path / "a.yaml"
    agenda.write_bytes(SMALL.read_bytes())
    assert load_agenda_cached(agenda).title == "Liten agenda"
    (entry,) = entries()
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["title"] = "Fra hurtiglageret"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_agenda_cached(agenda).title == "Fra hurtiglageret"


def test_a_changed_file_is_validated_again(tmp_path: Path) -> None:
    agenda = tmp_path / "a.yaml"
    agenda.write_bytes(SMALL.read_bytes())
    load_agenda_cached(agenda)
    agenda.write_text(
        SMALL.read_text(encoding="utf-8").replace("Liten agenda", "Endret"), encoding="utf-8"
    )
    assert load_agenda_cached(agenda).title == "Endret"
    agenda.write_text("id: x\ntitle: X\nparts:\n  - id: a\n    title: A\n    minutes: ti\n")
    with pytest.raises(AgendaError) as info:
        load_agenda_cached(agenda)
    with pytest.raises(AgendaError) as direct:
        load_agenda(agenda)
    assert str(info.value) == str(direct.value)
    assert ":6:14: parts[0].minutes: må være et heltall" in str(info.value)


@pytest.mark.parametrize("damage", [b"{ikke json", b"[]", b'{"id": "x"}', b"", b'{"parts": 5}'])
def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path, damage: bytes) -> None:
    agenda = tmp_path / "a.yaml"
    agenda.write_bytes(SMALL.read_bytes())
    expected = load_agenda_cached(agenda)
    (entry,) = entries()
    entry.write_bytes(damage)
    assert load_agenda_cached(agenda) == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["id"] == "liten"


def test_a_cache_that_cannot_be_written_is_no_problem(_private_data_dir: Path) -> None:
    _private_data_dir.mkdir(parents=True)
    (_private_data_dir / "cache").write_text("en fil, ikke en mappe")
    assert load_agenda_cached(SMALL).id == "liten"
    assert load_agenda_cached(SMALL).id == "liten"


def test_a_missing_file_is_reported_as_the_loader_does(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="finnes ikke"):
        load_agenda_cached(tmp_path / "borte.yaml")


def test_entries_are_private_and_few(tmp_path: Path) -> None:
    from startpakke.agenda import cache

    for number in range(cache.KEEP + 5):
        agenda = tmp_path / f"a{number}.yaml"
        text = SMALL.read_text(encoding="utf-8").replace("Liten agenda", f"Agenda {number}")
        agenda.write_text(text, encoding="utf-8")
        load_agenda_cached(agenda)
    found = entries()
    assert len(found) == cache.KEEP
    assert {entry.stat().st_mode & 0o777 for entry in found} == {0o600}


NOT_AT_START = [
    "textual.widgets._text_area",  # the contract dialog's field (about 5 ms with its parts)
    "zoneinfo",  # the fake clock's zone (with sysconfig, about 3 ms)
    "startpakke.projector.blockfont",  # the big block clock, shown from about 100×30
    "startpakke.session.revision",  # the rule review's view
    "startpakke.network.privacy",  # the warning about personal data in a typed text
]
"""Modules the run screen's first frame does not use (benchmarks/README.md, fifth session):
each cost every start a few milliseconds, and a new import at the top of a start-up module
would bring it back without failing anything else."""

# A new meeting as `startpakke run --session F --names …` starts it, in a fresh interpreter
# (the modules of this test process do not count): the setup screen, «Start», the run
# screen at 80×24, then a rule typed in steg 4 and autosaved.
START = """
import asyncio, json, sys
from startpakke.cli import build_parser
from startpakke.commands.run import _prepare, startup_for
from startpakke.tui import app as app_module
from startpakke.tui.app import StartpakkeApp

# The app builds pydantic's validators in a thread a second after the first frame, on
# purpose (issue 12.7); this checks the path to the first frame, so that waits here.
app_module.WARM_AFTER_SECONDS = 3600.0

def loaded():
    return sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "pydantic_core", "yaml"})

NOT_AT_START = json.loads(sys.argv[2])

args = build_parser().parse_args(
    ["run", "--session", sys.argv[1], "--names", "Anne,Bjørn", "--no-bell"]
)
app = StartpakkeApp(startup_for(args, *_prepare(args)))
seen = {}

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["screen"] = type(app.screen).__name__
        seen["at_start"] = loaded()
        seen["not_needed"] = [name for name in NOT_AT_START if name in sys.modules]
        for _ in range(4):
            await pilot.press("n")
        seen["part"] = app.controller.part.id
        await pilot.press("c", *"Vi holder tiden", "enter")
        await pilot.pause()
        seen["rules"] = [r.text for r in app.controller.session.rules]

asyncio.run(main())
print(json.dumps(seen))
"""


def _start(session: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", START, str(session), json.dumps(NOT_AT_START)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def test_a_new_meeting_starts_without_pydantic_yaml_or_what_it_does_not_show(
    tmp_path: Path,
) -> None:
    cold = _start(tmp_path / "first.json")  # the very first start validates the agenda
    assert cold["screen"] == "RunScreen"
    assert "yaml" in cold["at_start"]  # type: ignore[operator]
    warm = _start(tmp_path / "second.json")
    assert warm["screen"] == "RunScreen"
    assert warm["at_start"] == []
    assert warm["not_needed"] == []
    assert warm["part"] == "steg4"
    assert warm["rules"] == ["Vi holder tiden"]
    saved = json.loads((tmp_path / "second.json").read_text(encoding="utf-8"))
    assert [rule["text"] for rule in saved["rules"]] == ["Vi holder tiden"]


def test_startpakke_cache_dir_moves_the_cache_alone(
    tmp_path: Path, _private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from startpakke.paths import CACHE_DIR_ENV, cache_dir, data_dir

    assert cache_dir() == _private_data_dir / "cache"  # without it: inside the data folder
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "hurtig"))
    load_agenda_cached(SMALL)
    assert [p.parent for p in entries()] == [tmp_path / "hurtig" / "agendaer"]
    assert data_dir() == _private_data_dir and not (_private_data_dir / "cache").exists()
