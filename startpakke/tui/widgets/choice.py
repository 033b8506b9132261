"""`Choice`: the app's drop-down list, a Textual `Select` that does not search as you type.

Text typed in a burst into a form can land on a list (one Tab too many, or the focus moved
while typing): the space in «Kari Nordmann» opened the list, the letters after it searched
it, and Enter chose what they found. A name typed into «Målform» set the documents to
nynorsk without a word, and one typed into «Leder» could choose another leader. The lists
here are short (two målformer, two roles, six people): ↑/↓ and Enter choose, as before.
Letters typed on a closed list are said to go nowhere, once until the focus leaves it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Select

from startpakke.i18n import _
from startpakke.tui.compat import keep_keys_in_order

keep_keys_in_order(Select)  # a Tab typed among letters moves on in its turn (compat.py)


class Choice(Select[str]):
    """A `Select` whose open list ignores typed letters (`type_to_search=False`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("type_to_search", False)
        super().__init__(*args, **kwargs)
        self._told = False

    def on_key(self, event: events.Key) -> None:
        if self.app.focused is not self:
            return  # typed after the focus moved on: passed on there (`keep_keys_in_order`)
        if self._told or self.expanded or not event.is_printable or event.character == " ":
            return  # told already; the open list's own keys; space opens the list
        if event.key in self.app.active_bindings:
            return  # a key the screen binds to a command is not typing
        self._told = True
        self.notify(
            _("Dette feltet er en liste: velg med Enter og ↑/↓. Det du skrev, kom ikke med."),
            severity="warning",
            timeout=6,
        )

    def on_blur(self) -> None:
        self._told = False
