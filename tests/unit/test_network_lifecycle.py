"""The network's year in a Word report, anonymising and deleting every file, resuming."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document

from startpakke import paths
from startpakke.documents.report import write_report
from startpakke.network import recent
from startpakke.network.catalog import scan
from startpakke.network.lifecycle import anonymise, delete, network_files
from startpakke.network.start import meeting_to_resume
from startpakke.session.model import Session
from startpakke.session.store import load_session, save_session
from tests.network_fixtures import PEOPLE, followup, founding, save_in_data_folder, with_focus

NAMES = [full for _, full, _, _ in PEOPLE]


def _network(tmp_path: Path) -> list[Path]:
    first = save_in_data_folder(founding(), "2026-02-10-startpakke")
    second = followup(first, date(2026, 3, 10))
    with_focus(second, "p-kari", "p-ola", timekeeper="p-siri")
    second.focus_rounds[0].case_title = "Kari sin sak om ventetid"
    second.participants[1].present = False
    second.notes = []
    from startpakke.session.model import Note

    second.notes.append(Note(part="kv", text="Kari Nordmann spurte Ola om tilsyn"))
    second_path = save_in_data_folder(second, "2026-03-10-kollegaveiledning")
    save_session(load_session(second_path), second_path)  # a .bak beside it
    draft = second_path.with_name(second_path.name + ".draft")
    draft.write_text("Ola Hansen skrev: ring Kari", encoding="utf-8")
    third = followup(second_path, date(2026, 5, 10))
    third.actions[0].done = True
    elsewhere = tmp_path / "minne" / "mai.json"
    save_session(third, elsewhere)
    recent.remember(elsewhere, running=True)
    return [first, second_path, elsewhere]


def _text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_annual_report_has_the_year_and_never_a_case(tmp_path: Path) -> None:
    _network(tmp_path)
    record = scan().resolve("vestfold")
    text = _text(write_report(record, 2026, tmp_path / "rapport.docx"))
    assert "Årsrapport 2026" in text
    assert "10.02.2026" in text and "10.03.2026" in text and "10.05.2026" in text
    assert "Kollegaveiledning" in text and "Oppstartsmøte" in text
    assert "4 av 5" in text  # Ola was away in March
    assert "Ola Hansen" in text and "2 av 3" in text
    assert "2 runder med kollegaveiledning i 2 møter" in text
    assert "Tilsyn" in text
    assert "2 utført, 0 åpne" in text  # a-2 done at the founding, a-1 done in May
    assert "ventetid" not in text  # the case never appears
    anonymous = _text(write_report(record, 2026, tmp_path / "anonym.docx", anonymous=True))
    assert not any(name.split()[0] in anonymous for name in NAMES)
    assert "Samlet oppmøte: 93 % (14 av 15 mulige)" in anonymous
    assert "2 runder" in anonymous and "anonymisert utgave" in anonymous


def test_anonymise_leaves_no_name_in_any_file_and_can_be_run_again(tmp_path: Path) -> None:
    files = _network(tmp_path)
    record = scan().resolve("vestfold")
    kept = network_files(record)
    assert len(kept) == 5  # three sessions, a backup, a draft
    changed = anonymise(record)
    assert set(changed) == set(kept)
    for path in kept:
        text = path.read_text(encoding="utf-8")
        for name in NAMES:
            assert name not in text and name.split()[0] not in text, (path, name)
        assert "kari@eksempel.no" not in text and "412 34 567" not in text
    sessions = [load_session(p) for p in files]
    # «Deltaker N» is the same person in every meeting, and the structure is kept.
    assert [p.name for p in sessions[0].participants] == [f"Deltaker {n}" for n in range(1, 6)]
    assert [p.name for p in sessions[2].participants] == [f"Deltaker {n}" for n in range(1, 6)]
    assert sessions[1].notes[0].text == "Deltaker 1 spurte Deltaker 2 om tilsyn"
    assert [r.text for r in sessions[0].rules] == ["Vi starter presis", "Taushet"]
    assert anonymise(scan().resolve("vestfold")) == []  # a second run changes nothing
    text = _text(write_report(scan().resolve("vestfold"), 2026, tmp_path / "r.docx"))
    assert "Deltaker 2" in text and "2 av 3" in text  # the report still adds up


def test_delete_removes_every_file_and_the_remembered_path(tmp_path: Path) -> None:
    files = _network(tmp_path)
    record = scan().resolve("vestfold")
    kept = network_files(record)
    assert kept[-1] == files[0]  # the founding meeting goes last
    # Interrupted after the first file: the rest is found again and finished.
    kept[0].unlink()
    removed = delete(scan().resolve("vestfold"))
    assert set(removed) == set(kept[1:])
    assert not any(p.exists() for p in kept)
    assert scan().networks == []
    assert recent.remembered() == []


def test_resume_opens_the_meeting_last_running_wherever_it_is(tmp_path: Path) -> None:
    away = tmp_path / "et" / "sted" / "okt.json"
    running = founding()
    running.run = {"agenda_id": "startpakke"}
    save_session(running, away)
    recent.remember(away, running=True)
    # Afterwards someone started a meeting and quit on the first screen (an old release
    # left an empty file): newer, but nothing in it.
    empty = paths.ensure_private_dir(paths.sessions_dir()) / "2026-12-01-startpakke.json"
    save_session(Session(), empty)
    assert meeting_to_resume() == away.resolve()
