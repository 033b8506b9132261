"""What the facilitator's run screen shows at one moment, computed in plain Python.

`run_view(snapshot)` is a `RunView`: every text and state of the run screen — headings,
the prompts, the banner, the round and day lines, the big clock, whether this is a moment
for writing things down — so the screen only puts them in place. The projector's
`RoomView` (`startpakke.projector.room`) uses the same pieces for what both show
(`prompts`, `listening_text`, the clock faces), so the room and the facilitator cannot
disagree, and both are unit-tested without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from startpakke.agenda.model import PhaseKind
from startpakke.engine import Snapshot
from startpakke.i18n import _
from startpakke.view.format import (
    behind_text,
    clock_face,
    clock_time,
    elapsed_text,
    minutes_text,
    phase_kind_label,
    timer_state,
    timer_status,
)

BannerKind = Literal["", "reminder", "listening", "finished"]

FLASH_SECONDS = 2.0
"""How long the big clock flashes once its timer has run out."""


@dataclass(frozen=True)
class ClockView:
    """The big clock: the innermost running timer and the part's own time."""

    label: str
    """«Tur · 4 min», or «Møtet er ferdig»."""
    face: str
    """«03:42», «+01:05»; empty when no countdown is shown (after the meeting)."""
    state: str
    """ok, low, overtime or paused: a CSS class; `status` says the same in words."""
    status: str
    """«PAUSE», «OVERTID +01:05», «LITE TID IGJEN», «Brukt 2 t 58 min» or empty."""
    part_line: str
    """«Delen: 12:00 igjen av 25 min»."""
    flash: bool = False
    """The timer ran out less than `FLASH_SECONDS` ago (and runs): the clock flashes.
    Read from the clock, not from a screen timer, so it ends on time however the screen
    is drawn, and a resumed meeting long in overtime does not flash."""


@dataclass(frozen=True)
class RunView:
    """Everything the run screen shows at one moment."""

    title: str
    """«Steg 3 av 7: Min bruksanvisning i samarbeid»."""
    purpose: str
    phase: str
    """«Fase 2 av 3: Gruppen sammen (runde)»; no counter when the part has one phase."""
    prompts: tuple[str, ...]
    banner: str
    """A line that must not be missed (the end, the listening phase, a reminder)."""
    banner_kind: BannerKind
    round: str
    """«Nå: Anne · Neste: Bjørn · tur 1 av 3»; empty outside rounds."""
    day: str
    wall_clock: str
    clock: ClockView
    paused: bool
    finished: bool
    capturing: bool
    """A phase for writing things down: `c` is the key that matters most now."""
    in_round: bool
    """Someone has the floor: the turn keys (`t`, `a`) apply."""
    has_next_phase: bool
    """`f` goes to another phase of this part (after the last one it is the next part)."""
    key: tuple[object, ...]
    """Changes whenever the part, phase, turn or step changes (not on every tick)."""


# -- pieces the projector shares ------------------------------------------------------------


def prompts(snap: Snapshot) -> tuple[str, ...]:
    """The questions on screen: the step's, then the phase's (or else the part's)."""
    shown = list(snap.phase.prompts) or list(snap.part.prompts)
    if snap.step is not None:
        shown = list(snap.step.prompts) + shown
    return tuple(shown)


def listening_text(name: str) -> str:
    """The focus person's listening phase, in kollegaveiledning."""
    return _(
        "{name} LYTTER – har snudd seg bort, noterer og kommenterer ikke. Kollegaene drøfter."
    ).format(name=name)


def phase_counter(snap: Snapshot) -> str:
    """«Fase 2 av 3», or nothing when the part has only one phase."""
    if snap.phase_count <= 1:
        return ""
    return _("Fase {number} av {count}").format(number=snap.phase_index + 1, count=snap.phase_count)


def next_step_hint(snap: Snapshot) -> str:
    """What moves the meeting on from here, true to where it is."""
    if snap.finished:
        return ""
    if snap.phase_index + 1 < snap.phase_count:
        return _("trykk f for neste fase")
    if snap.part_index + 1 < snap.part_count:
        return _("trykk n for neste del")
    return _("trykk n for å avslutte møtet")


# -- the run screen ---------------------------------------------------------------------------


def run_view(snap: Snapshot) -> RunView:
    banner, banner_kind = _banner(snap)
    return RunView(
        title=part_title(snap) + (_(" – møtet er ferdig") if snap.finished else ""),
        purpose=snap.part.purpose,
        phase=_phase_heading(snap),
        prompts=prompts(snap),
        banner=banner,
        banner_kind=banner_kind,
        round=_round_line(snap),
        day=_day_line(snap),
        wall_clock=clock_time(snap.now),
        clock=clock_view(snap),
        paused=snap.paused,
        finished=snap.finished,
        capturing=snap.phase.kind is PhaseKind.capture or bool(snap.phase.captures),
        in_round=snap.round is not None and snap.round.current is not None and not snap.finished,
        has_next_phase=not snap.finished and snap.phase_index + 1 < snap.phase_count,
        key=(*snap.timer_key, snap.finished, snap.started),
    )


def clock_view(snap: Snapshot) -> ClockView:
    if snap.finished:
        # The time the meeting took, as a length of time: «02:58» would read as a clock.
        return ClockView(
            label=_("Møtet er ferdig"),
            face="",
            state="ok",
            status=_("Brukt {time}").format(time=elapsed_text(snap.used_seconds)),
            part_line=_("e: lag dokumentene"),
        )
    main, part = snap.main, snap.part_timer
    left = _("over tiden") if part.overtime else _("igjen")
    return ClockView(
        label=clock_label(snap),
        face=clock_face(main.remaining),
        state=timer_state(main, snap.paused),
        status=timer_status(main, snap.paused),
        flash=not snap.paused and -FLASH_SECONDS < main.remaining < 0,
        part_line=_("Delen: {face} {left}").format(face=clock_face(part.remaining), left=left)
        + ("" if snap.until_at else _(" av {time}").format(time=minutes_text(part.budget))),
    )


def part_title(snap: Snapshot) -> str:
    """«Steg 3 av 7: Min bruksanvisning»; a break titled «Pause» is named once."""
    if snap.part.title == snap.part_label:
        return snap.part_label
    return f"{snap.part_label}: {snap.part.title}"


def clock_label(snap: Snapshot) -> str:
    """Above the big clock: «Tur · 4 min», or for a part that ends at a clock time the
    time the room is back («Pause – tilbake kl. 11:15»)."""
    if snap.until_at is not None:
        if snap.part.is_break:
            return _("Pause – tilbake kl. {time}").format(time=clock_time(snap.until_at))
        return _("{title} – slutter kl. {time}").format(
            title=snap.part.title, time=clock_time(snap.until_at)
        )
    return f"{snap.main.label} · {minutes_text(snap.main.budget)}"


def _phase_heading(snap: Snapshot) -> str:
    # A break written without phases is one «plenum» phase; «Pause (plenum)» says nothing.
    plain_break = snap.part.is_break and not snap.part.phases
    kind = "" if plain_break else phase_kind_label(snap.phase.kind)
    counter = phase_counter(snap)
    text = f"{counter}: {snap.phase.title}" if counter else snap.phase.title
    return text + (f" ({kind})" if kind else "")


def _banner(snap: Snapshot) -> tuple[str, BannerKind]:
    if snap.finished:
        return (
            _(
                "Møtet er ferdig. Trykk e for å lage nettverkskontrakten, referatet, "
                "møtedatoene eller kjøreplanen; p går tilbake til siste del."
            ),
            "finished",
        )
    if snap.round is not None and snap.round.focus_listening and snap.round.current:
        return (f"👂 {listening_text(snap.round.current.name)}", "listening")
    reminder = (snap.step.reminder if snap.step else None) or snap.phase.reminder
    if reminder:
        return (f"⚠ {reminder}", "reminder")
    return ("", "")


def _day_line(snap: Snapshot) -> str:
    """The day at a glance: progress, the projected end and ahead/behind plan."""
    if not snap.started:
        return _("Planlagt slutt {end}").format(end=clock_time(snap.day_end))
    if snap.finished:
        return _("Møtet er ferdig")
    percent = round(snap.progress * 100)
    return _(
        "Dagen {percent} %  ·  slutt ca. {end} ({behind})  ·  plan med pause {day_end}"
    ).format(
        percent=percent,
        end=clock_time(snap.projected_end),
        behind=behind_text(snap.behind_seconds),
        day_end=clock_time(snap.day_end),
    )


def _round_line(snap: Snapshot) -> str:
    """«Nå: Anne · Neste: Bjørn · tur 1 av 3 · Borte: Cecilie»."""
    view = snap.round
    if view is None:
        return ""
    if view.done:
        hint = next_step_hint(snap)
        text = _("Runden er ferdig") + (f" – {hint}" if hint else "")
    else:
        current = view.current.name if view.current else "–"
        following = view.next.name if view.next else _("ingen (siste tur)")
        text = _("Nå: {current}  ·  Neste: {following}  ·  tur {turn} av {turns}").format(
            current=current, following=following, turn=view.turn_number, turns=view.turns_total
        )
    if view.absent:
        text += _("  ·  Borte: {names}").format(names=", ".join(p.name for p in view.absent))
    if view.fit is not None and view.fit.shortened:
        text += _("  ·  turene kortet til {time}").format(time=minutes_text(view.fit.seconds))
    return text
