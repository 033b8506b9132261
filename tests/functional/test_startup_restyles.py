"""A screen or dialog is styled once as it opens: each widget as it is mounted; and the help
is a handful of widgets.

Restyling a container restyles everything inside it (Textual's `update_styles`), so a
scrolling form that takes the focus on the way to its first field, or a screen restyled on
its first resume, costs the whole form again (about 20 ms of the setup screen's start on
this machine, 100 ms of opening the plan form).
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet

from tests.tui_helpers import jump_to_part, make_app

FIELD_PARTS = 6
"""A `Select` and its parts, restyled when it takes the focus or its value (Textual's doing)."""


@pytest.fixture
def restyles(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every restyle after mounting: (the node it starts at, how many nodes)."""
    seen: list[tuple[str, int]] = []
    update_nodes = Stylesheet.update_nodes

    def record(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        if nodes:
            seen.append((f"{type(nodes[0]).__name__}#{nodes[0].id}", len(nodes)))
        update_nodes(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", record)
    return seen


async def test_setup_run_screen_and_plan_form_restyle_no_container_as_they_open(
    restyles: list[tuple[str, int]],
) -> None:
    app, *_ = make_app(setup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the setup screen's first frame
        assert app.focused is not None and app.focused.id == "p-name"
        assert [seen for seen in restyles if seen[1] > FIELD_PARTS] == []

        restyles.clear()
        await pilot.press("ctrl+s")  # «Start møtet»: the run screen
        await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen"
        assert [seen for seen in restyles if seen[1] > 1] == []

        restyles.clear()
        await jump_to_part(pilot, app, "steg7")
        await pilot.press("c")  # the plan form
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanScreen"
        assert app.focused is not None and app.focused.id == "plan-leader"
        assert [seen for seen in restyles if seen[1] > FIELD_PARTS] == []

        await pilot.press("escape", "question_mark")  # from the plan form to the help
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        # A section's keys are one table: with three widgets per key (about 120), each
        # measuring its own wrapped height, opening help took four layouts of 50–70 ms.
        assert len(list(app.screen.walk_children())) < 12
