"""The nynorsk catalogue speaks nynorsk and the bokmål message ids speak bokmål (issue 17:
«no bokmål word in nynorsk program text and no nynorsk word in bokmål program text»), and
every translation keeps its message's fields, so `.format()` never fails in one language.

The marker words are common words whose form differs between the two (whole words,
any case); a word that both write the same («enn», «skrive», «mellom», «også») is no marker.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "startpakke" / "locale" / "nn" / "LC_MESSAGES" / "startpakke.po"

_BOKMAL = """
    ikke hva hvordan hvorfor hvem hvilken hvilket jeg noen noe bare uten flere hver hvert
    fra deltaker deltakere deltakeren deltakerne lagret lagres velg mye mer ennå være
    ble fikk fant gjør tidligere forrige følge hele økten øktfilen filen mappen listen
    slettet endret mangler finnes
"""
BOKMAL_MARKERS = frozenset(_BOKMAL.split())
_NYNORSK = """
    ikkje kva korleis kvifor kven eg frå berre utan fleire deltakar deltakarar lagra vere
    nokon noko enno òg heile vart fekk fann gjer tidlegare førre følgje økta fila mappa
    manglar finst
"""
NYNORSK_MARKERS = frozenset(_NYNORSK.split())
WORD = re.compile(r"[\wæøåÆØÅ]+")


def _messages() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    with PO.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found.append((tuple(ids), tuple(strings)))
    return found


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_scan_sees_a_marker_as_a_whole_word_only() -> None:
    assert _words("Fann ikkje fila.") & BOKMAL_MARKERS == set()
    assert _words("Fant ikke filen.") & BOKMAL_MARKERS == {"fant", "ikke", "filen"}
    assert _words("frami og ikkjeno") & NYNORSK_MARKERS == set()


def test_no_bokmal_word_in_the_nynorsk_catalogue() -> None:
    found = [
        (sorted(_words(text) & BOKMAL_MARKERS), text)
        for _ids, strings in _messages()
        for text in strings
        if _words(text) & BOKMAL_MARKERS
    ]
    assert found == [], "bokmål i nn/LC_MESSAGES/startpakke.po: " + repr(found[:10])


def test_no_nynorsk_word_in_the_bokmal_messages() -> None:
    found = [
        (sorted(_words(text) & NYNORSK_MARKERS), text)
        for ids, _strings in _messages()
        for text in ids
        if _words(text) & NYNORSK_MARKERS
    ]
    assert found == [], "nynorsk i en bokmålsmelding: " + repr(found[:10])


LEAVES_OUT = {
    # Bokmål says «i Annes egen runde» (a genitive made in code); nynorsk «i runden til
    # Anne», with the name it already has.
    "{name} er tidtaker – {keeper} tar tiden i {owner} egen runde": {"owner"},
}
"""Messages whose translation leaves a field out on purpose, and which."""


@pytest.mark.parametrize("language", ["nn"])
def test_every_translation_keeps_the_fields_of_its_message(language: str) -> None:
    wrong = []
    for ids, strings in _messages():
        try:
            wanted = [_fields(text) - LEAVES_OUT.get(ids[0], set()) for text in ids]
            for text in strings:
                if _fields(text) not in wanted:
                    wrong.append((ids[0], text))
        except ValueError:  # a message with a literal «{» that is no field (a YAML hint)
            continue
    assert wrong == [], f"felt som ikke stemmer ({language}): {wrong[:5]}"


NYNORSK_CHOICES = {
    "samd": {"einig", "einige"},  # the agendas' style note: «gruppa blir samd»
    "innvending": {"motsegn", "motsegna"},  # the agreement level, as the screens name it
}
"""Nynorsk allows either word of each pair; one word per thing (the klarspråk table) means
the one chosen, in the program's text and in the nynorsk agendas alike."""


def test_nynorsk_uses_the_one_word_chosen_for_each_thing() -> None:
    agendas = "\n".join(path.read_text() for path in (ROOT / "agenda" / "nn").glob("*.yaml"))
    texts = [text for _ids, strings in _messages() for text in strings] + [agendas]
    words = {word for text in texts for word in _words(text)}
    avoided = {chosen: sorted(words & others) for chosen, others in NYNORSK_CHOICES.items()}
    assert avoided == {chosen: [] for chosen in NYNORSK_CHOICES}
