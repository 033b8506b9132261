"""`Choice`: the app's drop-down list, a Textual `Select` that does not search as you type.

Text typed in a burst into a form can land on a list (one Tab too many, or the focus moved
while typing): the space in «Kari Nordmann» opened the list, the letters after it searched
it, and Enter chose what they found. A name typed into «Målform» set the documents to
nynorsk without a word, and one typed into «Leder» could choose another leader. The lists
here are short (two målformer, two roles, six people): ↑/↓ and Enter choose, as before.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Select


class Choice(Select[str]):
    """A `Select` whose open list ignores typed letters (`type_to_search=False`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("type_to_search", False)
        super().__init__(*args, **kwargs)
