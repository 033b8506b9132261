"""The room's screen: a read-only view of the meeting the facilitator is running.

It follows the session file the facilitator's app autosaves (`startpakke.projector.Room`)
and shows only what the room needs: the part and its title, the question, a big clock
that grows with the window, whose turn it is and who is next, and — where the group
collects them — the rules and competences as post-its. It never writes anything.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from startpakke.engine import Clock
from startpakke.i18n import _
from startpakke.projector.room import (
    AGREED,
    CHOSEN,
    HIDDEN,
    PROPOSAL,
    TOP,
    CompetenceColumn,
    CompetenceNote,
    Room,
    RoomView,
    RuleNote,
    competences_heading,
    rules_heading,
)
from startpakke.tui.compat import draw_at_the_terminals_size
from startpakke.tui.theme import DARK, PROJECTOR, THEMES
from startpakke.tui.widgets.block_clock import BlockClock
from startpakke.tui.widgets.text import show_text

TICK_SECONDS = 0.1
"""How often the session file is looked at: one `stat` and the room's view, about 0.3 ms, so
a facilitator's key shows here within a tenth of a second plus the repaint."""
POSTIT_WIDTH = 30
"""About how wide a rule's post-it is; the board has as many columns as fit."""
ROOMY_ROWS = 4
"""Rows a roomy post-it takes: two lines of text, who proposed it, a gap."""
CLOCK_STATES = ("ok", "low", "overtime", "paused")
STAGES = ("waiting", "running", "finished", "blank")


class PostIt(Static):
    """One note on the wall."""


class Board(Vertical):
    """The post-its: rules in columns, or competences in one column per category.

    Roomy notes (text, then who and «✓ enig» on a line of their own) while they fit in
    half the screen; otherwise one line each, so more of them are seen. Notes that still
    do not fit are counted in the heading, never silently left out.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: object = None
        self._heading = ""

    def show(self, view: RoomView, size: Size) -> None:
        columns = max(1, (size.width - 2) // POSTIT_WIDTH)
        room = max(3, size.height // 2 - 2)
        if view.competences is not None:
            tallest = max((len(column.notes) for column in view.competences), default=0)
            compact = (tallest + 1) * ROOMY_ROWS > room
        else:
            rules = view.rules or ()
            compact = -(-len(rules) // columns) * ROOMY_ROWS > room
        if compact and view.rules:
            columns = min(columns, -(-len(view.rules) // room))  # as few as fit: more text
        content: object = (view.rules, view.competences, columns, compact)
        if content == self._shown:
            return
        self._shown = content
        self.remove_children()
        self.display = view.rules is not None or view.competences is not None
        if view.competences is not None:
            self._heading, widgets = _competence_board(view.competences, compact)
        elif view.rules is not None:
            self._heading, widgets = _rule_board(view.rules, columns, compact)
        else:
            return
        self.mount(Static(self._heading, classes="board-heading"), *widgets)
        self.call_after_refresh(self.count_hidden)

    def count_hidden(self) -> int:
        """How many notes do not fit; said in the heading."""
        bottom = min(self.content_region.bottom, self.screen.content_region.bottom)
        notes = list(self.query(PostIt))
        hidden = sum(1 for note in notes if not note.region or note.region.bottom > bottom)
        headings = self.query(".board-heading")
        if headings:
            text = self._heading
            if hidden:
                text += _(HIDDEN).format(n=hidden)
            headings.first(Static).update(text)
        return hidden


def _postit(text: str, byline: str, classes: str, *, compact: bool, mark: str = "") -> PostIt:
    if compact:
        content = Text.assemble((mark + " " if mark else "", "bold"), (text, "bold"))
        return PostIt(content, classes=classes + " -compact")
    return PostIt(Text.assemble((text, "bold"), "\n", (byline, "italic")), classes=classes)


def _rule_board(
    rules: tuple[RuleNote, ...], columns: int, compact: bool
) -> tuple[str, list[Widget]]:
    heading = rules_heading(rules)
    notes = [
        _postit(
            rule.text,
            (_(AGREED) if rule.agreed else _(PROPOSAL)) + (f"  ·  {rule.by}" if rule.by else ""),
            "postit rule" + (" -agreed" if rule.agreed else ""),
            compact=compact,
            mark="✓" if rule.agreed else "",
        )
        for rule in rules
    ]
    # Filled row by row, like post-its put up left to right.
    stacks = [Vertical(*notes[i::columns], classes="postit-column") for i in range(columns)]
    return heading, [Horizontal(*stacks, classes="board-columns")]


def _competence_byline(note: CompetenceNote) -> str:
    marks = (_(CHOSEN) if note.chosen else "", _(TOP) if note.top else "", note.by)
    return "  ·  ".join(mark for mark in marks if mark)


def _competence_board(
    columns: tuple[CompetenceColumn, ...], compact: bool
) -> tuple[str, list[Widget]]:
    heading = competences_heading(columns)
    parts = []
    for column in columns:
        notes = [
            _postit(
                note.text,
                _competence_byline(note),
                f"postit -{column.category.value}",
                compact=compact,
                mark="★" if note.chosen else "",
            )
            for note in column.notes
        ]
        label = Static(
            f"{column.label} ({column.colour})",
            classes=f"category-heading -{column.category.value}",
        )
        parts.append(Vertical(label, *notes, classes="postit-column"))
    return heading, [Horizontal(*parts, classes="board-columns")]


class ProjectorApp(App[None]):
    """Shows the followed meeting; `q` or ctrl+q quits. Nothing can be changed here."""

    CSS_PATH = ["styles/projector.tcss"]
    TITLE = "startpakke – projektor"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", "Avslutt", id="quit"),
        Binding("ctrl+q", "quit", "Avslutt", priority=True, id="quit_ctrl"),
    ]

    def __init__(
        self,
        room: Room,
        *,
        dark: bool = False,
        tick: float = TICK_SECONDS,
    ) -> None:
        draw_at_the_terminals_size()
        super().__init__()
        self.room = room
        self.tick = tick
        self.shown: RoomView | None = None
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DARK.name if dark else PROJECTOR.name

    @property
    def clock(self) -> Clock:
        return self.room.clock

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(id="part-label")
            yield Static(id="network")
            yield Static(id="wall-clock")
        yield Static(id="title")
        yield Static(id="phase")
        yield Static(id="problem")
        yield Static(id="prompts")
        yield Static(id="listening")
        with Vertical(id="clock-box"):
            yield Static(id="clock-label")
            yield BlockClock(id="clock")
            yield Static(id="clock-status")
        yield Static(id="turn")
        yield Board(id="board")

    def on_mount(self) -> None:
        self.update_view()
        self.set_interval(self.tick, self.refresh_room)

    def refresh_room(self) -> None:
        self.room.refresh()
        self.update_view()

    def on_resize(self) -> None:
        if self.shown is not None:
            self.query_one(Board).show(self.shown, self.size)

    # -- rendering -----------------------------------------------------------------------

    def update_view(self) -> None:
        view = self.room.view()
        if view == self.shown:
            return
        with self.batch_update():
            self._show(view, self.shown)
        self.shown = view

    def _set(self, selector: str, text: str | Text) -> None:
        widget = self.query_one(selector, Static)
        show_text(widget, text)
        widget.display = bool(text)

    def _show(self, view: RoomView, before: RoomView | None) -> None:
        screen = self.screen
        for stage in STAGES:
            screen.set_class(view.stage == stage, f"-{stage}")
        clock_box = self.query_one("#clock-box")
        for state in CLOCK_STATES:
            clock_box.set_class(view.clock_state == state, f"-{state}")
        self._set("#part-label", view.part_label)
        show_text(
            self.query_one("#network", Static),
            view.network if view.stage == "running" else view.meeting_title,
        )
        show_text(self.query_one("#wall-clock", Static), view.wall_clock)
        self._set("#title", view.title)
        self._set("#phase", view.phase)
        self._set("#problem", view.problem or "")
        self._set("#prompts", "\n".join(view.prompts))
        self._set("#listening", view.listening)
        self._set("#turn", _turn_text(view))
        clock = self.query_one(BlockClock)
        if view.stage == "running":
            clock.face = view.clock
            show_text(self.query_one("#clock-label", Static), view.clock_label)
            self._set("#clock-status", view.clock_status)
        elif view.stage in ("waiting", "blank"):
            clock.face = view.wall_clock
            show_text(self.query_one("#clock-label", Static), _("Klokken er"))
            self._set("#clock-status", "")
        self.query_one("#clock-box").display = view.stage != "finished"
        board = self.query_one(Board)
        board.show(view, self.size)
        if board.display and (view.problem, view.prompts) != (
            (before.problem, before.prompts) if before else None
        ):
            board.call_after_refresh(board.count_hidden)  # the space above it changed


def _turn_text(view: RoomView) -> Text | str:
    if view.now_speaking:
        text = Text.assemble(f"{view.speaker_label}: ", (view.now_speaking, "bold reverse"))
        following = view.next_speaking or _("ingen – siste tur")
        text.append(
            _("    Neste: {following}    ({turn})").format(following=following, turn=view.turn_text)
        )
        return text
    return view.turn_text
