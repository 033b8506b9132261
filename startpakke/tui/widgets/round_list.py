"""The round's order: who has spoken, who speaks now, who is next, who is absent."""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import Static

from startpakke.engine import RoundView
from startpakke.i18n import _
from startpakke.tui.widgets.text import show_text


def round_list_markup(view: RoundView) -> str:
    """One line per person, with words as well as marks (never colour alone)."""
    lines = [
        _("[b]Runden[/b] · tur {turn} av {turns}").format(
            turn=view.turn_number, turns=view.turns_total
        )
    ]
    absent = {p.id for p in view.absent}
    current = view.current.id if view.current else None
    following = view.next.id if view.next else None
    passed = True
    for person in view.order:
        name = escape(person.name)
        if person.id == current:
            passed = False
            lines.append(_("[reverse b] ▶ {name} – nå [/]").format(name=name))
        elif person.id in absent:
            lines.append(_("[dim] ✗ {name} – borte[/]").format(name=name))
        elif person.id == following:
            lines.append(_(" ▷ {name} – neste").format(name=name))
        elif passed and not view.done:
            lines.append(f"[dim] ✓ {name}[/]")
        else:
            lines.append(f"   {name}")
    if view.done:
        lines.append(_("[b]Runden er ferdig[/b]"))
    return "\n".join(lines)


class RoundList(Static):
    """Shows a `RoundView`; hidden outside rounds."""

    def show(self, view: RoundView | None) -> None:
        self.display = view is not None
        if view is not None:
            show_text(self, round_list_markup(view))
