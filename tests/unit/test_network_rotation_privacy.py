"""Fair rotation across meetings, and the data's end: retention, fødselsnummer, side files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from startpakke.network.catalog import Meeting
from startpakke.network.files import side_files
from startpakke.network.privacy import has_fodselsnummer, is_fodselsnummer, warnings
from startpakke.network.retention import overdue
from startpakke.network.rotation import apply, propose
from startpakke.session.model import MeetingSlot
from tests.network_fixtures import founding, save_in_data_folder, with_focus


def _meetings(*sessions) -> list[Meeting]:  # type: ignore[no-untyped-def]
    return [Meeting(Path(f"/m/{i}.json"), s) for i, s in enumerate(sessions)]


def test_focus_persons_are_who_waited_longest_and_bring_a_case() -> None:
    first = with_focus(founding(), "p-kari", "p-ola", timekeeper="p-siri")
    second = with_focus(founding(), "p-siri", timekeeper="p-nils")
    new = founding()
    new.participants[3].brings_case = False  # Nils said he brings nothing this time
    proposal = propose(new, _meetings(first, second), focus_count=3)
    # Never focus: Nils (no case) and Vera (deputy, no case) — those who bring one come first;
    # then who was focus longest ago: Kari and Ola (first meeting) before Siri (second).
    assert proposal.focus == ["p-kari", "p-ola", "p-siri"]
    new.participants[0].brings_case = False
    assert propose(new, _meetings(first, second), focus_count=2).focus == ["p-ola", "p-siri"]


def test_the_timekeeper_waited_longest_and_is_never_a_focus_person() -> None:
    first = with_focus(founding(), "p-kari", timekeeper="p-ola")
    second = with_focus(founding(), "p-ola", timekeeper="p-siri")
    new = founding()
    proposal = propose(new, _meetings(first, second), focus_count=3)
    # Siri and Nils were never focus; Kari was, before Ola. Vera brings no case.
    assert proposal.focus == ["p-siri", "p-nils", "p-kari"]
    # Of the rest, Vera never kept time and Ola did: Vera. Siri, who kept time longest
    # ago… is a focus person today, so never the timekeeper.
    assert proposal.timekeeper == "p-vera"
    new.participants[4].present = False
    assert propose(new, _meetings(first, second), focus_count=3).timekeeper == "p-ola"
    solo = founding()
    for person in solo.participants[1:]:
        person.present = False
    only = propose(solo, [], focus_count=3)
    assert only.focus == ["p-kari"] and only.timekeeper is None


def test_a_rotating_plan_proposes_leader_and_secretary_and_a_slot_decides() -> None:
    first = founding()  # Siri facilitated the founding meeting: she has led
    new = founding()
    new.network.meeting_date = date(2026, 3, 10)
    proposal = propose(new, _meetings(first), focus_count=0, plan=first.plan)
    assert proposal.leader == "p-kari" and proposal.secretary == "p-ola"
    assert proposal.focus == [] and proposal.timekeeper == "p-kari"
    second = founding()
    second.network.leader, second.network.secretary = "p-kari", "p-ola"
    later = propose(new, _meetings(first, second), focus_count=0, plan=first.plan)
    assert (later.leader, later.secretary) == ("p-ola", "p-kari")
    first.plan.meetings = [MeetingSlot(date=date(2026, 3, 10), leader="p-nils", secretary="p-vera")]
    slot = propose(new, _meetings(first), focus_count=0, plan=first.plan)
    assert (slot.leader, slot.secretary) == ("p-nils", "p-vera")
    first.plan.term, first.plan.leader, first.plan.secretary = "year", "p-siri", "p-nils"
    year = propose(new, _meetings(first), focus_count=0, plan=first.plan)
    assert (year.leader, year.secretary) == ("p-siri", "p-nils")


def test_a_proposal_never_overrides_what_is_chosen_and_carries_no_case_text() -> None:
    new = founding()
    new.participants[0].case_title = "Barnet i Storgata 4"
    new.timekeeper = "p-vera"
    apply(new, propose(new, [], focus_count=2))
    assert [r.participant for r in new.focus_rounds] == ["p-kari", "p-ola"]
    assert all(r.case_title == "" for r in new.focus_rounds)
    assert new.timekeeper == "p-vera"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Gutten har fnr 15078510150", True),
        ("150785 10150 i saken", True),
        ("15078510151", False),  # second check digit wrong
        ("15078510140", False),  # first check digit wrong
        ("Fakturanummer 12345678901", False),
        ("150785101500", False),  # 12 digits
        ("møte 23.02.2027 kl. 09:00", False),
    ],
)
def test_a_fodselsnummer_is_eleven_digits_passing_both_check_digits(text: str, found: bool) -> None:
    assert has_fodselsnummer(text) is found


def test_phone_numbers_warn_in_a_case_field_only() -> None:
    assert is_fodselsnummer("15078510150")
    assert warnings("Ring mor på 412 34 567", case_field=True)
    assert warnings("+47 41234567", case_field=True)
    assert warnings("Ring mor på 412 34 567") == []
    assert warnings("Tre runder à 20 min", case_field=True) == []
    assert len(warnings("15078510150 og 41 23 45 67", case_field=True)) == 2


def test_a_network_past_its_retention_date_is_named(tmp_path: Path) -> None:
    old = founding("Gamle nettverket", day=date(2025, 1, 10))
    fresh = founding("Ferske nettverket", day=date(2026, 11, 1))
    kept = founding("Beholdt", day=date(2025, 1, 10))
    kept.network.keep_until = date(2027, 6, 1)
    files = [save_in_data_folder(s, s.network.name) for s in (old, fresh, kept)]
    found = overdue(files, today=date(2026, 12, 1))
    assert [(o.name, o.keep_until) for o in found] == [("Gamle nettverket", date(2026, 1, 10))]


def test_side_files_are_matched_by_name_or_stem_and_a_dot(tmp_path: Path) -> None:
    session = tmp_path / "2027-02-23-kollegaveiledning.json"
    names = [
        "2027-02-23-kollegaveiledning.json.bak",
        "2027-02-23-kollegaveiledning.json.skadet-20270223-101500",
        ".2027-02-23-kollegaveiledning.json.ab12cd34.tmp",
        "2027-02-23-kollegaveiledning.json.lock",
        ".2027-02-23-kollegaveiledning.json.lock",
        "2027-02-23-kollegaveiledning.lock",
        "2027-02-23-kollegaveiledning.draft.json",
        "2027-02-23-kollegaveiledning-2.json",
        "2027-02-23-kollegaveiledning-2.json.bak",
        "annet.txt",
    ]
    for name in [session.name, *names]:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = {p.name for p in side_files(session, others=frozenset({names[7]}))}
    assert found == set(names[:7])
