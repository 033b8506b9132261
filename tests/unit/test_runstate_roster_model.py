"""The session is the roster: presence, focus persons and the network's services are read
from it, never copied."""

from __future__ import annotations

from startpakke.session.migrate import migrate
from startpakke.session.model import FocusRound, Network, Participant, Role, Session


def session() -> Session:
    return Session(
        network=Network(services=["Bufetat region sør"]),
        participants=[
            Participant(id="a", name="Anne", service="Larvik"),
            Participant(id="b", name="Bjørn", service=" Larvik ", present=False),
            Participant(id="c", name="Cecilie", service="Vara-kommune", role=Role.deputy),
            Participant(id="d", name="Dag", service="Sandefjord"),
        ],
        focus_rounds=[
            FocusRound(participant="d", chosen=True),
            FocusRound(participant="a", case_title="Kept, not chosen"),
            FocusRound(participant="b", chosen=True),
        ],
    )


def test_services_come_from_the_members_then_the_extras() -> None:
    s = session()
    assert s.services == ["Larvik", "Sandefjord", "Bufetat region sør"]
    s.participants.append(Participant(name="Eva", service="Færder"))
    assert s.services[-2:] == ["Færder", "Bufetat region sør"]


def test_the_roster_protocol() -> None:
    s = session()
    assert s.speaker_ids() == ["a", "b", "c", "d"]
    assert [s.is_present(pid) for pid in ("a", "b", "zz")] == [True, False, False]
    assert s.focus_ids() == ["d", "b"]


def test_format_2_keeps_only_the_services_beyond_the_members() -> None:
    data = {
        "schema_version": 2,
        "network": {"services": ["Larvik", "Vara-kommune", "Bufetat"]},
        "participants": [
            {"id": "a", "name": "Anne", "service": "Larvik"},
            {"id": "c", "name": "Cecilie", "service": "Vara-kommune", "role": "deputy"},
        ],
    }
    assert migrate(data)["network"]["services"] == ["Vara-kommune", "Bufetat"]
