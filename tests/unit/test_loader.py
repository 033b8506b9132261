"""The agenda loader: YAML 1.2 scalars, positions and Norwegian messages for every mistake."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent
from typing import Annotated

import pytest

from startpakke.agenda.loader import (
    AgendaError,
    Problem,
    format_path,
    load_agenda,
    load_agenda_text,
)
from startpakke.agenda.model import Agenda
from startpakke.errors import UserError
from startpakke.modeling import CONFIG, Limits, Strict

ROOT = Path(__file__).resolve().parents[2]

HEAD = """\
id: test
title: Test
parts:
"""


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(AgendaError) as info:
        load_agenda_text(text, "a.yaml")
    return info.value.problems


def agenda(text: str) -> Agenda:
    return load_agenda_text(dedent(text), "a.yaml")


# (case id, YAML text, line, col, words the message must contain)
BROKEN = [
    (
        "yaml-syntax",
        "id: test\ntitle: Et: kolon\nparts: []\n",
        2,
        10,
        ["YAML-feil", "kolon"],
    ),
    (
        "unclosed-quote",
        'id: test\ntitle: "Uten slutt\nparts: []\n',
        4,
        1,
        ["YAML-feil", "anførselstegn"],
    ),
    (
        "tab-indent",
        "id: test\ntitle: T\nparts:\n\t- id: a\n",
        4,
        1,
        ["YAML-feil", "tabulator"],
    ),
    (
        "minutes-as-word",
        HEAD + "  - id: a\n    title: A\n    minutes: ti\n",
        6,
        14,
        ["parts[0].minutes", "heltall større enn 0", "«ti»"],
    ),
    (
        "minutes-quoted-number",
        HEAD + '  - id: a\n    title: A\n    minutes: "10"\n',
        6,
        14,
        ["parts[0].minutes", "heltall", "«10»", "uten anførselstegn"],
    ),
    (
        "minutes-yes",
        HEAD + "  - id: a\n    title: A\n    minutes: yes\n",
        6,
        14,
        ["parts[0].minutes", "heltall", "«yes»"],
    ),
    (
        "minutes-true",
        HEAD + "  - id: a\n    title: A\n    minutes: true\n",
        6,
        14,
        ["parts[0].minutes", "heltall", "fikk true"],
    ),
    (
        "minutes-inf",
        HEAD + "  - id: a\n    title: A\n    minutes: .inf\n",
        6,
        14,
        ["parts[0].minutes", "heltall", ".inf"],
    ),
    (
        "minutes-float",
        HEAD + "  - id: a\n    title: A\n    minutes: 2.5\n",
        6,
        14,
        ["parts[0].minutes", "heltall", "2.5"],
    ),
    (
        "minutes-zero",
        HEAD + "  - id: a\n    title: A\n    minutes: 0\n",
        6,
        14,
        ["parts[0].minutes", "større enn 0", "fikk 0"],
    ),
    (
        "minutes-negative",
        HEAD + "  - id: a\n    title: A\n    minutes: -5\n",
        6,
        14,
        ["parts[0].minutes", "større enn 0", "fikk -5"],
    ),
    (
        "minutes-empty",
        HEAD + "  - id: a\n    title: A\n    minutes:\n",
        6,
        5,
        ["parts[0].minutes", "mangler verdi"],
    ),
    (
        "phase-minutes-negative",
        HEAD
        + "  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        + "      - title: P\n        kind: plenary\n        minutes: -1\n",
        10,
        18,
        ["parts[0].phases[0].minutes", "større enn 0"],
    ),
    (
        "missing-title",
        HEAD + "  - id: a\n    minutes: 5\n",
        4,
        5,
        ["parts[0]", "mangler påkrevd felt «title»"],
    ),
    (
        "missing-top-title",
        "# kommentar\nid: test\nparts:\n  - id: a\n    title: A\n    minutes: 5\n",
        2,
        1,
        ["mangler påkrevd felt «title»"],
    ),
    (
        "empty-title",
        HEAD + '  - id: a\n    title: ""\n    minutes: 5\n',
        5,
        12,
        ["parts[0].title", "kan ikke være tom"],
    ),
    (
        "duplicate-key",
        HEAD + "  - id: a\n    title: A\n    minutes: 5\n    title: B\n",
        7,
        5,
        ["parts[0]", "«title» står to ganger", "linje 5"],
    ),
    (
        "duplicate-top-key",
        "id: test\ntitle: Test\nid: igjen\nparts:\n  - id: a\n    title: A\n    minutes: 5\n",
        3,
        1,
        ["«id» står to ganger", "linje 1"],
    ),
    (
        "duplicate-part-id",
        HEAD
        + "  - id: a\n    title: A\n    minutes: 5\n"
        + "  - id: b\n    title: B\n    minutes: 5\n"
        + "  - title: A igjen\n    id: a\n    minutes: 5\n",
        11,
        9,
        ["parts[2].id", "«a» er allerede brukt", "linje 4"],
    ),
    (
        "duplicate-phase-id",
        HEAD
        + "  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        + "      - {id: p, title: P, kind: plenary, minutes: 2}\n"
        + "      - {id: p, title: Q, kind: plenary, minutes: 3}\n",
        9,
        14,
        ["parts[0].phases[1].id", "«p» er allerede brukt"],
    ),
    (
        "unknown-capture-kind",
        HEAD + "  - id: a\n    title: A\n    minutes: 5\n    captures: [attendance, regler]\n",
        7,
        28,
        ["parts[0].captures[1]", "«regler»", "gyldige:", "attendance", "rules"],
    ),
    (
        "unknown-phase-kind",
        HEAD
        + "  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        + "      - title: P\n        kind: roundd\n",
        9,
        15,
        ["parts[0].phases[0].kind", "ugyldig verdi «roundd» for kind", "individual, round"],
    ),
    (
        "unknown-key",
        HEAD + "  - id: a\n    title: A\n    minuts: 5\n",
        6,
        5,
        ["parts[0]", "ukjent felt «minuts»", "mente du «minutes»"],
    ),
    (
        "unknown-top-key",
        "id: test\ntitel: Test\nparts: []\n",
        2,
        1,
        ["ukjent felt «titel»", "«title»"],
    ),
    (
        "round-without-minutes-per",
        HEAD
        + "  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        + "      - title: Runde\n        kind: round\n        minutes: 5\n",
        8,
        9,
        ["parts[0].phases[0]", "minutes_per"],
    ),
    (
        "bad-part-id",
        HEAD + "  - id: Steg 3\n    title: A\n    minutes: 5\n",
        4,
        9,
        ["parts[0].id", "«Steg 3»", "gyldig id"],
    ),
    (
        "parts-not-a-list",
        "id: test\ntitle: Test\nparts: mange\n",
        3,
        8,
        ["parts", "liste"],
    ),
    (
        "no-parts",
        "id: test\ntitle: Test\nparts: []\n",
        3,
        8,
        ["parts", "kan ikke være tom"],
    ),
    (
        "title-a-number",
        "id: test\ntitle: 2024\nparts:\n  - id: a\n    title: A\n    minutes: 5\n",
        2,
        8,
        ["title", "må være tekst", "fikk 2024", "anførselstegn"],
    ),
    (
        "unknown-context",
        HEAD + "  - id: a\n    title: A\n    minutes: 5\n    context: [dikt]\n",
        7,
        15,
        ["parts[0].context[0]", "ukjent kontekst-tekst «dikt»"],
    ),
    ("empty-file", "", 1, 1, ["tom"]),
    ("only-comments", "# bare en kommentar\n\n", 1, 1, ["ingen agenda"]),
    ("top-level-list", "- id: a\n- id: b\n", 1, 1, ["samling felt", "ikke en liste"]),
    ("top-level-scalar", "bare tekst\n", 1, 1, ["samling felt", "enkelt verdi"]),
    (
        "alias",
        "id: test\ntitle: &t Test\nsubtitle: *t\nparts: []\n",
        3,
        11,
        ["alias", "*t"],
    ),
    (
        "python-tag",
        "id: test\ntitle: !!python/object:os.system ls\nparts: []\n",
        2,
        8,
        ["taggen", "støttes ikke"],
    ),
    (
        "local-tag",
        "id: test\ntitle: !tekst Test\nparts: []\n",
        2,
        8,
        ["taggen «!tekst» støttes ikke"],
    ),
    (
        "bad-int-tag",
        HEAD + "  - id: a\n    title: A\n    minutes: !!int ti\n",
        6,
        14,
        ["«ti» er ikke et heltall"],
    ),
    (
        "two-documents",
        "id: test\n---\nid: igjen\n",
        2,
        1,
        ["flere YAML-dokumenter"],
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [pytest.param(text, line, col, words, id=name) for name, text, line, col, words in BROKEN],
)
def test_broken_agenda_reports_line_col_and_field(
    text: str, line: int, col: int, words: list[str]
) -> None:
    problems = problems_of(text)
    assert problems, "expected at least one problem"
    assert {p.file for p in problems} == {"a.yaml"}
    here = [p for p in problems if (p.line, p.col) == (line, col)]
    assert len(here) == 1, problems
    for word in words:
        assert word in here[0].message, (word, here[0].message)
    assert "Traceback" not in str(problems)
    # pydantic's English never leaks through
    for problem in problems:
        assert "Input should" not in problem.message
        assert "Value error" not in problem.message


def test_problem_lines_have_file_line_col_format() -> None:
    with pytest.raises(AgendaError) as info:
        load_agenda_text(HEAD + "  - id: a\n    title: A\n    minutes: ti\n", "mappe/x.yaml")
    err = info.value
    assert isinstance(err, UserError)
    assert err.exit_code == 1
    assert str(err) == (
        "mappe/x.yaml:6:14: parts[0].minutes: må være et heltall større enn 0, fikk «ti»"
    )


def test_all_problems_reported_at_once_sorted_by_position() -> None:
    text = (
        HEAD
        + "  - id: a\n    title: A\n    minutes: ti\n"  # line 6: wrong type
        + "  - id: a\n    minutes: -5\n"  # line 7: duplicate id, missing title, negative
        + "    ekstra: 1\n"  # line 9: unknown key
    )
    problems = problems_of(text)
    where = [(p.line, p.col) for p in problems]
    assert where == sorted(where)
    messages = "\n".join(p.message for p in problems)
    assert "parts[0].minutes" in messages
    assert "parts[1].id: del-id-en «a» er allerede brukt" in messages
    assert "parts[1]: mangler påkrevd felt «title»" in messages
    assert "parts[1].minutes: må være et heltall større enn 0, fikk -5" in messages
    assert "ukjent felt «ekstra»" in messages
    assert len(problems) == 5
    assert str(AgendaError(problems)).count("\n") == 4


def test_duplicate_key_reported_together_with_model_errors() -> None:
    text = HEAD + "  - id: a\n    title: A\n    title: B\n    minutes: 0\n"
    messages = [(p.line, p.message) for p in problems_of(text)]
    assert (6, "parts[0]: nøkkelen «title» står to ganger (første gang på linje 5)") in messages
    assert any(line == 7 and "større enn 0" in m for line, m in messages)


def test_yaml_12_scalars_time_and_no_stay_strings() -> None:
    result = agenda(
        """\
        id: test
        title: Test
        parts:
          - id: a
            title: A
            minutes: 5
            prompts:
              - no
              - 10:05
              - yes
              - on
              - off
              - 2024-05-01
              - 0o17x
              - 1_000
        """
    )
    assert result.parts[0].prompts == [
        "no",
        "10:05",
        "yes",
        "on",
        "off",
        "2024-05-01",
        "0o17x",
        "1_000",
    ]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("5", 5),
        ("+5", 5),
        ("0x1e", 30),
        ("0o17", 15),
        ("!!int 12", 12),
    ],
)
def test_core_schema_integers(written: str, value: int) -> None:
    result = agenda(f"id: t\ntitle: T\nparts:\n  - id: a\n    title: A\n    minutes: {written}\n")
    assert result.parts[0].minutes == value


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
    ],
)
def test_core_schema_booleans(written: str, expected: bool) -> None:
    result = agenda(
        "id: t\ntitle: T\nparts:\n  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        "      - title: R\n        kind: round\n        minutes_per: person\n"
        "        turn:\n          steps:\n            - title: S\n              minutes: 2\n"
        f"              focus_listening: {written}\n"
    )
    assert result.parts[0].phases[0].turn is not None
    assert result.parts[0].phases[0].turn.steps[0].focus_listening is expected


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "y", "'true'"])
def test_yaml_11_booleans_are_not_booleans(written: str) -> None:
    text = (
        "id: t\ntitle: T\nparts:\n  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        "      - title: R\n        kind: round\n        minutes_per: person\n"
        "        turn:\n          steps:\n            - title: S\n              minutes: 2\n"
        f"              focus_listening: {written}\n"
    )
    (problem,) = problems_of(text)
    assert problem.line == 15
    assert "focus_listening: må være true eller false" in problem.message


def test_quoted_scalars_are_always_text() -> None:
    result = agenda(
        """\
        id: test
        title: "2024"
        subtitle: 'true'
        parts:
          - id: a
            title: "10:05"
            minutes: 5
            purpose: "null"
        """
    )
    assert result.title == "2024"
    assert result.subtitle == "true"
    assert result.parts[0].title == "10:05"
    assert result.parts[0].purpose == "null"


def test_null_forms_mean_no_value() -> None:
    for written in ("null", "~", "Null", "NULL", ""):
        result = agenda(
            f"id: t\ntitle: T\ntotal_minutes: {written}\n"
            "parts:\n  - id: a\n    title: A\n    minutes: 5\n"
        )
        assert result.total_minutes is None


def test_nan_and_negative_inf_are_not_minutes() -> None:
    for written in (".nan", "-.inf", ".Inf"):
        (problem,) = problems_of(HEAD + f"  - id: a\n    title: A\n    minutes: {written}\n")
        assert problem.line == 6
        assert "heltall" in problem.message


def test_schema_key_and_language_server_comment_are_accepted() -> None:
    result = agenda(
        """\
        # yaml-language-server: $schema=../schema/agenda.schema.json
        $schema: ../schema/agenda.schema.json
        id: test
        title: Test
        parts:
          - id: a
            title: A
            minutes: 5
        """
    )
    assert result.id == "test"
    assert result.parts[0].id == "a"


def test_schema_key_must_be_text() -> None:
    found = problems_of(
        "$schema: 5\nid: test\ntitle: Test\nparts:\n  - {id: a, title: A, minutes: 5}\n"
    )
    assert [(p.line, p.col, p.message) for p in found] == [
        (1, 10, "$schema: må være tekst (en sti)")
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(
        b"\xef\xbb\xbfid: t\ntitle: T\nparts:\n  - id: a\n    title: A\n    minutes: 5\n"
    )
    assert load_agenda(path).id == "t"


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b'id: t\ntitle: "R\xe5d"\nparts: []\n')
    with pytest.raises(AgendaError) as info:
        load_agenda(path)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.col) == (str(path), 2, 10)
    assert "ikke UTF-8" in problem.message
    assert "0xE5" in problem.message


def test_non_utf8_file_in_test_data(agendas_dir: Path) -> None:
    with pytest.raises(AgendaError) as info:
        load_agenda(agendas_dir / "ikke-utf8.yaml")
    assert info.value.problems[0].line == 2


def test_control_character_is_reported_with_position() -> None:
    (problem,) = problems_of("id: t\ntitle: T\x07x\nparts: []\n")
    assert (problem.line, problem.col) == (2, 9)
    assert "U+0007" in problem.message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(AgendaError) as info:
        load_agenda(tmp_path / "finnes-ikke.yaml")
    assert str(info.value) == f"{tmp_path / 'finnes-ikke.yaml'}:1:1: finnes ikke"
    with pytest.raises(AgendaError) as info:
        load_agenda(tmp_path)
    assert "mappe" in str(info.value)


def test_empty_value_points_at_its_key_not_the_next_line() -> None:
    (problem,) = problems_of("id: t\ntitle:\nparts:\n  - id: a\n    title: A\n    minutes: 5\n")
    assert (problem.line, problem.col) == (2, 1)
    assert problem.message == "title: mangler verdi (må være tekst)"


def test_turn_validator_error_has_norwegian_text_without_prefix() -> None:
    text = (
        HEAD + "  - id: a\n    title: A\n    minutes: 5\n    phases:\n"
        "      - title: R\n        kind: round\n        minutes_per: person\n"
        "        turn:\n          minutes: 5\n          steps:\n"
        "            - title: S\n              minutes: 2\n"
    )
    (problem,) = problems_of(text)
    assert problem.line == 12
    assert problem.message == (
        "parts[0].phases[0].turn: minutes (5) stemmer ikke med summen av leddene (2)"
    )


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    """Deeper than Python's recursion limit (1000 frames; the composer uses two a level)."""
    text = "id: t\ntitle: T\nparts: " + "[" * 1000 + "]" * 1000 + "\n"
    (problem,) = problems_of(text)
    assert (problem.line, problem.message) == (1, "filen er for dypt nøstet")


def test_format_path() -> None:
    assert format_path(("parts", 3, "phases", 0, "minutes")) == "parts[3].phases[0].minutes"
    assert format_path(()) == ""


def test_small_valid_agenda_loads(agendas_dir: Path) -> None:
    result = load_agenda(agendas_dir / "liten.yaml")
    assert [p.id for p in result.parts] == ["inn", "bruksanvisning", "ut"]
    assert result.parts[0].phases[0].prompts == ["no", "10:05"]
    assert math.isclose(result.planned_minutes, 45)


def test_broken_agenda_file(agendas_dir: Path) -> None:
    with pytest.raises(AgendaError) as info:
        load_agenda(agendas_dir / "feil-minutter.yaml")
    lines = str(info.value).splitlines()
    name = str(agendas_dir / "feil-minutter.yaml")
    assert lines == [
        f"{name}:6:14: parts[0].minutes: må være et heltall større enn 0, fikk «ti»",
        f"{name}:9:14: parts[1].minutes: må være et heltall større enn 0, fikk -5",
        f"{name}:10:5: parts[1]: ukjent felt «minuts» (mente du «minutes»?)",
    ]


@pytest.mark.parametrize("name", ["startpakke", "kollegaveiledning"])
def test_builtin_agendas_load(name: str) -> None:
    path = ROOT / "agenda" / f"{name}.yaml"
    if not path.exists():
        pytest.skip(f"{path} is not written yet")
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/agenda.schema.json"
    )
    assert load_agenda(path).id == name


@dataclass(kw_only=True)
class Sheet:
    __pydantic_config__ = CONFIG
    id: str
    lines: Annotated[int, Strict(), Limits(ge=0)] = 2


@dataclass(kw_only=True)
class Sheets:
    __pydantic_config__ = CONFIG
    sheets: list[Sheet]


def test_load_model_reads_other_strict_models_with_positions(tmp_path: Path) -> None:
    from startpakke.agenda.loader import load_model

    path = tmp_path / "handouts.yaml"
    path.write_text("sheets:\n  - id: a\n    lines: mange\n  - id: no\n    linjer: 3\n")
    with pytest.raises(AgendaError) as info:
        load_model(path, Sheets)
    assert [str(p).removeprefix(f"{path}:") for p in info.value.problems] == [
        "3:12: sheets[0].lines: må være et heltall fra og med 0, fikk «mange»",
        "5:5: sheets[1]: ukjent felt «linjer» (mente du «lines»?)",
    ]
    path.write_text("sheets:\n  - id: no\n    lines: 3\n")
    assert load_model(path, Sheets).sheets[0].id == "no"
