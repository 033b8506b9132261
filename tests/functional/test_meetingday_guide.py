"""Issue 14.20: a guide per part in the agenda data, shown to the facilitator on the first
run of an agenda and one key (`i`) away after."""

from __future__ import annotations

from textual.widgets import Static

from startpakke.tui.screens.info import InfoScreen
from tests.tui_helpers import builtin, jump_to_part, make_app


def record_guides(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The titles of the guide messages the app shows, in order."""
    titles: list[str] = []
    show = app.notify

    def spy(message: str, **kwargs: object) -> None:
        if str(kwargs.get("title", "")).startswith("Veiledning"):
            titles.append(str(kwargs["title"]))
        show(message, **kwargs)

    app.notify = spy
    return titles


def test_every_part_of_the_builtin_agendas_has_a_guide() -> None:
    for name in ("startpakke", "kollegaveiledning"):
        for part in builtin(name).parts:
            assert part.guide is not None, (name, part.id)
            assert part.guide.why and part.guide.how and part.guide.pitfalls, (name, part.id)


async def test_guide_greets_on_the_first_run_only_and_i_shows_it() -> None:
    app, _session, _clock, _saves = make_app(first_run=True)
    greeted = record_guides(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert greeted == ["Veiledning – Velkommen og innsjekk"]
        await pilot.press("n")
        await pilot.pause()
        assert greeted[-1] == "Veiledning – Valg av fasilitator"
        await pilot.press("p", "n")  # each part greets once
        await pilot.pause()
        assert len(greeted) == 2
        await jump_to_part(pilot, app, "steg3")
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        text = str(app.screen.query_one("#info-text", Static).render())
        assert "Veiledning for fasilitatoren" in text
        assert "Når noe går galt:" in text and "Si:" in text
        assert "presentasjonen regner ikke med det" in text

    again, _s, _c, _v = make_app(first_run=True)  # the same data folder: seen by now
    greeted_again = record_guides(again)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        assert greeted_again == [], "the second run: one key away, not in the way"
        await pilot.press("i")
        await pilot.pause()
        assert "Veiledning for fasilitatoren" in str(
            again.screen.query_one("#info-text", Static).render()
        )


async def test_a_greeting_goes_with_its_part() -> None:
    """Back to a part already greeted: the greeting of the part just left does not stay
    up to 12 s over the next one (the pause's greeting lingered into steg 4)."""
    app, _session, _clock, _saves = make_app(first_run=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")  # greeted: Valg av fasilitator
        await pilot.pause()
        titles = [n.title for n in app._notifications]
        assert titles == ["Veiledning – Valg av fasilitator"]
        await pilot.press("p")  # Innsjekk was greeted already: nothing new to say
        await pilot.pause()
        assert [n.title for n in app._notifications] == [], "the last part's greeting is gone"
        app.notify("Anne er markert som borte", timeout=3)  # not a greeting: it stays
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Anne er markert som borte"]
