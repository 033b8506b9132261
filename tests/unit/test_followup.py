"""A later meeting from an earlier session: what comes along, and what stays behind."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from startpakke.agenda.model import CaptureKind
from startpakke.session import edit as ops
from startpakke.session.followup import carried_actions, followup_session
from startpakke.session.model import Action, Session
from startpakke.session.store import SessionError, load_session
from tests.cli import startpakke
from tests.example_session import EXAMPLE, copy_of_example
from tests.tui_helpers import builtin

EXAMPLE_ID = "eksempel-vestfold-sor-2026"
NEXT_MEETING = date(2026, 3, 24)


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A copy of the example session, with one member marked absent at that meeting."""
    return copy_of_example(tmp_path, "forrige.json", absent=2)


def follow(previous: Path, agenda: str = "kollegaveiledning") -> Session:
    return followup_session(previous, agenda, agenda, today=NEXT_MEETING)


def test_network_comes_along_with_the_new_date(previous: Path) -> None:
    old = load_session(previous)
    new = follow(previous)
    assert new.network.name == "Barnevernledernettverket Vestfold sør"
    assert new.network.services == old.network.services
    assert new.network.place == old.network.place
    assert new.network.meeting_date == NEXT_MEETING
    assert new.agenda == new.agenda_id == "kollegaveiledning"
    assert new.id != old.id


def test_members_come_along_all_present_with_their_cases(previous: Path) -> None:
    old = load_session(previous)
    new = follow(previous)
    assert [(p.id, p.name, p.role, p.service) for p in new.participants] == [
        (p.id, p.name, p.role, p.service) for p in old.participants
    ]
    assert not old.participants[2].present
    assert all(p.present for p in new.participants)
    ingrid = new.participant("p-ingrid")
    assert ingrid is not None and ingrid.brings_case
    assert ingrid.case_title == "Turnover blant saksbehandlere i mottaksteamet"
    assert [p.case_title for p in new.participants] == [p.case_title for p in old.participants]


def test_open_actions_come_along_done_ones_stay_behind(previous: Path) -> None:
    new = follow(previous)
    assert [a.id for a in new.actions] == ["a2", "a3", "a4"]  # a1 was done
    assert all(not a.done for a in new.actions)
    assert all(a.from_session == EXAMPLE_ID for a in new.actions)
    a2 = new.actions[0]
    assert (a2.what, a2.who, a2.due) == (
        "Sende Teams-innkalling til de fem møtene i planen",
        "p-ingrid",
        date(2026, 2, 20),
    )


def test_an_action_carried_twice_keeps_the_meeting_it_was_decided_in() -> None:
    old = Session(
        id="second",
        actions=[Action(what="Eldre", from_session="first"), Action(what="Ny")],
    )
    carried = carried_actions(old)
    assert [(a.what, a.from_session) for a in carried] == [("Eldre", "first"), ("Ny", "second")]
    assert old.actions[1].from_session is None  # the earlier session is not changed


def test_rules_competences_captures_and_run_stay_behind(previous: Path) -> None:
    old = load_session(previous)
    assert old.rules and old.competences and old.notes and old.facilitator
    new = follow(previous)
    assert new.rules == []
    assert new.competences == []
    assert new.notes == []
    assert new.focus_rounds == []
    assert new.run is None
    assert new.facilitator is None and new.timekeeper is None
    assert new.contract.text == "" and new.contract.version == 1
    assert new.plan.meetings == [] and new.plan.frequency == ""
    assert new.revisions == []


def test_previous_session_is_linked_and_left_unchanged(previous: Path) -> None:
    before = previous.read_bytes()
    new = follow(previous)
    assert new.previous_session == str(previous.resolve())
    assert previous.read_bytes() == before
    assert not previous.with_name(previous.name + ".bak").exists()


def test_a_revision_meeting_also_carries_rules_contract_plan_and_history(
    previous: Path,
) -> None:
    old = load_session(previous)
    new = follow(previous, "revisjon")
    assert [(r.id, r.text, r.agreed) for r in new.rules] == [
        (r.id, r.text, r.agreed) for r in old.rules
    ]
    assert any(not r.agreed for r in new.rules)  # proposals that were not agreed too
    assert new.contract == old.contract
    assert new.plan == old.plan
    assert new.revisions == old.revisions
    # ... but still not the competences, notes or run state.
    assert new.competences == [] and new.notes == [] and new.run is None
    # A copy: changing it leaves the earlier session's objects alone.
    new.rules[0].text = "Endret"
    assert load_session(previous).rules[0].text == old.rules[0].text


def test_carried_actions_are_reviewed_at_innsjekk_and_can_be_marked_done(
    previous: Path,
) -> None:
    agenda = builtin("kollegaveiledning")
    assert CaptureKind.actions in agenda.parts[0].all_captures()
    new = follow(previous)
    ops.set_action_done(new, "a2")
    assert [a.id for a in new.actions if a.done] == ["a2"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "Fant ikke øktfilen"),
        (b'{"participants": [', "ikke gyldig JSON"),
        (b'{"schema_version": 2, "participants": "Anne"}', "feil innhold"),
    ],
)
def test_a_missing_or_damaged_previous_session_is_a_session_error(
    tmp_path: Path, content: bytes | None, words: str
) -> None:
    path = tmp_path / "forrige.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SessionError) as caught:
        follow(path)
    message = str(caught.value)
    assert message.startswith("Kan ikke starte fra forrige økt:")
    assert words in message
    assert str(path) in message


def test_the_run_command_starts_the_new_session_from_the_earlier_one(
    previous: Path, tmp_path: Path
) -> None:
    from startpakke.commands.run import _prepare

    target = tmp_path / "neste.json"
    args = argparse.Namespace(
        agenda="kollegaveiledning",
        session=str(target),
        resume=False,
        from_session=str(previous),
        names=None,
    )
    agenda, store, resume = _prepare(args)
    assert store.path == target
    assert agenda.id == "kollegaveiledning" and not resume
    # Written when the meeting starts (issue 14.2): quitting the first screen leaves none.
    assert not target.exists()
    store.save()
    saved = load_session(target)
    assert saved.previous_session == str(previous.resolve())
    assert [a.id for a in saved.actions] == ["a2", "a3", "a4"]
    assert len(saved.participants) == 5 and saved.rules == []
    assert saved.network.meeting_date == date.today()


def _run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return startpakke(*args, cwd=cwd, timeout=60)


def test_cli_from_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    missing = tmp_path / "borte.json"
    target = tmp_path / "neste.json"
    result = _run_cli(
        "run",
        "--agenda",
        "kollegaveiledning",
        "--from",
        str(missing),
        "--session",
        str(target),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"Kan ikke starte fra forrige økt: Fant ikke øktfilen {missing}." in result.stderr
    assert not target.exists()


def test_cli_from_a_damaged_file_fails_cleanly_and_leaves_it_alone(tmp_path: Path) -> None:
    damaged = tmp_path / "skadet.json"
    shutil.copy(EXAMPLE, damaged)
    damaged.write_bytes(damaged.read_bytes()[:500])  # cut off in the middle
    before = damaged.read_bytes()
    result = _run_cli("run", "--agenda", "kollegaveiledning", "--from", str(damaged), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Kan ikke starte fra forrige økt" in result.stderr
    assert "avkortet eller skadet" in result.stderr
    assert damaged.read_bytes() == before
