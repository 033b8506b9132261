"""Every key of the run screen, declared once, with what it is for.

The key bar (footer), the help screen and the command palette are all built from
`RUN_KEYS`, so a key and its description can never disagree between them. Each binding
has an `id` so a user can rebind it through Textual's keymap. Each key also says which
*need* it serves (moving on, the turn, time, writing down, documents, looking up); the
state decides which needs come first (`footer_order`), so a capture phase shows `c` first
and a finished meeting shows `e`. Adding a key is one line in `RUN_KEYS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding

from startpakke.i18n import _
from startpakke.view.run import RunView


class Need(StrEnum):
    """What a key is for; the footer orders keys by the needs of the moment."""

    move = "move"
    """On to the next part or phase."""
    turn = "turn"
    """The round: the next speaker, someone away."""
    time = "time"
    """Pause, a minute more or less."""
    capture = "capture"
    """Writing down what this part collects (`c`)."""
    aside = "aside"
    """A note, an action item, the participants: wanted at any moment, rarely urgent."""
    documents = "documents"
    look = "look"
    """Going back, the schedule, notes, theme, sound: there when asked for, first to go."""


@dataclass(frozen=True)
class RunKey:
    """One run-screen key: the Textual binding, the need it serves, how the footer shows it."""

    binding: Binding
    need: Need
    short: str = ""
    """The footer's key and word when it differs («+/- ±1 min» for both minute keys)."""
    in_footer: bool = True
    """False for a key the footer shows together with another (`-` with `+`)."""

    @property
    def footer_text(self) -> str:
        return (
            self.short
            or f"{self.binding.key_display or self.binding.key} {self.binding.description}"
        )


def key(
    keys: str,
    action: str,
    description: str,
    need: Need,
    *,
    id: str,
    display: str | None = None,
    tooltip: str = "",
    priority: bool = False,
    short: str = "",
    in_footer: bool = True,
) -> RunKey:
    """A key: `description` is the footer's short word, `tooltip` the help screen's line."""
    return RunKey(
        Binding(
            keys,
            action,
            description,
            key_display=display,
            tooltip=tooltip or description,
            priority=priority,
            id=id,
        ),
        need,
        short,
        in_footer,
    )


M, T, TI, C, A = Need.move, Need.turn, Need.time, Need.capture, Need.aside
D, L = Need.documents, Need.look

RUN_KEYS: tuple[RunKey, ...] = (
    key("n,right", "next_part", _("Neste del"), M, id="next_part", display="n/→"),
    key("p,left", "previous_part", _("Forrige del"), L, id="previous_part", display="p/←",
        tooltip=_("Forrige del (ingenting som er skrevet ned, går tapt); innen et minutt "
                  "etter n: tilbake der dere slapp")),
    key("f", "next_phase", _("Neste fase"), M, id="next_phase",
        tooltip=_("Neste fase i delen (etter siste fase: neste del)")),
    key("t", "next_turn", _("Neste tur"), T, id="next_turn",
        tooltip=_("Neste tur: neste ledd i turen, så neste person")),
    key("a", "toggle_absent", _("Borte"), T, id="toggle_absent",
        tooltip=_("Marker den som har ordet som borte / til stede (runden hopper over)")),
    key("space", "toggle_pause", _("Pause"), TI, id="toggle_pause", display=_("mellomrom"),
        tooltip=_("Pause / fortsett (skjermen sier PAUSE)")),
    key("plus,+", "extend(1)", _("+1 min"), TI, id="extend", display="+", short="+/- 1 min",
        tooltip=_("+1 min på klokken som går nå")),
    key("minus,-", "extend(-1)", _("-1 min"), TI, id="shorten", display="-", in_footer=False,
        tooltip=_("-1 min på klokken som går nå (delen blir også kortere)")),
    key("g", "take_break", _("Ta pausen nå"), L, id="take_break",
        tooltip=_("Ta pausen nå: pausen kommer nå i stedet for der agendaen har den; "
                  "etter pausen går n videre til delen etter denne")),
    key("c", "capture", _("Skriv ned"), C, id="capture", priority=True,
        tooltip=_("Skriv ned det delen samler inn (regler, kompetanse, plan …)")),
    key("m", "note", _("Notat"), A, id="note", priority=True,
        tooltip=_("Et notat til denne delen")),
    key("h", "action_item", _("Oppfølging"), A, id="action_item", priority=True,
        tooltip=_("Et oppfølgingspunkt med ansvarlig og frist")),
    key("d", "participants", _("Deltakere"), A, id="participants", priority=True,
        tooltip=_("Deltakere: legg til, endre, til stede / borte")),
    key("e", "export", _("Dokumenter"), D, id="export",
        tooltip=_("Lag dokumenter: kontrakt, referat, møtedatoer, kjøreplan")),
    key("o", "schedule", _("Tidsplan"), L, id="schedule",
        tooltip=_("Tidsplanen: planlagt og faktisk, beregnet slutt")),
    key("i", "info", _("Info"), L, id="info",
        tooltip=_("Info: notater for fasilitatoren og tekster til delen")),
    key("k", "toggle_keep_turns", _("Hold/kort turer"), L, id="keep_turns",
        tooltip=_("Hold/kort turer: hold den skrevne lengden, eller kort ned for å rekke tiden")),
    key("l", "toggle_theme", _("Lyst/mørkt"), L, id="toggle_theme",
        tooltip=_("Lyst/mørkt: lyst projektortema eller mørkt tema")),
    key("s", "park", _("Parker"), A, id="park", priority=True,
        tooltip=_("Parker et tema: sett det til side til steg 7 og neste møte")),
    key("b", "toggle_blank", _("Blank"), L, id="toggle_blank",
        tooltip=_("Blank skjerm for rommet (som i PowerPoint); b igjen viser den")),
    key("R", "toggle_room_view", _("Romvisning"), L, id="room_view",
        tooltip=_("Romvisning: rommet ser skjermen (speilet til projektoren), så notater, "
                  "kontaktopplysninger, saker og veiledningen skjules; R igjen viser dem")),
    key("v", "toggle_bell", _("Lyd"), L, id="toggle_bell",
        tooltip=_("Varsellyd når tiden er ute: av / på")),
)  # fmt: skip
"""The run screen's keys, in the order the help screen lists them."""

HELP = key("question_mark", "help", _("Alle taster"), L, id="help", display="?",
           tooltip=_("Hjelp: alle taster"))  # fmt: skip
"""Always the last key in the footer: what does not fit is one `?` away."""

RUN_BINDINGS: list[Binding] = [k.binding for k in (*RUN_KEYS, HELP)]

OPENS_A_FIELD = frozenset(k.binding.action for k in RUN_KEYS if k.binding.priority)
"""The keys that open something to type into (`c`, a note, …): priority keys, taken before
the next key is delivered, so what is typed right after one of them goes to its field or
dialog (`tui/screens/dialog.Dialog` keeps it while the dialog opens), not to the meeting."""

APP_BINDINGS: list[Binding] = [
    Binding("ctrl+q", "quit", _("Avslutt"), key_display="ctrl+q", priority=True, id="quit",
            tooltip=_("Avslutt (alt er lagret)")),
]  # fmt: skip


def footer_order(view: RunView | None) -> list[Need]:
    """The needs of the moment, most pressing first."""
    if view is None or view.finished:
        return [Need.documents, Need.aside, Need.look, Need.move]
    if view.capturing:
        return [
            Need.capture,
            Need.move,
            Need.time,
            Need.aside,
            Need.turn,
            Need.documents,
            Need.look,
        ]
    if view.in_round:
        return [
            Need.turn,
            Need.time,
            Need.move,
            Need.capture,
            Need.aside,
            Need.documents,
            Need.look,
        ]
    return [Need.move, Need.time, Need.capture, Need.aside, Need.turn, Need.documents, Need.look]


GAP = 2
"""Spaces between two keys in the footer."""


def footer_lines(
    view: RunView | None,
    width: int,
    available: Callable[[str], bool],
    lines: int = 1,
    keys: Iterable[RunKey] = RUN_KEYS,
    *,
    help_key: bool = True,
    needs: list[Need] | None = None,
) -> list[list[RunKey]]:
    """The keys that fit in `lines` rows of `width` columns, by the needs of the moment,
    with `?` at the end of the last row.

    A key whose action cannot be done now (`available` is False) is left out. Keys go in
    order of need; one that does not fit starts the next row, and on the last row it ends
    the footer: what is shown is always the most pressing, and never cut. `?` is always
    there, so every other key is one press away (unless `help_key` is False: in a text
    field `?` is a letter).
    """
    ranked = {need: rank for rank, need in enumerate(needs or footer_order(view))}
    extra = len(HELP.footer_text) + GAP if help_key else 0
    candidates = [
        k for k in keys if k.in_footer and k.need in ranked and available(k.binding.action)
    ]
    candidates.sort(key=lambda k: ranked[k.need])  # stable: the declared order within a need
    rows: list[list[RunKey]] = [[]]
    used = 0
    for candidate in candidates:
        last = len(rows) == lines
        room = width - (extra if last else 0)
        needed = len(candidate.footer_text) + (GAP if rows[-1] else 0)
        if used + needed > room:
            if last:
                break
            rows.append([])
            used = 0
            last = len(rows) == lines
            room = width - (extra if last else 0)
            needed = len(candidate.footer_text)
            if needed > room:
                break
        rows[-1].append(candidate)
        used += needed
    if help_key:
        rows[-1].append(HELP)
    return rows


def capture_keys(bindings: Iterable[Binding], enter: str | None) -> list[RunKey]:
    """The footer while the capture area has the focus: its own keys, not the meeting's.

    The meeting's letters are text in a field (and `n`, `f`, `?` … would be typed, not
    pressed), so showing them there would tell the facilitator something untrue. Each
    action once (`x,delete` is one key); in a field, first what Enter does there (`enter`).
    """
    found: list[RunKey] = []
    if enter is not None:
        found.append(RunKey(Binding("enter", "submit", enter, key_display="Enter"), Need.capture))
    seen: set[str] = set()
    for binding in bindings:
        if binding.action in seen or not binding.show:
            continue
        seen.add(binding.action)
        found.append(RunKey(binding, Need.capture))
    return found
