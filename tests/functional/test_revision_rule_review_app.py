"""Issue 18.3: the revision meeting walks through each rule — beholdes, endres, tas ut."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from startpakke.session.model import AgreementLevel, ReviewDecision, Rule
from startpakke.tui.capture import CaptureArea
from tests.tui_helpers import builtin, jump_to_phase, make_app, send_together, until

NEW = "Vi starter og slutter presis, og tidtakeren passer tiden."


async def test_the_review_phase_takes_a_decision_per_rule(tmp_path: Path) -> None:
    app, session, _clock, _saves = make_app(agenda=builtin("revisjon"))
    session.rules = [
        Rule(id="a", text="Vi starter presis", agreed=True),
        Rule(id="b", text="Mobilen er av", agreed=True),
        Rule(id="c", text="Bare et forslag"),  # not in the contract: not reviewed
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.controller is not None
        await jump_to_phase(pilot, app, "spilleregler", "gjennomgang")
        area = app.screen.query_one(CaptureArea)
        assert "vurdert 0 av 2" in str(area.query_one("#capture-title").render())
        await pilot.press("c")
        assert isinstance(app.focused, OptionList)
        assert app.focused.option_count == 2
        await pilot.press("enter", "enter")  # beholdes → endres
        await pilot.press("r")
        field = area.capture_input
        assert app.focused is field and isinstance(field, Input)
        assert field.value == "Vi starter presis"
        field.value = NEW
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, OptionList), "back in the list after the new wording"
        await pilot.press("g", "g")  # enig → kan leve med
        await pilot.press("w")
        assert app.focused is field
        field.value = "Tidtakeren har ansvaret"
        await pilot.press("enter")
        await pilot.pause()
        review = session.rule_reviews[0]
        assert (review.rule_id, review.decision, review.new_text) == ("a", "adjust", NEW)
        assert (review.level, review.why) == (AgreementLevel.accept, "Tidtakeren har ansvaret")
        # The second rule: tas ut; an objection asks why before it is set.
        await pilot.press("down", "enter", "enter", "enter")
        await pilot.press("g", "g", "g")
        assert app.focused is field, "an objection needs a why first"
        field.value = "Vakttelefonen"
        await pilot.press("enter")
        await pilot.pause()
        dropped = session.rule_reviews[1]
        assert (dropped.rule_id, dropped.decision) == ("b", ReviewDecision.drop)
        assert (dropped.level, dropped.why) == (AgreementLevel.objection, "Vakttelefonen")
        # The rules keep their wording until the meeting closes.
        assert [r.text for r in session.rules][:2] == ["Vi starter presis", "Mobilen er av"]
        app.screen.refresh_state()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "vurdert 2 av 2" in str(area.query_one("#capture-title").render())


async def test_a_new_wording_typed_fast_after_ctrl_u_is_the_one_saved(tmp_path: Path) -> None:
    """ctrl+u clears the rule's wording, and what is typed right after it is kept: keys
    that came together ran ctrl+u last, and the field was empty (CI, issue 12's notes)."""
    app, session, _clock, _saves = make_app(agenda=builtin("revisjon"))
    session.rules = [Rule(id="a", text="Vi starter presis", agreed=True)]
    async with app.run_test(size=(120, 40)) as pilot:
        await jump_to_phase(pilot, app, "spilleregler", "gjennomgang")
        await pilot.press("c", "enter", "enter", "r")  # beholdes → endres, then the field
        field = app.screen.query_one(CaptureArea).capture_input
        assert app.focused is field and field.value == "Vi starter presis"
        send_together(app, ["ctrl+u", *NEW])
        await until(pilot, lambda: len(field.value) == len(NEW), "the new wording typed")
        send_together(app, ["backspace", ".", "enter"])
        await until(pilot, lambda: app.focused is not field, "back in the list once saved")
        assert session.rule_reviews[0].new_text == NEW


async def test_down_and_enter_at_once_decide_the_rule_below() -> None:
    """↓ and Enter typed together: the decision is the second rule's. (An Enter taken
    at once as the list's priority key ran before the ↓ queued behind the list.)"""
    app, session, _clock, _saves = make_app(agenda=builtin("revisjon"))
    session.rules = [
        Rule(id="a", text="Vi starter presis", agreed=True),
        Rule(id="b", text="Mobilen er av", agreed=True),
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        await jump_to_phase(pilot, app, "spilleregler", "gjennomgang")
        await pilot.press("c")
        assert isinstance(app.focused, OptionList)
        send_together(app, ["down", "enter", "enter", "enter"])  # beholdes → endres → tas ut
        await until(pilot, lambda: len(session.rule_reviews) == 1, f"{session.rule_reviews}")
        review = session.rule_reviews[0]
        await until(pilot, lambda: review.decision == ReviewDecision.drop, f"{review}")
        assert review.rule_id == "b"
