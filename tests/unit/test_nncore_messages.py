"""Error messages and command output are made in the language chosen when they are shown,
not when their module was imported (issue 17): the loader's YAML table, pydantic's wording,
the session store, the document names, the network's pseudonyms."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from startpakke import i18n
from startpakke.agenda.loader import AgendaError, load_agenda_text
from startpakke.documents.registry import document
from startpakke.network.lifecycle import pseudonym
from startpakke.session.store import SessionError, load_session


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    before = i18n.current_language()
    yield
    i18n.set_language(before)


def agenda_problem(text: str, language: str) -> str:
    with i18n.using(language), pytest.raises(AgendaError) as caught:
        load_agenda_text(text, "a.yaml")
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "nb", "nn"),
    [
        ("", "filen er tom", "fila er tom"),
        ("id: a\n\ttitle: x\n", "tabulator er ikke lov", "tabulator er ikkje lov"),
        ("- a\n- b\n", "ikke en liste", "ikkje ei liste"),
        ("id: a\ntitle: x\nparts: []\nid: b\n", "står to ganger", "står to gonger"),
        ("id: a\ntitle: x\nparts: 3\n", "må være en liste", "må vere ei liste"),
        ("id: a\nparts: []\n", "mangler påkrevd felt «title»", "manglar påkravd felt «title»"),
        ("id: @a\n", "tegnet kan ikke starte en verdi", "teiknet kan ikkje starte ein verdi"),
        ("id: !x!y a\n", "ukjent tagg", "ukjend tagg"),
        ("id: |x\n  a\n", "samme linje", "same linje"),
    ],
)
def test_an_agenda_problem_is_worded_in_the_language_of_the_moment(
    text: str, nb: str, nn: str
) -> None:
    bokmal, nynorsk = agenda_problem(text, "nb"), agenda_problem(text, "nn")
    assert nb in bokmal and nn not in bokmal
    assert nn in nynorsk and nb not in nynorsk
    assert nynorsk.startswith("a.yaml:")
    assert "found" not in bokmal + nynorsk  # PyYAML's English stays out


def test_a_broken_session_file_is_worded_in_nynorsk(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    path.write_text('{"schema_version": 3, "participants": [{"name": 42}]', encoding="utf-8")
    with i18n.using("nn"), pytest.raises(SessionError) as caught:
        load_session(path)
    assert "øktfila er ikkje gyldig JSON" in str(caught.value)
    path.write_text(json.dumps({"schema_version": 99, "participants": []}), encoding="utf-8")
    with i18n.using("nn"), pytest.raises(SessionError) as caught:
        load_session(path)
    assert "Øktfila er laga av ein nyare versjon" in str(caught.value)
    with i18n.using("nn"), pytest.raises(SessionError) as caught:
        load_session(tmp_path / "borte.json")
    assert str(caught.value) == f"Fann ikkje øktfila {tmp_path / 'borte.json'}."


def test_document_names_follow_the_language_they_are_read_in() -> None:
    runsheet = document("runsheet")
    with i18n.using("nb"):
        assert (runsheet.name, runsheet.description) == (
            "Kjøreplan",
            "Kjøreplan med faktiske tider (Word)",
        )
    with i18n.using("nn"):
        assert (runsheet.name, runsheet.description) == (
            "Køyreplan",
            "Køyreplan med faktiske tider (Word)",
        )


def test_the_pseudonym_is_in_the_networks_malform_whatever_the_program_speaks() -> None:
    with i18n.using("nb"):
        assert pseudonym(3, "nn") == "Deltakar 3"
    with i18n.using("nn"):
        assert pseudonym(3, "nb") == "Deltaker 3"
    assert i18n.current_language() == "nb"


@pytest.mark.parametrize(
    ("error", "nb", "nn"),
    [
        (
            {"type": "url_type", "loc": ("x",), "input": 3, "msg": "URL input should be a string"},
            "ugyldig verdi 3",
            "ugyldig verdi 3",
        ),
        (
            {"type": "too_long", "loc": ("x",), "input": [1, 2], "ctx": {"max_length": 1}},
            "kan ha høyst 1 element",
            "kan ha høgst 1 element",
        ),
        (
            {"type": "time_parsing", "loc": ("x",), "input": "ni", "msg": "Input should be"},
            "må være et klokkeslett, f.eks. 09:00, fikk «ni»",
            "må vere eit klokkeslett, t.d. 09:00, fekk «ni»",
        ),
    ],
)
def test_no_english_from_pydantic_in_either_language(
    error: dict[str, object], nb: str, nn: str
) -> None:
    from startpakke.session.model import Session
    from startpakke.wording import word

    with i18n.using("nb"):
        assert word(error, Session).text == nb
    with i18n.using("nn"):
        assert word(error, Session).text == nn


@pytest.mark.parametrize(
    ("code", "nb", "nn"),
    [
        ("ENOSPC", "disken er full", "disken er full"),
        ("EACCES", "mangler tilgang", "manglar tilgang"),
        ("EXDEV", "systemfeil EXDEV", "systemfeil EXDEV"),
    ],
)
def test_an_os_error_is_worded_without_the_systems_english(code: str, nb: str, nn: str) -> None:
    import errno

    from startpakke.errors import os_reason

    err = OSError(getattr(errno, code), "Some English text from the system")
    with i18n.using("nb"):
        assert os_reason(err) == nb
    with i18n.using("nn"):
        assert os_reason(err) == nn
