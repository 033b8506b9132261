"""The network in the facilitator's app: the rotation's proposal can be overridden on the first
screen, focus persons proposed before the meeting are the round's, and typed personal data
is warned about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Select, Static

from startpakke.engine import FakeClock
from startpakke.network.privacy import FNR_WARNING
from tests.network_fixtures import founding, save_in_data_folder
from tests.tui_helpers import open_app, put_text, skip_to_part, start_meeting

SIZE = (120, 40)


async def test_the_rotation_is_proposed_and_the_facilitator_overrides_it(tmp_path: Path) -> None:
    save_in_data_folder(founding(day=date(2026, 2, 10)), "2026-02-10-startpakke")
    target = tmp_path / "neste.json"
    app = open_app(target, FakeClock(), "--agenda", "kollegaveiledning", "--network", "vestfold")
    async with app.run_test(size=SIZE) as pilot:
        proposal = app.screen.query_one("#rotation", Static).content
        assert "fokuspersoner Kari Nordmann, Ola Hansen, Siri Berg" in str(proposal)
        assert "tidtaker Nils Dahl" in str(proposal)
        leader = app.screen.query_one("#leader", Select)
        secretary = app.screen.query_one("#secretary", Select)
        assert (leader.value, secretary.value) == ("p-kari", "p-ola")  # Siri led the founding
        leader.value = "p-vera"
        await start_meeting(pilot)
        assert app.controller is not None
        assert app.controller.focus_ids == ["p-kari", "p-ola", "p-siri"]
        session = app.controller.session
        assert (session.network.leader, session.network.secretary) == ("p-vera", "p-ola")
        assert session.network.id == founding().network.id
    assert target.exists()


async def test_a_fodselsnummer_typed_into_a_rule_is_warned_about(tmp_path: Path) -> None:
    app = open_app(tmp_path / "mote.json", FakeClock(), "--names", "Anne,Bjørn")
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        assert app.controller is not None
        await skip_to_part(pilot, app, "steg4")
        await pilot.press("c")
        put_text(app, "Saken gjelder 15078510150")
        await pilot.press("enter")
        await pilot.pause()
        assert FNR_WARNING in [n.message for n in app._notifications]
        before = len(app._notifications)
        put_text(app, "Vi starter presis kl 0900")
        await pilot.press("enter")
        await pilot.pause()
        assert FNR_WARNING not in [n.message for n in list(app._notifications)[before:]]


async def test_what_is_stored_lists_every_file_of_the_network(tmp_path: Path) -> None:
    founding_path = save_in_data_folder(founding(day=date(2026, 2, 10)), "2026-02-10-startpakke")
    target = tmp_path / "neste.json"
    app = open_app(target, FakeClock(), "--agenda", "kollegaveiledning", "--network", "vestfold")
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("ctrl+p")
        put_text(app, "Hva er lagret")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        text = str(app.screen.query_one("#stored-text", Static).content)
        assert str(target.resolve()) in text and str(founding_path) in text
        assert "okter.json" in text


async def test_start_up_notices_are_shown_over_the_first_screen(tmp_path: Path) -> None:
    app = open_app(tmp_path / "mote.json", FakeClock(), "--names", "Anne")
    app.startup.notices = ["Nettverket «X» skulle vært anonymisert eller slettet 10.02.2025"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [(n.message, n.severity) for n in app._notifications]
        assert shown == [(app.startup.notices[0], "warning")]


async def test_a_network_past_its_date_is_found_after_the_first_frame(tmp_path: Path) -> None:
    """Reading every session the data folder knows (a year of meetings) is no reason for
    the first frame to wait: the notice comes a moment after it, and is said on the way out
    too (the command prints `startup.notices`)."""
    save_in_data_folder(founding(day=date(2024, 2, 10)), "2024-02-10-startpakke")
    app = open_app(tmp_path / "mote.json", FakeClock(), "--names", "Anne")
    assert app.startup.notices == []  # not looked for while the app was being made
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [(n.message, n.severity) for n in app._notifications]
        assert len(shown) == 1 and shown[0][1] == "warning"
        assert "«Nettverk Vestfold» skulle vært anonymisert eller slettet 10.02.2025" in shown[0][0]
        assert app.startup.notices == [shown[0][0]]


async def test_the_leader_is_chosen_among_the_people_on_the_list(tmp_path: Path) -> None:
    """Someone removed from a later meeting's list could still be chosen as its leader
    (and saved so), and someone added could not be."""
    import pytest
    from textual.widgets import DataTable
    from textual.widgets.select import InvalidSelectValueError

    save_in_data_folder(founding(day=date(2026, 2, 10)), "2026-02-10-startpakke")
    target = tmp_path / "neste.json"
    app = open_app(target, FakeClock(), "--agenda", "kollegaveiledning", "--network", "vestfold")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        leader = screen.query_one("#leader", Select)
        assert leader.value == "p-kari"
        table = screen.query_one(DataTable)
        table.focus()
        table.move_cursor(row=0)  # Kari Nordmann, the proposed leader
        await pilot.pause()
        await pilot.press("ctrl+d")
        assert leader.value is Select.NULL, "the removed leader is no longer chosen"
        proposal = str(screen.query_one("#rotation", Static).content)
        assert "fokuspersoner Ola Hansen, Siri Berg" in proposal  # Kari is not proposed
        assert [r.participant for r in screen.session.focus_rounds] == ["p-ola", "p-siri"]
        with pytest.raises(InvalidSelectValueError):
            leader.value = "p-kari"
        screen.query_one("#p-name").focus()
        await pilot.pause()
        put_text(app, "Tone Vik")
        await pilot.press("enter")
        tone = screen.session.participants[-1]
        assert tone.name == "Tone Vik"
        leader.value = tone.id  # the one added can lead
        await start_meeting(pilot)
        assert app.controller is not None
        assert app.controller.session.network.leader == tone.id
