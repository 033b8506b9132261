"""A warning when typed text looks like it identifies someone (see `startpakke.network.privacy`).

The text is kept as typed — the facilitator decides — but the warning stays on screen long
enough to be read.
"""

from __future__ import annotations

from textual.dom import DOMNode

from startpakke.network.privacy import warnings


def warn_about_personal_data(node: DOMNode, text: str, *, case_field: bool = False) -> bool:
    """Notify a warning for each problem in `text`; True when there was one."""
    found = warnings(text, case_field=case_field)
    for line in found:
        node.app.notify(line, severity="warning", timeout=12)
    return bool(found)
