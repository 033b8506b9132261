"""The run screen's room view as plain Python: what the capture views show while the room
sees the screen, decided by `startpakke.view.privacy` (the table the projector views are
held to), without a screen."""

from __future__ import annotations

import pytest

from startpakke.agenda.model import CaptureKind
from startpakke.controller import MeetingController
from startpakke.engine import FakeClock
from startpakke.session.edit import participants_from_names
from startpakke.session.model import RuleReview, Session
from startpakke.tui.capture.views import VIEWS, CaptureView
from startpakke.view.privacy import may_project
from tests.documents_session import load_builtin_agenda


def meeting(agenda_name: str) -> MeetingController:
    agenda = load_builtin_agenda(agenda_name)
    session = Session(agenda=agenda_name, agenda_id=agenda.id)
    session.participants = participants_from_names("Anne,Bjørn,Cecilie")
    for person in session.participants:
        person.contact = f"{person.name.lower()}@privat.example"
    controller = MeetingController(agenda, session, lambda _s: None, FakeClock())
    controller.start()
    return controller


def text_of(view: CaptureView) -> str:
    """Everything the capture area would show of `view`: heading, placeholder and rows."""
    rows = [] if view.rows_hidden else [row.text.plain for row in view.rows()]
    return "\n".join([view.heading(), view.placeholder(), *rows])


def view_of(controller: MeetingController, kind: CaptureKind, room: bool) -> CaptureView:
    view = VIEWS[kind](controller)
    view.room_view = room
    return view


def test_every_view_names_fields_the_privacy_table_knows() -> None:
    for view in VIEWS.values():
        for path in (view.field, view.list_field):
            if path is not None:
                may_project(path)  # KeyError for a field the table does not know


def test_notes_are_not_shown_while_the_room_sees_the_screen() -> None:
    controller = meeting("startpakke")
    controller.jump(3)  # steg 3 writes notes
    controller.add_note("Anne vil ha mer tid", private=False)
    controller.add_note("Bjørn virker sliten", private=True)
    mine = view_of(controller, CaptureKind.notes, room=False)
    assert "Bjørn virker sliten" in text_of(mine) and "Anne vil ha mer tid" in text_of(mine)
    room = view_of(controller, CaptureKind.notes, room=True)
    # Notes are the facilitator's, private or not (as on the projector): none of them.
    assert room.rows_hidden
    assert "sliten" not in text_of(room) and "mer tid" not in text_of(room)
    assert "2 notater" in room.heading()  # how many is not private


def test_kollegaveiledning_case_titles_and_takeaways_stay_with_the_facilitator() -> None:
    controller = meeting("kollegaveiledning")
    anne, bjorn = (p.id for p in controller.session.participants[:2])
    controller.jump(1)  # roller: the focus persons are chosen
    controller.choose_focus([anne, bjorn])
    controller.focus_round(anne).case_title = "Vold i hjemmet, sak 2231"
    controller.session.participants[1].case_title = "Flytting av barn"
    mine = view_of(controller, CaptureKind.focus_persons, room=False)
    assert "sak 2231" in text_of(mine) and "Flytting av barn" in text_of(mine)
    room = view_of(controller, CaptureKind.focus_persons, room=True)
    shown = text_of(room)
    assert "2231" not in shown and "Flytting" not in shown
    assert "Sak 1" in shown and "Sak 2" in shown and "Anne" in shown  # names are shown

    controller.jump(2)  # the round itself: what the focus person takes with them
    controller.add_takeaway("Snakke med lederen min", anne)
    controller.add_takeaway("Ringe barnehagen", bjorn)
    controller.toggle_takeaway_shared(bjorn)
    assert "Snakke med lederen" in text_of(view_of(controller, CaptureKind.takeaways, False))
    room = view_of(controller, CaptureKind.takeaways, room=True)
    # Shared or not, a takeaway is for the referat, not the wall (the projector's decision).
    assert "lederen" not in text_of(room) and "barnehagen" not in text_of(room)


def test_the_why_of_a_rule_review_is_not_shown_to_the_room() -> None:
    controller = meeting("revisjon")
    session = controller.session
    from startpakke.session.model import Rule

    session.rules = [Rule(text="Vi møter presis", agreed=True)]
    session.rule_reviews = [RuleReview(rule_id=session.rules[0].id, why="Cecilie er alltid sen")]
    mine = VIEWS[CaptureKind.rule_review](controller)
    assert "alltid sen" in text_of(mine)
    mine.room_view = True
    assert "alltid sen" not in text_of(mine) and "Vi møter presis" in text_of(mine)


@pytest.mark.parametrize("kind", list(VIEWS))
def test_no_view_shows_contact_details_in_either_mode(kind: CaptureKind) -> None:
    controller = meeting("startpakke")
    for room in (False, True):
        assert "@privat.example" not in text_of(view_of(controller, kind, room))
