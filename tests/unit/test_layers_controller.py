"""The meeting controller called directly: how it keeps engine and session in step, and undo.

The Pilot tests reach these through key presses; here each behaviour is one plain call on
a `MeetingController` with a fake clock and a list of saves, so a table of cases runs in
milliseconds and a failure names the intent, not a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from functools import cache
from typing import Any

import pytest

from startpakke.agenda.model import Agenda
from startpakke.controller import MeetingController
from startpakke.engine import FakeClock
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.session.model import CompetenceCategory, Session
from tests.documents_session import load_builtin_agenda


@cache
def agenda(name: str) -> Agenda:
    """A built-in agenda, loaded once for the whole module (the controller never edits it)."""
    return load_builtin_agenda(name)


class Meeting:
    """A controller on a fake clock whose saves are kept as copies, newest last."""

    def __init__(self, names: str = "Anne,Bjørn,Cecilie", *, agenda_name: str = "startpakke"):
        self.agenda = agenda(agenda_name)
        self.session = Session(agenda=self.agenda.id, agenda_id=self.agenda.id)
        self.session.participants = ops.participants_from_names(names)
        self.saves: list[Session] = []
        self.heard: list[None] = []
        self.clock = FakeClock()
        self.controller = MeetingController(
            self.agenda, self.session, lambda s: self.saves.append(deepcopy(s)), self.clock
        )
        self.controller.listeners.append(lambda: self.heard.append(None))

    def id(self, name: str) -> str:
        return next(p.id for p in self.session.participants if p.name == name)

    def names(self) -> list[str]:
        return [p.name for p in self.session.participants]

    def speaker(self) -> str | None:
        person = self.controller.current_speaker()
        return person.name if person else None

    def round_names(self) -> list[str]:
        view = self.controller.snapshot().round
        assert view is not None
        return [p.name for p in view.order]

    def absent_names(self) -> list[str]:
        view = self.controller.snapshot().round
        assert view is not None
        return [p.name for p in view.absent]

    def reopened(self) -> MeetingController:
        """The controller `startpakke run --session` makes from the latest save."""
        return MeetingController.resume(
            self.agenda,
            deepcopy(self.saves[-1]),
            lambda s: None,
            self.clock,
            count_closed_time=False,
        )


def where(controller: MeetingController) -> tuple[Any, ...]:
    """Where the meeting stands, as the facilitator would say it."""
    shot = controller.snapshot()
    speaker = controller.current_speaker()
    return (
        shot.started,
        shot.finished,
        shot.paused,
        shot.part.id,
        shot.phase.id,
        speaker.name if speaker else None,
        shot.main.label,
        round(shot.main.budget),
        round(shot.main.remaining),
    )


# -- sync: every intent is saved at once, and the save is where the meeting stands ---------

RUN_INTENTS: list[tuple[str, Callable[[MeetingController], object]]] = [
    ("start", lambda c: c.start()),
    ("next_part", lambda c: c.next_part()),
    ("previous_part", lambda c: c.previous_part()),
    ("jump", lambda c: c.jump(4)),
    ("next_phase", lambda c: c.next_phase()),
    ("next_turn", lambda c: c.next_turn()),
    ("toggle_pause", lambda c: c.toggle_pause()),
    ("extend", lambda c: c.extend(2)),
    ("keep_written_turns", lambda c: c.set_keep_written_turns(True)),
    ("toggle_current_absent", lambda c: c.toggle_current_absent()),
    ("choose_focus", lambda c: c.choose_focus([c.session.participants[2].id])),
]


@pytest.mark.parametrize("intent", [i for _, i in RUN_INTENTS], ids=[n for n, _ in RUN_INTENTS])
def test_each_run_intent_saves_once_tells_listeners_and_reopens_where_it_stood(
    intent: Callable[[MeetingController], object],
) -> None:
    meeting = Meeting()
    controller = meeting.controller
    if intent is not RUN_INTENTS[0][1]:
        controller.start()
        meeting.clock.advance(30)
    saves, heard = len(meeting.saves), len(meeting.heard)
    intent(controller)
    assert len(meeting.saves) == saves + 1, "one save per intent"
    assert len(meeting.heard) == heard + 1, "listeners hear of it once"
    assert where(meeting.reopened()) == where(controller)


def test_a_meeting_walked_through_every_part_reopens_at_each_step() -> None:
    meeting = Meeting()
    controller = meeting.controller
    controller.start()
    for _ in range(len(meeting.agenda.parts) + 1):
        controller.next_phase()
        meeting.clock.advance(45)
        controller.next_turn()
        assert where(meeting.reopened()) == where(controller)
        controller.next_part()
    assert controller.snapshot().finished
    assert where(meeting.reopened()) == where(controller)


@pytest.mark.parametrize(
    ("start", "pause", "saves"),
    [(False, False, 0), (True, True, 0)],
    ids=["not-started", "paused"],
)
def test_the_heartbeat_saves_nothing_while_no_timer_runs(
    start: bool, pause: bool, saves: int
) -> None:
    meeting = Meeting()
    if start:
        meeting.controller.start()
    if pause:
        meeting.controller.toggle_pause()
    before = len(meeting.saves)
    meeting.clock.advance(60)
    meeting.controller.heartbeat()
    assert len(meeting.saves) - before == saves


# -- sync: presence lives in the session and the round follows it -------------------------


@pytest.mark.parametrize(
    ("away", "speaker", "absent"),
    [
        ([], "Anne", []),
        (["Anne"], "Bjørn", ["Anne"]),
        (["Bjørn"], "Anne", ["Bjørn"]),
        (["Anne", "Bjørn"], "Cecilie", ["Anne", "Bjørn"]),
    ],
)
def test_someone_absent_in_the_saved_session_is_skipped_from_the_start(
    away: list[str], speaker: str, absent: list[str]
) -> None:
    meeting = Meeting()
    for person in meeting.session.participants:
        person.present = person.name not in away
    controller = MeetingController(meeting.agenda, meeting.session, lambda s: None, FakeClock())
    controller.start()
    meeting.controller = controller
    assert meeting.speaker() == speaker
    assert meeting.absent_names() == absent


@pytest.mark.parametrize(
    ("marks", "present", "next_speaker"),
    [
        ([("Bjørn", False)], [True, False, True], "Cecilie"),
        ([("Bjørn", False), ("Bjørn", True)], [True, True, True], "Bjørn"),
        ([("Cecilie", False)], [True, True, False], "Bjørn"),
        ([("Bjørn", False), ("Cecilie", False)], [True, False, False], None),
    ],
)
def test_set_present_changes_the_session_the_round_and_the_file(
    marks: list[tuple[str, bool]], present: list[bool], next_speaker: str | None
) -> None:
    meeting = Meeting()
    controller = meeting.controller
    controller.start()
    for name, here in marks:
        controller.set_present(meeting.id(name), here)
    assert [p.present for p in meeting.session.participants] == present
    assert [p.present for p in meeting.saves[-1].participants] == present
    view = controller.snapshot().round
    assert view is not None
    assert (view.next.name if view.next else None) == next_speaker
    assert sorted(p.name for p in view.absent) == sorted(
        p.name for p in meeting.session.participants if not p.present
    )


def test_marking_the_speaker_absent_moves_the_round_on_and_says_who() -> None:
    meeting = Meeting()
    meeting.controller.start()
    person = meeting.controller.toggle_current_absent()
    assert person is not None and person.name == "Anne"
    assert meeting.session.participant(person.id).present is False  # type: ignore[union-attr]
    assert meeting.speaker() == "Bjørn"
    assert meeting.saves[-1].participant(person.id).present is False  # type: ignore[union-attr]


ROSTER_EDITS: list[tuple[str, Callable[[Meeting], object], list[str], list[str]]] = [
    # (edit, the roster after it, what is left of the round now: Anne has the word)
    (
        "add",
        lambda m: m.controller.edit_roster(ops.add_participant, "Dag"),
        ["Anne", "Bjørn", "Cecilie", "Dag"],
        ["Anne", "Bjørn", "Cecilie", "Dag"],  # a late arrival's turn comes last
    ),
    (
        "rename",
        lambda m: m.controller.edit_roster(ops.rename_participant, m.id("Bjørn"), "Bjørn B."),
        ["Anne", "Bjørn B.", "Cecilie"],
        ["Anne", "Bjørn B.", "Cecilie"],
    ),
    (
        "move",
        lambda m: m.controller.edit_roster(ops.move_participant, m.id("Cecilie"), -1),
        ["Anne", "Cecilie", "Bjørn"],
        ["Anne", "Bjørn", "Cecilie"],
    ),
    (
        "remove",
        lambda m: m.controller.remove_participant(m.id("Bjørn")),
        ["Anne", "Cecilie"],
        ["Anne", "Cecilie"],
    ),
]


@pytest.mark.parametrize(
    ("edit", "names", "this_round"),
    [(e, n, r) for _, e, n, r in ROSTER_EDITS],
    ids=[i for i, *_ in ROSTER_EDITS],
)
def test_a_roster_edit_reaches_the_round_and_the_file(
    edit: Callable[[Meeting], object], names: list[str], this_round: list[str]
) -> None:
    meeting = Meeting()
    meeting.controller.start()
    edit(meeting)
    assert meeting.names() == names
    assert [p.name for p in meeting.saves[-1].participants] == names
    assert meeting.round_names() == this_round, "the round under way keeps its order"
    assert meeting.speaker() == "Anne"
    meeting.controller.jump(2)  # steg 2: its round goes round the new roster
    meeting.controller.next_phase()
    order = meeting.round_names()
    assert order in [names[i:] + names[:i] for i in range(len(names))]


def test_someone_added_as_absent_is_not_in_the_round() -> None:
    meeting = Meeting()
    meeting.controller.start()
    meeting.controller.edit_roster(ops.add_participant, "Dag", present=False)
    assert meeting.absent_names() == ["Dag"]


# -- sync: who proposed, whose post-it ------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "proposed_by", "expected"),
    [(0, None, "Anne"), (1, None, "Bjørn"), (0, "Cecilie", "Cecilie")],
)
def test_a_rule_is_the_current_speakers_unless_someone_is_named(
    turns: int, proposed_by: str | None, expected: str
) -> None:
    meeting = Meeting()
    meeting.controller.start()
    for _ in range(turns):
        meeting.controller.next_turn()
    who = meeting.id(proposed_by) if proposed_by else None
    rule = meeting.controller.add_rule("Vi starter presis", who)
    assert meeting.session.name_of(rule.proposed_by) == expected
    assert meeting.saves[-1].rules[-1].proposed_by == rule.proposed_by


def test_a_post_it_needs_someone_whose_it_is() -> None:
    meeting = Meeting()
    saves = len(meeting.saves)
    with pytest.raises(EditError):
        meeting.controller.add_competence(CompetenceCategory.personlig, "Lytter godt")
    assert meeting.session.competences == [] and len(meeting.saves) == saves
    meeting.controller.start()
    item = meeting.controller.add_competence(CompetenceCategory.personlig, "Lytter godt")
    assert item.participant == meeting.id("Anne")


def test_a_note_belongs_to_the_part_it_was_written_in() -> None:
    meeting = Meeting()
    meeting.controller.start()
    meeting.controller.jump(3)
    note = meeting.controller.add_note("Husk pause")
    assert note.part == meeting.agenda.parts[3].id
    assert meeting.controller.add_note("Generelt", part="").part == ""


# -- undo -----------------------------------------------------------------------------------


def _rule(m: Meeting) -> str:
    for text in ("En", "To", "Tre"):
        m.controller.add_rule(text)
    return m.session.rules[1].id


def _competence(m: Meeting) -> str:
    for text in ("Barnevernloven", "Systemteori", "Budsjett"):
        m.controller.add_competence(CompetenceCategory.teoretisk, text)
    return m.session.competences[1].id


def _action(m: Meeting) -> str:
    for what in ("Sende kontrakt", "Booke rom", "Lage plan"):
        m.controller.edit(ops.add_action, what, "Anne")
    return m.session.actions[1].id


def _note(m: Meeting) -> str:
    for text in ("En", "To", "Tre"):
        m.controller.add_note(text)
    return m.session.notes[1].id


DELETIONS: list[tuple[str, Callable[[Meeting], str], Callable[..., Any], str]] = [
    ("rule", _rule, ops.delete_rule, "rules"),
    ("competence", _competence, ops.delete_competence, "competences"),
    ("action", _action, ops.delete_action, "actions"),
    ("note", _note, ops.delete_note, "notes"),
]


@pytest.mark.parametrize(
    ("make", "delete", "field"),
    [(m, d, f) for _, m, d, f in DELETIONS],
    ids=[name for name, *_ in DELETIONS],
)
def test_delete_is_saved_and_undo_puts_it_back_where_it_was(
    make: Callable[[Meeting], str], delete: Callable[..., Any], field: str
) -> None:
    meeting = Meeting()
    meeting.controller.start()
    key = make(meeting)
    before = [(item.id, deepcopy(item)) for item in getattr(meeting.session, field)]
    description = meeting.controller.delete(delete, key)
    assert description.startswith("Slettet")
    assert key not in [item.id for item in getattr(meeting.session, field)]
    assert key not in [item.id for item in getattr(meeting.saves[-1], field)]
    saves = len(meeting.saves)
    assert meeting.controller.undo() == description
    assert [(item.id, item) for item in getattr(meeting.session, field)] == before
    assert len(meeting.saves) == saves + 1, "the undo is saved too"
    assert [item.id for item in getattr(meeting.saves[-1], field)] == [i for i, _ in before]
    assert meeting.controller.undo() is None, "nothing more to undo"


def test_undo_takes_the_latest_deletion_first() -> None:
    meeting = Meeting()
    meeting.controller.start()
    rule = _rule(meeting)
    note = _note(meeting)
    meeting.controller.delete(ops.delete_rule, rule)
    meeting.controller.delete(ops.delete_note, note)
    assert meeting.controller.undo() is not None
    assert note in [n.id for n in meeting.session.notes]
    assert rule not in [r.id for r in meeting.session.rules]
    assert meeting.controller.undo() is not None
    assert rule in [r.id for r in meeting.session.rules]


def test_a_refused_delete_changes_nothing_and_leaves_nothing_to_undo() -> None:
    meeting = Meeting()
    saves = len(meeting.saves)
    with pytest.raises(EditError):
        meeting.controller.delete(ops.delete_rule, "finnes-ikke")
    assert len(meeting.saves) == saves
    assert meeting.controller.undo() is None


@pytest.mark.parametrize(
    ("removed", "speaker_after", "round_after"),
    [
        ("Anne", "Bjørn", ["Bjørn", "Cecilie"]),
        ("Bjørn", "Anne", ["Anne", "Cecilie"]),
        ("Cecilie", "Anne", ["Anne", "Bjørn"]),
    ],
)
def test_removing_a_participant_and_undo_gives_back_their_place(
    removed: str, speaker_after: str, round_after: list[str]
) -> None:
    meeting = Meeting()
    meeting.controller.start()
    pid = meeting.id(removed)
    meeting.controller.add_rule(f"Regel fra {removed}", pid)
    meeting.controller.add_competence(CompetenceCategory.personlig, "Humor", pid)
    description = meeting.controller.remove_participant(pid)
    assert removed in description
    assert meeting.speaker() == speaker_after
    assert [n for n in meeting.round_names() if n != "Anne" or removed != "Anne"] == round_after
    assert meeting.session.rules[0].proposed_by is None, "the rule stays, without a proposer"
    assert meeting.session.competences == []
    assert meeting.controller.undo() == description
    assert meeting.names() == ["Anne", "Bjørn", "Cecilie"]
    assert [p.name for p in meeting.saves[-1].participants] == ["Anne", "Bjørn", "Cecilie"]
    assert meeting.session.rules[0].proposed_by == pid
    assert [c.participant for c in meeting.session.competences] == [pid]
    # Back in the round, not absent, still to speak; whoever has the word keeps it.
    assert meeting.speaker() == speaker_after
    assert meeting.absent_names() == []
    order = meeting.round_names()
    assert sorted(order) == ["Anne", "Bjørn", "Cecilie"]
    assert order.index(removed) > order.index(speaker_after)


def test_undoing_the_removal_of_someone_absent_keeps_them_absent() -> None:
    meeting = Meeting()
    meeting.controller.start()
    bjorn = meeting.id("Bjørn")
    meeting.controller.set_present(bjorn, False)
    meeting.controller.remove_participant(bjorn)
    meeting.controller.undo()
    assert meeting.session.participant(bjorn).present is False  # type: ignore[union-attr]
    assert meeting.absent_names() == ["Bjørn"]


# -- kollegaveiledning: focus persons and takeaways ------------------------------------------


def kollegaveiledning() -> Meeting:
    meeting = Meeting("Anne,Bjørn,Cecilie,Dag", agenda_name="kollegaveiledning")
    meeting.controller.start()
    return meeting


@pytest.mark.parametrize(
    ("chosen", "focus"),
    [
        (["Cecilie", "Anne"], ["Cecilie", "Anne"]),
        (["Dag"], ["Dag"]),
        ([], []),
    ],
)
def test_choose_focus_sets_the_order_in_the_round_and_the_session(
    chosen: list[str], focus: list[str]
) -> None:
    meeting = kollegaveiledning()
    ids = [meeting.id(name) for name in chosen]
    meeting.controller.choose_focus([*ids, "finnes-ikke"])
    assert meeting.controller.focus_ids == ids
    assert [meeting.session.name_of(r.participant) for r in meeting.session.focus_rounds] == focus
    assert [r.participant for r in meeting.saves[-1].focus_rounds] == ids
    if ids:
        meeting.controller.jump(meeting.agenda.part_index("kollegaveiledning"))
        assert meeting.round_names() == focus
        assert meeting.speaker() == focus[0]


def test_a_focus_round_no_longer_chosen_is_kept_only_when_it_holds_something() -> None:
    meeting = kollegaveiledning()
    anne, bjorn, cecilie = (meeting.id(n) for n in ("Anne", "Bjørn", "Cecilie"))
    meeting.controller.choose_focus([anne, bjorn, cecilie])
    meeting.controller.focus_round(bjorn).case_title = "Ny i jobben"
    meeting.controller.add_takeaway("Ringe HR", cecilie)
    meeting.controller.choose_focus([anne])
    assert [r.participant for r in meeting.session.focus_rounds] == [anne, bjorn, cecilie]
    assert meeting.controller.focus_ids == [anne]
    meeting.controller.choose_focus([])
    assert [r.participant for r in meeting.session.focus_rounds] == [bjorn, cecilie]


TAKEAWAY_STEPS: list[tuple[str, Callable[[MeetingController, str], object], str]] = [
    ("add", lambda c, pid: c.add_takeaway("Snakke med HR", pid), "Snakke med HR"),
    ("add-two", lambda c, pid: (c.add_takeaway("En", pid), c.add_takeaway("To", pid)), "En\nTo"),
    ("edit", lambda c, pid: c.edit_takeaway(c.add_takeaway("En", pid).id, "Ny tekst"), "Ny tekst"),
    ("delete", lambda c, pid: c.delete_takeaway(c.add_takeaway("En", pid).id), ""),
    (
        "delete-undo",
        lambda c, pid: (c.delete_takeaway(c.add_takeaway("En", pid).id), c.undo()),
        "En",
    ),
]


@pytest.mark.parametrize(
    ("step", "takeaway"),
    [(s, t) for _, s, t in TAKEAWAY_STEPS],
    ids=[i for i, *_ in TAKEAWAY_STEPS],
)
def test_the_focus_rounds_takeaway_is_the_text_of_the_persons_private_notes(
    step: Callable[[MeetingController, str], object], takeaway: str
) -> None:
    meeting = kollegaveiledning()
    cecilie = meeting.id("Cecilie")
    meeting.controller.choose_focus([cecilie])
    step(meeting.controller, cecilie)
    assert meeting.controller.focus_round(cecilie).takeaway == takeaway
    saved = {r.participant: r for r in meeting.saves[-1].focus_rounds}
    assert saved[cecilie].takeaway == takeaway
    notes = meeting.controller.takeaways_of(cecilie)
    assert all(n.private and n.about == cecilie for n in notes)


def test_a_takeaway_goes_to_the_focus_person_who_has_the_word() -> None:
    meeting = kollegaveiledning()
    dag = meeting.id("Dag")
    meeting.controller.choose_focus([dag])
    meeting.controller.jump(meeting.agenda.part_index("kollegaveiledning"))
    note = meeting.controller.add_takeaway("Ta det opp på neste møte")
    assert (note.about, note.private) == (dag, True)


def test_sharing_a_takeaway_is_a_toggle_that_is_saved() -> None:
    meeting = kollegaveiledning()
    anne = meeting.id("Anne")
    meeting.controller.choose_focus([anne])
    assert meeting.controller.toggle_takeaway_shared(anne) is True
    assert meeting.saves[-1].focus_rounds[0].share_takeaway is True
    assert meeting.controller.toggle_takeaway_shared(anne) is False
    assert meeting.saves[-1].focus_rounds[0].share_takeaway is False


def test_undoing_the_removal_of_a_focus_person_gives_back_their_focus_round() -> None:
    meeting = kollegaveiledning()
    bjorn, dag = meeting.id("Bjørn"), meeting.id("Dag")
    meeting.controller.choose_focus([bjorn, dag])
    meeting.controller.add_takeaway("Noe å ta med", bjorn)
    meeting.controller.remove_participant(bjorn)
    assert meeting.controller.focus_ids == [dag]
    assert [r.participant for r in meeting.session.focus_rounds] == [dag]
    meeting.controller.undo()
    assert meeting.controller.focus_ids == [bjorn, dag]
    assert [r.participant for r in meeting.session.focus_rounds] == [bjorn, dag]
    assert meeting.controller.focus_round(bjorn).takeaway == "Noe å ta med"


# -- `p` right after a mistaken `n`: back to where `n` left -----------------------------------

LEAVES: list[tuple[str, Callable[[MeetingController], object]]] = [
    ("n", lambda c: c.next_part()),
    ("f after the last phase", lambda c: c.next_phase()),
    ("ta pausen nå", lambda c: c.take_break()),
]


def mid_round(meeting: Meeting) -> tuple[Any, ...]:
    """Innsjekk, Bjørn speaking after Anne, 30 s into his turn: where a mistaken key hits."""
    controller = meeting.controller
    controller.start()
    meeting.clock.advance(40)
    controller.next_turn()
    meeting.clock.advance(30)
    assert meeting.speaker() == "Bjørn"
    return where(controller)


@pytest.mark.parametrize("leave", [i for _, i in LEAVES], ids=[n for n, _ in LEAVES])
def test_p_right_after_leaving_a_part_goes_back_to_where_it_was(
    leave: Callable[[MeetingController], object],
) -> None:
    meeting = Meeting()
    controller = meeting.controller
    before = mid_round(meeting)
    spoken = set(controller.engine.spoken)
    leave(controller)
    assert controller.snapshot().part.id != "innsjekk"
    meeting.clock.advance(5)
    controller.previous_part()
    # The same turn of the same round, its clocks 5 s on (the group kept talking); not the
    # round begun again from its first speaker (who, rotated, was someone else).
    *same, budget, remaining = before
    assert where(controller)[:-1] == (*same, budget)
    assert round(controller.snapshot().main.remaining) == remaining - 5
    assert controller.engine.spoken == spoken
    # The part left by mistake counts as never begun (the kjøreplan shows no start for it).
    parts = controller.engine.to_state().parts
    assert [p.id for p in parts if p.started_at is not None] == ["innsjekk"]
    assert where(meeting.reopened()) == where(controller), "and that is saved"


def test_p_at_the_end_after_n_goes_back_into_the_last_part_where_it_was() -> None:
    meeting = Meeting()
    controller = meeting.controller
    controller.start()
    controller.jump(len(meeting.agenda.parts) - 1)
    controller.next_turn()
    before = where(controller)
    controller.next_part()
    assert controller.snapshot().finished
    controller.previous_part()
    assert where(controller) == before


@pytest.mark.parametrize(
    ("between", "wait"),
    [
        (lambda c: c.next_turn(), 5),  # something done in the new part: it is where we are
        (lambda c: c.toggle_pause(), 5),
        (lambda c: None, 61),  # a minute on, `p` is «forrige del» again
    ],
    ids=["a turn", "pause", "a minute"],
)
def test_p_later_goes_to_the_start_of_the_part_before(
    between: Callable[[MeetingController], object], wait: float
) -> None:
    meeting = Meeting()
    controller = meeting.controller
    mid_round(meeting)
    controller.next_part()
    meeting.clock.advance(wait)
    between(controller)
    controller.previous_part()
    shot = controller.snapshot()
    assert (shot.part.id, shot.phase.id) == ("innsjekk", meeting.agenda.parts[0].phases[0].id)
    assert controller.engine.pos.turn == 0 and not controller.engine.spoken


def test_n_at_the_end_changes_nothing_and_p_still_goes_back_into_the_last_part() -> None:
    meeting = Meeting()
    controller = meeting.controller
    controller.start()
    controller.jump(len(meeting.agenda.parts) - 1)
    controller.next_part()
    controller.next_part()  # finished already: nothing to go back to but the last part
    controller.previous_part()
    shot = controller.snapshot()
    assert not shot.finished and shot.part.id == meeting.agenda.parts[-1].id


@pytest.mark.parametrize(
    "between",
    [
        lambda m: m.controller.set_present(m.id("Bjørn"), False),  # `a` on the old speaker
        lambda m: m.controller.toggle_current_absent(),
        lambda m: m.controller.add_note("Skrevet i delen etter"),  # kept in its part's referat
        lambda m: m.controller.choose_focus([m.id("Cecilie")]),
    ],
    ids=["set_present", "a", "a note", "focus"],
)
def test_anything_done_after_leaving_makes_p_begin_the_part_before_again(
    between: Callable[[Meeting], object],
) -> None:
    meeting = Meeting()
    controller = meeting.controller
    mid_round(meeting)
    controller.next_part()
    left = controller.snapshot().part.id
    between(meeting)
    controller.previous_part()
    assert not controller.engine.spoken, "the round begins again"
    parts = controller.engine.to_state().parts
    assert next(p for p in parts if p.id == left).started_at is not None


def test_p_after_leaving_counts_the_time_awake_not_a_sleep_of_the_laptop() -> None:
    meeting = Meeting()
    controller = meeting.controller
    *_, remaining = mid_round(meeting)
    controller.next_part()
    meeting.clock.suspend(45 * 60)  # the lid closed; asked about on waking, not here
    meeting.clock.advance(5)
    controller.previous_part()
    assert meeting.speaker() == "Bjørn"
    assert round(controller.snapshot().main.remaining) == remaining - 5
