"""Textual in Norwegian: the words Textual itself puts on the screen.

Through Textual's public API where it has one:
- the command palette's binding and its footer label («^p kommandoer»): a `Binding` for
  `command_palette` in the app's `BINDINGS` (`PALETTE_BINDING`), so Textual adds no English one;
- the palette's placeholder: `CommandPalette(placeholder=…)`, pushed by
  `NorwegianApp.action_command_palette`;
- ctrl+c's notice: `NorwegianApp.action_help_quit`;
- the system commands: the app's own `get_system_commands` (it never yields Textual's
  English ones); `NorwegianApp.keys_command` is the «Taster» panel in Norwegian.

The rest has no public API and is kept here, in one place (check it when Textual is
upgraded; `tests/functional/test_language_english.py` fails when English comes back):
- «No matches found» is written inside `CommandPalette._start_no_matches_countdown`:
  `NorwegianCommandPalette` overrides that method;
- the descriptions of the widgets' own keys (Input's «Move cursor left» …), which the Keys
  panel lists: `translate_bindings()` rewrites the `BINDINGS` of Textual's classes and
  recomputes the merged bindings (`_merged_bindings`, private) of the classes that exist.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets.option_list import Option

from startpakke.i18n import N_, _
from startpakke.labels import label
from startpakke.session.model import Language

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.screen import Screen

PALETTE_KEY = "ctrl+p"


def palette_binding() -> Binding:
    """The command palette's key, with a Norwegian label for the footer and the Keys panel."""
    return Binding(
        PALETTE_KEY,
        "command_palette",
        _("kommandoer"),
        show=False,
        priority=True,
        tooltip=_("Åpne kommandopaletten"),
        id="command_palette",
    )


class NorwegianCommandPalette(CommandPalette):
    """Textual's command palette with Norwegian words."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", _("Søk etter kommandoer …"))
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual writes «No matches found» inside this private method; the same, in Norwegian.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("Ingen treff"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class NorwegianApp:
    """Mixed into a Textual `App` before it: the app-wide actions whose words Textual writes."""

    def action_command_palette(self: Any) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(NorwegianCommandPalette(id="--command-palette"))

    def action_help_quit(self: Any) -> None:
        # Textual's ctrl+c says «Do you want to quit? Press ctrl+q to quit the app».
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    _("Trykk {key} for å avslutte (alt er lagret).").format(key=key),
                    title=_("Vil du avslutte?"),
                )
                return

    def keys_command(self: Any, screen: Screen[Any]) -> SystemCommand:
        """«Taster»: Textual's panel of the keys that work where the cursor is, in Norwegian."""
        from textual.app import SystemCommand

        if screen.query("HelpPanel"):
            return SystemCommand(
                _("Skjul taster"), _("Skjul panelet med tastene"), self.action_hide_help_panel
            )
        return SystemCommand(
            _("Taster"),
            _("Vis tastene som virker i feltet du står i"),
            self.action_show_help_panel,
        )

    def language_command(self: Any) -> SystemCommand:
        """Remember the other language (bokmål/nynorsk) for the next start (the saved setting)."""
        from textual.app import SystemCommand

        from startpakke import i18n

        other = "nn" if i18n.current_language() == "nb" else "nb"
        title = _("Bruk nynorsk") if other == "nn" else _("Bruk bokmål")

        def remember() -> None:
            try:
                i18n.save_language(other)
            except OSError as err:
                self.notify(_("Kunne ikke lagre språket: {reason}").format(reason=err))
                return
            self.notify(
                _("Neste gang startpakke starter, er programmet på {language}.").format(
                    language=label(Language(other))
                )
            )

        return SystemCommand(title, _("Språket i programmet fra neste start"), remember)


# ------------------------------------------------------------- the widgets' own keys

BINDING_WORDS: dict[str, str] = {
    "Quit": N_("Avslutt"),
    "palette": N_("kommandoer"),
    "Open the command palette": N_("Åpne kommandopaletten"),
    "Exit the command palette": N_("Lukk kommandopaletten"),
    "Focus Next": N_("Neste felt"),
    "Focus Previous": N_("Forrige felt"),
    "Copy selected text": N_("Kopier merket tekst"),
    "Scroll Up": N_("Rull opp"),
    "Scroll Down": N_("Rull ned"),
    "Scroll Left": N_("Rull til venstre"),
    "Scroll Right": N_("Rull til høyre"),
    "Scroll Home": N_("Til toppen"),
    "Scroll End": N_("Til bunnen"),
    "Page Up": N_("En side opp"),
    "Page Down": N_("En side ned"),
    "Page up": N_("En side opp"),
    "Page down": N_("En side ned"),
    "Page Left": N_("En side til venstre"),
    "Page Right": N_("En side til høyre"),
    "Move cursor left": N_("Markøren til venstre"),
    "Move cursor right or accept the completion suggestion": N_(
        "Markøren til høyre, eller godta forslaget"
    ),
    "Move cursor right": N_("Markøren til høyre"),
    "Go to start": N_("Til starten"),
    "Go to end": N_("Til slutten"),
    "Move cursor left and select": N_("Merk mot venstre"),
    "Move cursor left a word": N_("Ett ord til venstre"),
    "Move cursor left a word and select": N_("Merk ett ord mot venstre"),
    "Move cursor right and select": N_("Merk mot høyre"),
    "Move cursor right a word": N_("Ett ord til høyre"),
    "Move cursor right a word and select": N_("Merk ett ord mot høyre"),
    "Delete character left": N_("Slett tegnet til venstre"),
    "Delete character right": N_("Slett tegnet til høyre"),
    "Select all": N_("Merk alt"),
    "Select line start": N_("Merk til starten av linjen"),
    "Select line end": N_("Merk til slutten av linjen"),
    "Select line": N_("Merk linjen"),
    "Submit": N_("Legg til"),
    "Delete left to start of word": N_("Slett til starten av ordet"),
    "Delete right to start of word": N_("Slett til starten av neste ord"),
    "Delete all to the left": N_("Slett alt til venstre"),
    "Delete all to the right": N_("Slett alt til høyre"),
    "Cut selected text": N_("Klipp ut merket tekst"),
    "Paste text from the clipboard": N_("Lim inn"),
    "Cursor up": N_("Opp"),
    "Cursor down": N_("Ned"),
    "Cursor left": N_("Til venstre"),
    "Cursor right": N_("Til høyre"),
    "Cursor line start": N_("Til starten av linjen"),
    "Cursor line end": N_("Til slutten av linjen"),
    "Cursor page up": N_("En side opp"),
    "Cursor page down": N_("En side ned"),
    "Cursor word left": N_("Ett ord til venstre"),
    "Cursor word right": N_("Ett ord til høyre"),
    "Cursor left word select": N_("Merk ett ord mot venstre"),
    "Cursor right word select": N_("Merk ett ord mot høyre"),
    "Cursor line start select": N_("Merk til starten av linjen"),
    "Cursor line end select": N_("Merk til slutten av linjen"),
    "Cursor up select": N_("Merk oppover"),
    "Cursor down select": N_("Merk nedover"),
    "Cursor left select": N_("Merk mot venstre"),
    "Cursor right select": N_("Merk mot høyre"),
    "Delete to line start": N_("Slett til starten av linjen"),
    "Delete to line end": N_("Slett til slutten av linjen"),
    "Delete line": N_("Slett linjen"),
    "Cut": N_("Klipp ut"),
    "Copy": N_("Kopier"),
    "Paste": N_("Lim inn"),
    "Undo": N_("Angre"),
    "Redo": N_("Gjør om"),
    "Up": N_("Opp"),
    "Down": N_("Ned"),
    "First": N_("Første"),
    "Last": N_("Siste"),
    "Home": N_("Til starten"),
    "End": N_("Til slutten"),
    "Top": N_("Til toppen"),
    "Bottom": N_("Til bunnen"),
    "Select": N_("Velg"),
    "Show menu": N_("Vis valgene"),
    "Toggle": N_("Slå av/på"),
    "Previous option": N_("Forrige valg"),
    "Next option": N_("Neste valg"),
    "Press button": N_("Trykk på knappen"),
    "Toggle dark mode": N_("Lyst/mørkt"),
    "Maximize": N_("Maksimer"),
    "Minimize": N_("Gjenopprett"),
}
"""Textual's English key descriptions → catalogue messages (shown through `_()`)."""

GROUP_TITLES: dict[str, str] = {"Input": N_("Tekstfelt"), "Collapsible": N_("Sammenleggbar")}
"""The Keys panel's headings (`BINDING_GROUP_TITLE`, public) → catalogue messages."""


def _classes(root: type) -> Iterator[type]:
    seen: set[type] = set()
    stack = [root]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        yield cls
        stack.extend(cls.__subclasses__())


def _norwegian(binding: Any) -> Any:
    if isinstance(binding, tuple) and len(binding) >= 3 and binding[2] in BINDING_WORDS:
        return (*binding[:2], _(BINDING_WORDS[binding[2]]), *binding[3:])
    if not isinstance(binding, Binding):
        return binding
    if binding.description not in BINDING_WORDS:
        return binding  # ours, or one Textual shows nowhere
    description = _(BINDING_WORDS[binding.description])
    # Textual's tooltips are English sentences: the translated one, or the description.
    tooltip = _(BINDING_WORDS[binding.tooltip]) if binding.tooltip in BINDING_WORDS else ""
    return dataclasses.replace(
        binding, description=description, tooltip=tooltip if binding.tooltip else ""
    )


_translated: set[str] = set()


def translate_bindings() -> None:
    """Give every Textual class's keys Norwegian descriptions (once per language).

    Classes defined later merge the rewritten `BINDINGS`; the merged bindings of the
    classes that already exist are recomputed (Textual computes them once, at class
    creation).
    """
    from startpakke.i18n import current_language

    if current_language() in _translated:
        return
    _translated.add(current_language())
    classes = list(_classes(DOMNode))
    for cls in classes:
        title = cls.__dict__.get("BINDING_GROUP_TITLE")
        if title in GROUP_TITLES:
            cls.BINDING_GROUP_TITLE = _(GROUP_TITLES[title])  # type: ignore[attr-defined]
        own = cls.__dict__.get("BINDINGS")
        if own:
            cls.BINDINGS = [_norwegian(b) for b in own]  # type: ignore[attr-defined]
    for cls in classes:
        if cls.__dict__.get("_merged_bindings") is not None:
            cls._merged_bindings = cls._merge_bindings()  # type: ignore[attr-defined]
