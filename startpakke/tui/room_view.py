"""The run screen's room view («Rommet ser skjermen»): the laptop is mirrored to the room.

The state is the app's (`StartpakkeApp.room_view`: on with `startpakke run --projektor`,
toggled with `R`); what the room may see is `startpakke.view.privacy`. These helpers let a
screen or dialog ask both at once, so a widget never keeps a list of its own.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Input

from startpakke.i18n import _
from startpakke.view.privacy import may_project

HIDDEN = "🔒"
"""In place of a value the room may not see (a contact, a case title) in a table."""


def room_sees(node: DOMNode) -> bool:
    """Is the room view on in `node`'s app? (False in an app without one: the projector.)"""
    return bool(getattr(node.app, "room_view", False))


def hides(node: DOMNode, path: str) -> bool:
    """Must `node` hide the session or agenda field `path` (`participants[].contact`) now?"""
    return room_sees(node) and not may_project(path)


def mask(field: Input, path: str) -> None:
    """Typing into `field` writes `path`: show dots instead of the text while the room
    may not see it (the text is kept and saved as typed)."""
    field.password = hides(field, path)


def hidden_list_text() -> str:
    """Instead of a list the room may not see."""
    return _("Skjult mens rommet ser skjermen (R viser det igjen)")
