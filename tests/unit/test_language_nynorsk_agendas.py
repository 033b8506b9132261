"""The nynorsk agendas and handouts (`agenda/nn/`) are the bokmål ones in nynorsk: the same
parts, minutes, phases, captures and sheets, and no bokmål outside the quotations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from startpakke.agenda.loader import load_model
from startpakke.agenda.model import Agenda
from startpakke.documents.handouts_model import Handouts
from tests.documents_session import load_agenda_file

ROOT = Path(__file__).resolve().parents[2]
AGENDAS = ("startpakke", "kollegaveiledning", "revisjon")

# Quotations that stay in the language they were written in (issue 17.3): Bufdir 2024 and
# 2017 and Arild Nyquist's poem «Begynnelsen» (its title too).
QUOTED_CONTEXTS = {"bufdir-2024", "bufdir-2017", "begynnelsen"}
QUOTED_TITLES = {"Begynnelsen"}


def _words(text: str) -> list[str]:
    return text.split()


BOKMAL_MARKERS = _words(
    "ikke hva hvem hvordan hvilke hvilken hvor jeg hverandre gruppen noen også fra være bare "
    "deltaker deltakere spilleregler spillereglene veiledning kollegaveiledningen leder ledere "
    "tiden deres dere"
)
NYNORSK_MARKERS = _words(
    "ikkje kva kven korleis kvar eg kvarandre frå vere berre deltakar deltakarar spelereglar "
    "spelereglane rettleiing leiar leiarar tida dykkar dei"
)


def structure(agenda: Agenda) -> dict[str, Any]:
    def phase(p: Any) -> tuple[Any, ...]:
        steps = tuple(
            (s.minutes, s.min_minutes, s.focus_listening) for s in (p.turn.steps if p.turn else [])
        )
        turn = (p.turn.minutes, p.turn.min_minutes) if p.turn else None
        return (p.id, p.kind, p.minutes, p.minutes_per, p.speakers, tuple(p.captures), turn, steps)

    return {
        "head": (agenda.id, agenda.kind, agenda.total_minutes, agenda.max_participants),
        "context": [c.id for c in agenda.context],
        "parts": [
            (
                p.id,
                p.kind,
                p.minutes,
                tuple(p.captures),
                tuple(p.handouts),
                tuple(p.context),
                tuple(phase(ph) for ph in p.phases),
                len(p.prompts),
                len(p.materials),
                # The facilitator's guide (greeting, `i`): nynorsk had one of ten.
                (len(p.guide.how), len(p.guide.pitfalls)) if p.guide else None,
            )
            for p in agenda.parts
        ],
    }


def visible_text(agenda: Agenda) -> str:
    """What a person reads, without the quotations."""
    pieces = [agenda.title, agenda.subtitle, *agenda.materials, *agenda.notes]
    for context in agenda.context:
        if context.id not in QUOTED_CONTEXTS:
            pieces += [context.title, context.text]
    for p in agenda.parts:
        pieces += [p.title, p.purpose, *p.prompts, *p.notes, *p.materials]
        if p.guide is not None:
            pieces += [p.guide.why, *p.guide.how]
            pieces += [line for pit in p.guide.pitfalls for line in (pit.what, pit.say)]
        for ph in p.phases:
            pieces += [ph.title, *ph.prompts, *ph.notes, ph.reminder or ""]
            for step in ph.turn.steps if ph.turn else []:
                pieces += [step.title, *step.prompts, step.reminder or ""]
    return "\n".join(piece for piece in pieces if piece not in QUOTED_TITLES)


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-zæøåòéèô]+", text.casefold()))


@pytest.mark.parametrize("name", AGENDAS)
def test_the_nynorsk_agenda_has_the_bokmal_structure(name: str) -> None:
    bokmal = load_agenda_file(ROOT / "agenda" / f"{name}.yaml")
    nynorsk = load_agenda_file(ROOT / "agenda" / "nn" / f"{name}.yaml")
    assert structure(nynorsk) == structure(bokmal)


@pytest.mark.parametrize("name", AGENDAS)
def test_no_bokmal_in_the_nynorsk_agenda_and_no_nynorsk_in_the_bokmal_one(name: str) -> None:
    nynorsk = words(visible_text(load_agenda_file(ROOT / "agenda" / "nn" / f"{name}.yaml")))
    bokmal = words(visible_text(load_agenda_file(ROOT / "agenda" / f"{name}.yaml")))
    assert sorted(nynorsk & set(BOKMAL_MARKERS)) == []
    assert sorted(bokmal & set(NYNORSK_MARKERS)) == []


@pytest.mark.parametrize("name", AGENDAS)
def test_the_quotations_stay_as_written(name: str) -> None:
    bokmal = load_agenda_file(ROOT / "agenda" / f"{name}.yaml")
    nynorsk = load_agenda_file(ROOT / "agenda" / "nn" / f"{name}.yaml")
    for context in bokmal.context:
        if context.id in QUOTED_CONTEXTS:
            twin = nynorsk.context_text(context.id)
            assert twin is not None
            assert (twin.text, twin.source) == (context.text, context.source)


def test_the_nynorsk_handouts_have_the_bokmal_sheets() -> None:
    def shape(path: Path) -> list[tuple[Any, ...]]:
        sheets = load_model(path, Handouts).sheets
        return [
            (s.id, s.layout, tuple((i.kind, i.lines, i.colour, i.minutes) for i in s.items))
            for s in sheets
        ]

    assert shape(ROOT / "agenda" / "nn" / "handouts.yaml") == shape(
        ROOT / "agenda" / "handouts.yaml"
    )


def test_the_nynorsk_handouts_are_in_nynorsk() -> None:
    sheets = load_model(ROOT / "agenda" / "nn" / "handouts.yaml", Handouts).sheets
    text = " ".join(
        " ".join([s.title, s.subtitle or "", s.intro or "", s.footer or ""])
        + " ".join(f"{i.label} {i.hint or ''}" for i in s.items)
        for s in sheets
    )
    assert sorted(words(text) & set(BOKMAL_MARKERS)) == []


@pytest.mark.parametrize("folder", ["", "nn"])
@pytest.mark.parametrize("name", AGENDAS)
def test_a_guide_that_parks_a_topic_names_the_park_key(folder: str, name: str) -> None:
    """The guides said «(v parkerer)»: `v` turns the sound on and off; `s` parks."""
    from startpakke.tui.bindings import RUN_BINDINGS

    park = next(b.key for b in RUN_BINDINGS if b.action == "park")
    agenda = load_agenda_file(ROOT / "agenda" / folder / f"{name}.yaml")
    for part in agenda.parts:
        if part.guide is None:
            continue
        lines = [*part.guide.how, *(p.say for p in part.guide.pitfalls)]
        for line in lines:
            if "parkerer" in line.casefold():  # the act; «parkert sist (i)» names `i`
                assert f"({park}" in line, line
