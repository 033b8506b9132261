"""What the room may see (issue 15.4): a decision for every field of the session.

`PROJECTED` (`startpakke.view.privacy.SESSION_FIELDS`, which the run screen's room view
reads too) lists every field of the session model, found by walking its dataclasses
(lists and optionals included), and says whether either projector view may show it. A
new field without a decision fails `test_every_session_field_has_a_decision`: decide, and
if it must stay private, the walk below proves it does. The agenda's texts have their
table beside it (`AGENDA_FIELDS`), held complete the same way.

The proof: a session whose every private text field holds a marker of its own is run
through every part, phase and turn of the built-in agendas (and blanked); no marker, no
participant id and no facilitator note from the agenda may appear in any `RoomView` or
in what the browser page is sent. Both projector views draw nothing but the `RoomView`.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from startpakke.agenda.model import Agenda
from startpakke.controller import MeetingController
from startpakke.engine import FakeClock
from startpakke.projector.page_data import page_data
from startpakke.projector.room import Room, RoomView
from startpakke.session.edit import participants_from_names
from startpakke.session.model import (
    Action,
    AgreementLevel,
    Competence,
    CompetenceCategory,
    FocusRound,
    MeetingSlot,
    Note,
    Objection,
    ParkedTopic,
    ReviewDecision,
    Revision,
    Rule,
    RuleReview,
    Session,
)
from startpakke.session.store import save_session
from startpakke.view.privacy import AGENDA_FIELDS
from startpakke.view.privacy import SESSION_FIELDS as PROJECTED
from tests.documents_session import load_builtin_agenda

DECIDED_AS_A_WHOLE = {"run"}
"""Fields decided with everything inside them: where the meeting stands (typed or not) is
what the room's clock and speaker are made of."""

NOT_MARKED = {"agenda", "agenda_id"}
"""Private fields the proof leaves as they are: the room needs them to find the agenda."""


def _dataclass_of(hint: Any) -> type | None:
    """The dataclass inside a hint (`X`, `list[X]`, `X | None`), if any."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint
    origin = typing.get_origin(hint)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            found = _dataclass_of(arg)
            if found is not None:
                return found
    return None


def _is_list(hint: Any) -> bool:
    return typing.get_origin(hint) is list


def session_fields(cls: type = Session, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, type hint) for every leaf field, recursively: `participants[].contact`."""
    hints = typing.get_type_hints(cls)
    for item in dataclasses.fields(cls):
        hint = hints[item.name]
        path = prefix + item.name
        inner = _dataclass_of(hint)
        if inner is None or path in DECIDED_AS_A_WHOLE:
            yield path, hint
        else:
            yield from session_fields(inner, path + ("[]." if _is_list(hint) else "."))


def test_every_session_field_has_a_decision() -> None:
    found = {path for path, _ in session_fields()}
    undecided = sorted(found - PROJECTED.keys())
    gone = sorted(PROJECTED.keys() - found)
    assert not undecided, (
        f"New session fields without a decision: {undecided}. Add each to PROJECTED in "
        "this file: may a projector view show it (True) or never (False)?"
    )
    assert not gone, f"PROJECTED names fields the session no longer has: {gone}"


AGENDA_DECIDED_AS_A_WHOLE = {"parts[].guide"}
"""The first-time guide is the facilitator's, every text in it."""


def _is_text(hint: Any) -> bool:
    """Text a person wrote (`str`, `Text`, `str | None`), not an id or a clock time: those
    are `Annotated` with a `Pattern`."""
    if typing.get_origin(hint) is typing.Annotated:
        base, *meta = typing.get_args(hint)
        return base is str and not any(type(m).__name__ == "Pattern" for m in meta)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return len(args) == 1 and _is_text(args[0])
    return hint is str


def agenda_text_fields(cls: type = Agenda, prefix: str = "") -> Iterator[str]:
    """The path of every text field of the agenda model: `parts[].phases[].prompts`."""
    hints = typing.get_type_hints(cls, include_extras=True)
    for item in dataclasses.fields(cls):
        hint = hints[item.name]
        path = prefix + item.name
        listed = typing.get_origin(hint) is list
        element = typing.get_args(hint)[0] if listed else hint
        wrapped = typing.get_origin(element) is typing.Annotated
        if wrapped and typing.get_args(element)[0] is not str:
            element = typing.get_args(element)[0]  # `Annotated[list[Part], Limits(...)]`
            listed = listed or typing.get_origin(element) is list
            element = typing.get_args(element)[0] if typing.get_origin(element) is list else element
        inner = _dataclass_of(element)
        if path in AGENDA_DECIDED_AS_A_WHOLE or _is_text(element):
            yield path
        elif inner is not None:
            yield from agenda_text_fields(inner, path + ("[]." if listed else "."))


def test_every_agenda_text_has_a_decision() -> None:
    found = set(agenda_text_fields())
    assert {"notes", "parts[].guide", "parts[].phases[].turn.steps[].prompts"} <= found
    undecided = sorted(found - AGENDA_FIELDS.keys())
    gone = sorted(AGENDA_FIELDS.keys() - found)
    assert not undecided, (
        f"New agenda texts without a decision: {undecided}. Add each to AGENDA_FIELDS in "
        "startpakke/view/privacy.py: may the room see it (True) or never (False)?"
    )
    assert not gone, f"AGENDA_FIELDS names texts the agenda no longer has: {gone}"


def test_may_project_answers_from_the_tables_and_refuses_unknown_names() -> None:
    from startpakke.view.privacy import may_project

    assert may_project("rules[].text") and not may_project("participants[].contact")
    assert may_project("agenda.parts[].prompts") and not may_project("agenda.parts[].guide")
    with pytest.raises(KeyError):
        may_project("participants[].kontakt")


# -- the proof -------------------------------------------------------------------------------


def _objects(value: object, path: str) -> Iterator[tuple[str, object]]:
    """(path, object) for the session and every dataclass in it, paths as in PROJECTED."""
    yield path, value
    assert dataclasses.is_dataclass(value)
    for item in dataclasses.fields(value):
        child = getattr(value, item.name)
        if dataclasses.is_dataclass(child):
            yield from _objects(child, f"{path}{item.name}.")
        elif isinstance(child, list):
            for element in child:
                if dataclasses.is_dataclass(element):
                    yield from _objects(element, f"{path}{item.name}[].")


def mark_private_fields(session: Session) -> dict[str, str]:
    """Put a marker of its own into every private text field; returns marker → path."""
    markers: dict[str, str] = {}
    hints_of: dict[type, dict[str, Any]] = {}
    for index, (prefix, obj) in enumerate(_objects(session, "")):
        hints = hints_of.setdefault(type(obj), typing.get_type_hints(type(obj)))
        for item in dataclasses.fields(obj):  # type: ignore[arg-type]
            path = prefix + item.name
            if PROJECTED.get(path, True) or path in NOT_MARKED or item.name == "id":
                continue
            hint = hints[item.name]
            if hint is str or hint == (str | None):
                marker = f"PRIVAT{index}x{item.name.upper()}"
                setattr(obj, item.name, marker)
                markers[marker] = path
    return markers


def full_session(agenda_name: str) -> Session:
    """A meeting with something in every list, contacts, cases, notes and takeaways."""
    agenda = load_builtin_agenda(agenda_name)
    session = Session(agenda=agenda_name, agenda_id=agenda.id)
    session.network.name = "Nettverket i Testdal"
    session.network.services = ["Testdal kommune"]
    session.network.meeting_date = date(2026, 9, 14)
    session.participants = participants_from_names("Anne,Bjørn,Cecilie")
    anne, bjorn, cecilie = (p.id for p in session.participants)
    for person in session.participants:
        person.contact = f"{person.name.lower()}@privat.example"
        person.brings_case = True
        person.case_title = "saken"
    session.facilitator, session.timekeeper = anne, bjorn
    session.rules = [
        Rule(text="Vi møter presis", proposed_by=anne, agreed=True),
        Rule(
            text="Mobilen av",
            proposed_by=bjorn,
            agreement=AgreementLevel.objection,
            objections=[Objection(by=cecilie, reason="vakttelefonen")],
        ),
    ]
    session.rule_reviews = [
        RuleReview(rule_id=session.rules[0].id, decision=ReviewDecision.adjust, why="grunnen")
    ]
    session.parked = [ParkedTopic(text="Vikarbruk", part="steg4", from_session="forrige")]
    session.competences = [
        Competence(participant=bjorn, category=CompetenceCategory.teoretisk, text="Loven")
    ]
    session.revisions = [Revision(version=2, at=session.created_at, changes=["Ny regel"])]
    session.plan.notes = "plan"
    session.plan.meetings = [MeetingSlot(date=date(2026, 10, 1), leader=anne, secretary=bjorn)]
    session.actions = [Action(what="Sende referatet", who=cecilie, from_session="forrige")]
    session.notes = [
        Note(part="", text="åpent notat"),
        Note(part="", text="privat notat", private=True, about=cecilie),
    ]
    session.focus_rounds = [
        FocusRound(participant=anne, case_title="sak", takeaway="lærdom"),
        FocusRound(participant=bjorn, case_title="sak", takeaway="delt", share_takeaway=True),
    ]
    session.previous_session = "forrige.json"
    return session


def agenda_notes(agenda_name: str) -> set[str]:
    """Every facilitator note in the agenda, at every level (meeting, part, phase, step),
    except those its author also wrote as a prompt for the room."""
    found: set[str] = set()
    prompts: set[str] = set()

    def walk(value: object) -> None:
        if dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                child = getattr(value, item.name)
                if item.name == "notes" and isinstance(child, list):
                    found.update(str(note) for note in child)
                if item.name == "prompts" and isinstance(child, list):
                    prompts.update(str(prompt) for prompt in child)
                walk(child)
        elif isinstance(value, list):
            for element in value:
                walk(element)

    walk(load_builtin_agenda(agenda_name))
    return {note for note in found - prompts if len(note) > 12}


def every_view(agenda_name: str, session: Session, tmp_path: Path) -> Iterator[RoomView]:
    """The room's view at every part, phase and turn of the meeting, and blanked."""
    agenda = load_builtin_agenda(agenda_name)
    path = tmp_path / "okt.json"
    clock = FakeClock()
    controller = MeetingController(agenda, session, lambda s: save_session(s, path), clock)
    room = Room(path, clock=clock)
    controller.changed()
    room.open()
    yield room.view()
    controller.start()
    controller.choose_focus([p.id for p in session.participants[:2]])
    for index in range(len(agenda.parts)):
        controller.jump(index)
        for _ in range(60):  # every phase, turn and step of the part
            room.refresh()
            yield room.view()
            before = controller.snapshot().timer_key
            if controller.engine.current_speaker is not None:
                controller.next_turn()
            if controller.snapshot().timer_key == before:
                controller.next_phase()
            after = controller.snapshot()
            if after.timer_key == before or after.finished or controller.engine.pos.part != index:
                break
    controller.toggle_room_blank()
    room.refresh()
    yield room.view()


def _text(view: RoomView) -> str:
    return repr(view) + json.dumps(page_data(view, 0), ensure_ascii=False)


@pytest.mark.parametrize("agenda_name", ["startpakke", "kollegaveiledning", "revisjon"])
def test_nothing_private_reaches_the_room(agenda_name: str, tmp_path: Path) -> None:
    session = full_session(agenda_name)
    ids = [p.id for p in session.participants]
    markers = mark_private_fields(session)
    # Every private text field that the walk can reach carries a marker.
    marked_paths = set(markers.values())
    private_texts = (
        {
            path
            for path, hint in session_fields()
            if not PROJECTED[path] and (hint is str or hint == (str | None))
        }
        - NOT_MARKED
        - {p for p in PROJECTED if p.endswith("id") and p.split(".")[-1] == "id"}
    )
    assert private_texts <= marked_paths, private_texts - marked_paths
    notes = agenda_notes(agenda_name)
    assert notes, "the agenda has facilitator notes to look for"

    views = list(every_view(agenda_name, session, tmp_path))
    assert len(views) > 10
    assert {view.stage for view in views} >= {"waiting", "running", "blank"}
    assert {view.now_speaking for view in views} >= {"Anne", "Bjørn"}  # names are shown
    for view in views:
        text = _text(view)
        leaked = [markers[m] for m in markers if m in text]
        assert not leaked, f"{leaked} on the room's screen: {view}"
        assert not [i for i in ids if i in text], view
        assert not [note for note in notes if note in text], view
        assert "@privat.example" not in text
