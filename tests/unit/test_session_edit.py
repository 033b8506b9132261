"""Edit operations the capture screens call: add, edit, reorder, delete, undo."""

from __future__ import annotations

from datetime import date

import pytest

from startpakke.modeling import to_data
from startpakke.session import edit
from startpakke.session.edit import EditError, UndoStack
from startpakke.session.model import CompetenceCategory, Role, Session


@pytest.fixture
def session() -> Session:
    s = Session()
    edit.add_participants(s, "Kari Nordmann, Ola Haugen, Siri Bakken")
    return s


def ids(session: Session) -> list[str]:
    return [p.id for p in session.participants]


# -- participants -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("Anne,Bjørn, Cecilie", ["Anne", "Bjørn", "Cecilie"]),
        ("  Anne ,, Bjørn ,", ["Anne", "Bjørn"]),
        ("Anne; Bjørn\nCecilie\r\nDag", ["Anne", "Bjørn", "Cecilie", "Dag"]),
        ("", []),
        ("Åse Ødegård-Ærø", ["Åse Ødegård-Ærø"]),
    ],
)
def test_participants_from_names(typed: str, names: list[str]) -> None:
    people = edit.participants_from_names(typed)
    assert [p.name for p in people] == names
    assert all(p.role is Role.member and p.present for p in people)
    assert len({p.id for p in people}) == len(people)


def test_add_edit_and_present(session: Session) -> None:
    vara = edit.add_participant(session, " Per Vara ", "Larvik", "deputy", "per@example.no")
    assert (vara.name, vara.service, vara.role, vara.contact) == (
        "Per Vara",
        "Larvik",
        Role.deputy,
        "per@example.no",
    )
    edit.rename_participant(session, vara.id, "Per Varasen")
    edit.edit_participant(session, vara.id, role="member", contact=" 900 00 000 ")
    assert vara.name == "Per Varasen" and vara.role is Role.member
    assert vara.contact == "900 00 000"
    assert edit.toggle_present(session, vara.id).present is False
    assert edit.set_present(session, vara.id, True).present is True
    with pytest.raises(EditError, match="Navnet mangler"):
        edit.rename_participant(session, vara.id, "   ")
    with pytest.raises(EditError, match="Ukjent rolle"):
        edit.add_participant(session, "X", role="sjef")
    with pytest.raises(EditError, match="Ugyldig verdi"):
        edit.edit_participant(session, vara.id, present="kanskje")
    assert vara.present is True  # a refused edit changes nothing
    with pytest.raises(EditError, match="Fant ikke deltakeren"):
        edit.set_present(session, "nobody", True)


def test_move_participant(session: Session) -> None:
    kari, ola, siri = ids(session)
    assert edit.move_participant(session, siri, -5) == 0
    assert ids(session) == [siri, kari, ola]


def test_remove_participant_cascades_and_undoes(session: Session) -> None:
    kari, ola, _siri = ids(session)
    edit.set_facilitator(session, kari)
    rule = edit.add_rule(session, "Mobilfri", proposed_by=kari)
    edit.add_competence(session, kari, "teoretisk", "Barnevernsloven", top=True)
    edit.add_competence(session, ola, "personlig", "Lytter")
    action = edit.add_action(session, "Sende kontrakten", who=kari)
    edit.set_plan(session, leader=kari, secretary=ola)
    slot = edit.add_meeting(session, date(2026, 4, 21), leader=kari)
    session.network.leader, session.network.secretary = kari, kari  # a later meeting's
    before = to_data(session)

    undo = edit.remove_participant(session, kari)
    assert kari not in ids(session)
    assert [c.participant for c in session.competences] == [ola]
    assert session.facilitator is None and session.plan.leader is None
    assert (session.network.leader, session.network.secretary) == (None, None)
    assert rule.proposed_by is None and slot.leader is None
    assert action.who == "Kari Nordmann"  # kept as free text
    assert "Kari Nordmann" in undo.description

    stack = UndoStack()
    stack.push(undo)
    assert stack.undo() == undo.description
    assert to_data(session) == before
    assert stack.undo() is None


# -- rules --------------------------------------------------------------------------------


def test_rules_add_reorder_delete_undo(session: Session) -> None:
    kari = ids(session)[0]
    a = edit.add_rule(session, "  Det som sies her, blir her.  ", proposed_by=kari)
    b = edit.add_rule(session, "Vi møter forberedt")
    c = edit.add_rule(session, "Mobilen ligger i sekken")
    assert a.text == "Det som sies her, blir her."
    assert a.proposed_by == kari and b.proposed_by is None

    assert edit.move_rule(session, c.id, -1) == 1
    assert [r.id for r in session.rules] == [a.id, c.id, b.id]
    assert edit.move_rule(session, a.id, -1) == 0  # already first
    assert edit.move_rule(session, a.id, 99) == 2
    assert [r.id for r in session.rules] == [c.id, b.id, a.id]

    edit.set_rule_agreed(session, b.id, True)
    assert edit.toggle_rule_agreed(session, c.id).agreed is True
    assert session.agreed_rules == [c, b]
    edit.edit_rule(session, b.id, "Vi møter godt forberedt")
    assert b.text == "Vi møter godt forberedt"

    stack = UndoStack()
    stack.push(edit.delete_rule(session, b.id))
    stack.push(edit.delete_rule(session, c.id))
    assert [r.id for r in session.rules] == [a.id]
    assert stack.can_undo and len(stack) == 2
    assert stack.undo() == "Slettet regelen «Mobilen ligger i sekken»"
    assert stack.undo() is not None
    assert [r.id for r in session.rules] == [c.id, b.id, a.id]
    assert b.agreed is True  # restored as it was
    assert not stack.can_undo


def test_rule_errors(session: Session) -> None:
    with pytest.raises(EditError, match="Teksten til regelen mangler"):
        edit.add_rule(session, " \n\t ")
    with pytest.raises(EditError, match="Fant ikke regelen"):
        edit.delete_rule(session, "finnes-ikke")


def test_text_is_kept_as_typed_inside(session: Session) -> None:
    typed = "Vi\x0bsier\tfra\u202e 😀 æøå\n  innrykk"
    assert edit.add_rule(session, f"  {typed} \n").text == typed


def test_undo_twice_does_not_duplicate(session: Session) -> None:
    rule = edit.add_rule(session, "En regel")
    undo = edit.delete_rule(session, rule.id)
    undo()
    undo()
    assert session.rules == [rule]


def test_undo_stack_limit() -> None:
    s = Session()
    stack = UndoStack(limit=2)
    for number in range(4):
        r = edit.add_rule(s, f"regel {number}")
        stack.push(edit.delete_rule(s, r.id))
    assert len(stack) == 2
    while stack.undo():
        pass
    assert [r.text for r in s.rules] == ["regel 2", "regel 3"]


# -- competences --------------------------------------------------------------------------


def test_competences_by_category(session: Session) -> None:
    kari = ids(session)[0]
    for category in CompetenceCategory:
        edit.add_competence(session, kari, category, f"lapp {category.value}")
    assert len(edit.competences_of(session, kari)) == 3
    assert [c.text for c in edit.competences_of(session, kari, "personlig")] == ["lapp personlig"]
    with pytest.raises(EditError, match="Ukjent kategori"):
        edit.add_competence(session, kari, "blå", "x")
    with pytest.raises(EditError, match="Teksten på lappen mangler"):
        edit.add_competence(session, kari, "teoretisk", "")
    item = edit.competences_of(session, kari)[0]
    edit.edit_competence(session, item.id, text="Ny tekst", category="yrkesspesifikk")
    assert (item.text, item.category) == ("Ny tekst", CompetenceCategory.yrkesspesifikk)


def test_top_three_per_person_across_categories(session: Session) -> None:
    kari, ola, _ = ids(session)
    items = [
        edit.add_competence(session, kari, category, f"lapp {n}")
        for n, category in enumerate(list(CompetenceCategory) * 2)
    ]
    for item in items[:3]:
        assert edit.toggle_competence_top(session, item.id).top
    with pytest.raises(EditError) as caught:
        edit.toggle_competence_top(session, items[3].id)
    assert "Kari Nordmann har allerede tre viktigste lapper" in str(caught.value)
    assert not items[3].top
    with pytest.raises(EditError, match="tre viktigste"):
        edit.add_competence(session, kari, "personlig", "fjerde", top=True)
    # another person is not limited by Kari's tops
    assert edit.add_competence(session, ola, "personlig", "Ola sin", top=True).top
    # setting an already top item top again is fine; un-marking makes room
    edit.set_competence_top(session, items[0].id, True)
    edit.toggle_competence_top(session, items[0].id)
    assert edit.toggle_competence_top(session, items[3].id).top
    assert len(edit.tops_of(session, kari)) == 3


def test_chosen_and_delete_competence(session: Session) -> None:
    kari = ids(session)[0]
    item = edit.add_competence(session, kari, "teoretisk", "Traumebevisst praksis")
    assert edit.toggle_competence_chosen(session, item.id).chosen
    assert not edit.set_competence_chosen(session, item.id, False).chosen
    undo = edit.delete_competence(session, item.id)
    assert session.competences == []
    undo()
    assert session.competences == [item]


# -- actions, notes, plan, contract ------------------------------------------------------


def test_actions(session: Session) -> None:
    first = edit.add_action(session, "Sende ut kontrakten", "Ola", date(2026, 3, 20))
    second = edit.add_action(session, "Booke rom")
    assert edit.toggle_action_done(session, first.id).done
    edit.edit_action(session, second.id, who="Siri", due="2026-04-01")
    assert second.due == date(2026, 4, 1)
    edit.edit_action(session, second.id, due=None)
    assert second.due is None
    with pytest.raises(EditError, match="Ugyldig verdi"):
        edit.edit_action(session, second.id, due="neste uke")
    with pytest.raises(EditError, match="Oppfølgingspunktet mangler tekst"):
        edit.edit_action(session, second.id, what="")
    assert edit.move_action(session, second.id, -1) == 0
    undo = edit.delete_action(session, first.id)
    assert [a.id for a in session.actions] == [second.id]
    undo()
    assert [a.id for a in session.actions] == [second.id, first.id]


def test_notes(session: Session) -> None:
    note = edit.add_note(session, "steg-3", " Vi lærte mye ")
    edit.add_note(session, "steg-4", "Annet")
    assert edit.notes_for(session, "steg-3") == [note]
    edit.edit_note(session, note.id, "Vi lærte mer")
    assert note.text == "Vi lærte mer"
    undo = edit.delete_note(session, note.id)
    assert edit.notes_for(session, "steg-3") == []
    undo()
    assert edit.notes_for(session, "steg-3") == [note]


def test_plan_meetings_and_themes(session: Session) -> None:
    kari, ola, siri = ids(session)
    edit.set_plan(session, term="rotating", frequency=" Hver 6. uke ", format="both")
    assert session.plan.frequency == "Hver 6. uke"
    with pytest.raises(EditError, match="Ugyldig verdi"):
        edit.set_plan(session, format="brevdue", platform="Teams")
    assert session.plan.platform == ""  # all or nothing
    with pytest.raises(EditError, match="har ikke feltet"):
        edit.set_plan(session, hyppighet="ofte")

    late = edit.add_meeting(session, date(2026, 9, 1), start="9:00")
    early = edit.add_meeting(session, "2026-05-05", place="Teams")
    assert [m.id for m in session.plan.meetings] == [early.id, late.id]
    assert late.start == "09:00"
    with pytest.raises(EditError):
        edit.add_meeting(session, "snart")
    edit.edit_meeting(session, late.id, date=date(2026, 4, 1))
    assert [m.id for m in session.plan.meetings] == [late.id, early.id]
    edit.rotate_roles(session)
    assert [(m.leader, m.secretary) for m in session.plan.meetings] == [(kari, ola), (ola, siri)]
    undo = edit.delete_meeting(session, late.id)
    assert "01.04.2026" in undo.description
    undo()
    assert len(session.plan.meetings) == 2

    assert edit.add_theme(session, "Rekruttering") == 0
    edit.add_theme(session, "Internkontroll")
    assert edit.move_theme(session, 1, -1) == 0
    edit.edit_theme(session, 0, "Internkontroll og avvik")
    undo = edit.delete_theme(session, 0)
    assert session.plan.themes == ["Rekruttering"]
    undo()
    assert session.plan.themes == ["Internkontroll og avvik", "Rekruttering"]
    with pytest.raises(EditError, match="Fant ikke temaet"):
        edit.edit_theme(session, 9, "x")


def test_network_contract_and_facilitator(session: Session) -> None:
    edit.set_network(
        session, name=" Vestfold sør ", services="Larvik, Sandefjord", meeting_date="2026-03-10"
    )
    assert session.network.name == "Vestfold sør"
    assert session.network.services == ["Larvik", "Sandefjord"]
    assert session.network.meeting_date == date(2026, 3, 10)
    edit.set_contract(session, purpose="Formål", review_date=date(2027, 3, 1))
    assert session.contract.review_date == date(2027, 3, 1)
    ola = ids(session)[1]
    assert edit.set_facilitator(session, ola) is session.participants[1]
    assert session.facilitator == ola
    with pytest.raises(EditError):
        edit.set_facilitator(session, "ukjent")
    assert edit.set_facilitator(session, None) is None
