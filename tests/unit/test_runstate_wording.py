"""One wording of validation errors for agendas and sessions; cross-field rules written once."""

from __future__ import annotations

import pytest

from startpakke.agenda.loader import AgendaError, load_agenda_text
from startpakke.agenda.model import Agenda, Part, cross_problems
from startpakke.modeling import Invalid, validate
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.session.model import Session
from startpakke.session.store import describe_validation_error
from startpakke.wording import field_path, word

AGENDA = {
    "id": "t",
    "title": "T",
    "parts": [
        {"id": "a", "title": "A", "minutes": 5},
        {"id": "a", "title": "B", "minutes": 5, "context": ["dikt"]},
    ],
}


def test_the_same_wording_for_an_agenda_and_a_session() -> None:
    with pytest.raises(Invalid) as agenda:
        validate(
            Agenda, {"id": "t", "title": 5, "parts": [{"id": "a", "title": "A", "minutes": 1}]}
        )
    with pytest.raises(Invalid) as session:
        validate(Session, {"network": {"name": 5}})
    assert word(agenda.value.errors[0], Agenda).text == word(session.value.errors[0], Session).text
    assert describe_validation_error(session.value) == [
        "network.name: må være tekst, fikk 5 (sett anførselstegn rundt teksten)"
    ]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ({"rules": [{"text": "A", "agreed": "ja"}]}, "rules[0].agreed: må være true eller false"),
        ({"agenda_idd": "x"}, "(hele filen): ukjent felt «agenda_idd» (mente du «agenda_id»?)"),
        ({"participants": [{}]}, "participants[0]: mangler påkrevd felt «name»"),
        ({"network": {"meeting_date": "i går"}}, "network.meeting_date: må være en dato"),
    ],
)
def test_session_problems_name_the_field_path(data: dict, line: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(Invalid) as caught:
        validate(Session, data)
    assert any(text.startswith(line) for text in describe_validation_error(caught.value))


def test_field_path() -> None:
    assert field_path(("parts", 3, "phases", 0, "id")) == "parts[3].phases[0].id"
    assert field_path(()) == ""


def test_cross_field_rules_live_in_the_model_and_the_loader_places_them() -> None:
    problems = cross_problems(AGENDA)
    assert [(p.at, p.sentence()) for p in problems] == [
        (("parts", 1, "id"), "del-id-en «a» er allerede brukt (parts[0].id)"),
        (
            ("parts", 1, "context", 0),
            "ukjent kontekst-tekst «dikt»; agendaen har ingen context-liste",
        ),
    ]
    with pytest.raises(Invalid) as caught:  # the model refuses it however it is built
        validate(Agenda, AGENDA)
    assert "del-id-en «a» er allerede brukt" in caught.value.errors[0]["msg"]
    with pytest.raises(ValueError, match="fase-id-en «p»"):
        Agenda(
            id="t",
            title="T",
            parts=[Part(id="a", title="A", minutes=5, phases=[_phase("p"), _phase("p")])],
        )


def _phase(phase_id: str):  # type: ignore[no-untyped-def]
    from startpakke.agenda.model import Phase, PhaseKind

    return Phase(id=phase_id, title="P", kind=PhaseKind.plenary, minutes=1)


def test_the_loader_reports_a_repeated_id_once_with_the_line_of_the_first() -> None:
    text = (
        "id: t\ntitle: T\nparts:\n"
        "  - id: a\n    title: A\n    minutes: 5\n"
        "  - id: a\n    title: B\n    minutes: 5\n"
    )
    with pytest.raises(AgendaError) as caught:
        load_agenda_text(text, "x.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "x.yaml:7:9: parts[1].id: del-id-en «a» er allerede brukt (parts[0].id, linje 4)"
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: ops.add_participant(s, "  "), "Navnet mangler."),
        (lambda s: ops.add_rule(s, ""), "Teksten til regelen mangler."),
        (lambda s: ops.add_note(s, "steg1", " "), "Notatet er tomt."),
        (lambda s: ops.add_theme(s, ""), "Temaet er tomt."),
    ],
)
def test_edit_messages_are_whole_sentences(edit, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EditError) as caught:
        edit(Session())
    assert str(caught.value) == message


def test_a_setter_validates_what_it_sets() -> None:
    session = Session()
    person = ops.add_participant(session, "Anne")
    rule = ops.add_rule(session, "Vi starter presis")
    with pytest.raises(EditError, match="Ugyldig verdi"):
        ops.set_present(session, person.id, "kanskje")  # type: ignore[arg-type]
    with pytest.raises(EditError, match="Ugyldig verdi"):
        ops.set_rule_proposer(session, rule.id, 42)  # type: ignore[arg-type]
    assert person.present is True and rule.proposed_by is None
