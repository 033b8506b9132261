"""Load an agenda file: YAML → plain Python → the pydantic `Agenda`, errors for people.

    from startpakke.agenda.loader import AgendaError, load_agenda
    try:
        agenda = load_agenda("agenda/startpakke.yaml")
    except AgendaError as err:
        print(err)            # one line per problem: FILE:LINE:COL: melding
        err.problems          # [Problem(file, line, col, message), ...]

How it reads YAML:

- PyYAML's `compose` (safe loader) builds a node tree; we convert the nodes ourselves, so
  YAML 1.1's surprises never reach the model. Plain scalars follow the YAML 1.2 core
  schema only: integers (`12`, `-5`, `0x1f`, `0o17`), floats (`1.5`, `.inf`, `.nan`),
  `true`/`false` (also Title and UPPER case), `null`/`~`/empty. Everything else is text:
  `10:05`, `no`, `yes`, `on`, `2024-05-01` stay strings. Quoted scalars are always text.
- Every value's position is recorded by its path (`("parts", 3, "minutes")`), so a pydantic
  error's `loc` is reported at the line and column where the value was written; a missing
  field points at the mapping that lacks it, an unknown key at the key.
- A key written twice in one mapping is an error (at the second one).
- Anchors (`&a`) are harmless, but aliases (`*a`) are rejected: an agenda is written out in
  full, and it keeps the positions honest. Merge keys (`<<`) are therefore unknown fields.
- Explicit tags are allowed only for the standard scalar and collection types
  (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`); others are errors.

All problems of a file are collected and raised at once as `AgendaError`, a `UserError`
whose `str()` is one line per problem, sorted by position.

`load_model(path, Model)` / `load_model_text(text, filename, Model)` read any other strict
pydantic model the same way (e.g. the handout sheets in `agenda/handouts.yaml`); the
agenda-only cross-checks (duplicate part ids, unknown context texts) run only for `Agenda`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from startpakke.agenda.model import Agenda, cross_problems
from startpakke.errors import UserError, os_reason
from startpakke.i18n import N_, _
from startpakke.modeling import Invalid, validate
from startpakke.text import for_terminal
from startpakke.wording import field_path, word

__all__ = [
    "AgendaError",
    "Problem",
    "format_path",
    "load_agenda",
    "load_agenda_bytes",
    "load_agenda_text",
    "load_model",
    "load_model_bytes",
    "load_model_text",
]

Path_ = tuple[str | int, ...]
M = TypeVar("M")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an agenda file, at a 1-based line and column."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class AgendaError(UserError):
    """An agenda file that cannot be used; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.col))
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------- reading


def load_agenda(path: Path | str) -> Agenda:
    """Read and validate the agenda file at `path` (errors name the path as given)."""
    return load_model(path, Agenda)


def load_agenda_bytes(data: bytes, filename: str) -> Agenda:
    """Validate an agenda from raw bytes, which must be UTF-8 text."""
    return load_model_bytes(data, filename, Agenda)


def load_agenda_text(text: str, filename: str) -> Agenda:
    """Validate an agenda from YAML text; `filename` is used in the problem lines."""
    return load_model_text(text, filename, Agenda)


def load_model(path: Path | str, model: type[M]) -> M:
    """Read the YAML file at `path` into any strict pydantic `model`, with the same rules,
    positions and Norwegian messages as agendas (e.g. `agenda/handouts.yaml`)."""
    name = str(path)
    file = Path(path)
    from startpakke.safefile import AGENDA_CAP, UnsafeFile, read_capped

    try:
        data = read_capped(file, AGENDA_CAP)
    except UnsafeFile as exc:
        raise AgendaError([Problem(name, 1, 1, exc.reason)]) from None
    except FileNotFoundError:
        raise AgendaError([Problem(name, 1, 1, _("finnes ikke"))]) from None
    except IsADirectoryError:
        raise AgendaError([Problem(name, 1, 1, _("er en mappe, ikke en fil"))]) from None
    except PermissionError:
        raise AgendaError([Problem(name, 1, 1, _("kan ikke leses (ingen tilgang)"))]) from None
    except OSError as exc:
        reason = os_reason(exc)
        message = _("kan ikke leses ({reason})").format(reason=reason)
        raise AgendaError([Problem(name, 1, 1, message)]) from None
    return load_model_bytes(data, name, model)


def load_model_bytes(data: bytes, filename: str, model: type[M]) -> M:
    """Validate raw bytes, which must be UTF-8 text, into `model`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        raise AgendaError(
            [
                Problem(
                    filename,
                    line,
                    col,
                    _(
                        "filen er ikke UTF-8-tekst (ugyldig byte 0x{byte}); "
                        "lagre den som UTF-8 i editoren"
                    ).format(byte=f"{byte:02X}"),
                )
            ]
        ) from None
    return load_model_text(text, filename, model)


def load_model_text(text: str, filename: str, model: type[M]) -> M:
    """Validate YAML text into `model`; `filename` is used in the problem lines."""
    text = text.removeprefix("\ufeff")
    root = _compose(text, filename)
    converter = _Converter(filename)
    data = converter.convert(root, ())
    problems = converter.problems
    if not isinstance(data, dict):
        what = _("en liste") if isinstance(root, yaml.SequenceNode) else _("en enkelt verdi")
        fields = "id:, title:, parts: …" if model is Agenda else _("nøkkel: verdi")
        problems.append(
            converter.problem(
                root.start_mark,
                _("filen må være en samling felt ({fields}), ikke {what}").format(
                    fields=fields, what=what
                ),
            )
        )
        raise AgendaError(problems)
    checks = _reference_checks(data, converter) if model is Agenda else _Checks([], [])
    problems.extend(checks.problems)
    # `$schema` only tells an editor where the JSON Schema is; it is not part of the model.
    schema_ref = data.pop("$schema", None)
    if schema_ref is not None and not isinstance(schema_ref, str):
        problems.append(
            converter.problem_at(("$schema",), _prefix(("$schema",)) + _("må være tekst (en sti)"))
        )
    try:
        result = validate(model, data)
    except Invalid as exc:
        for error in exc.errors:
            loc = tuple(error.get("loc", ()))
            if not converter.already_reported(loc) and not checks.covers(error):
                problems.append(_translate(error, converter, model))
    else:
        if not problems:
            return result
    raise AgendaError(_unique(problems))


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


# --------------------------------------------------------------------------- YAML → nodes

_PLAIN = "startpakke:plain"
_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}


class _Unsupported(yaml.MarkedYAMLError):
    """A YAML feature the agenda format does not allow (its `problem` is Norwegian)."""


class _Loader(yaml.SafeLoader):
    """The safe loader, composing only: plain scalars keep a marker tag we resolve later."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            # implicit[0]: plain scalar without a tag; otherwise quoted or tagged `!`.
            return _PLAIN if implicit[0] else f"{_TAG}str"
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Unsupported(
                problem=_("alias («*{anchor}») støttes ikke; skriv verdien ut i stedet").format(
                    anchor=event.anchor
                ),
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


_YAML_MESSAGES = [
    (
        "mapping values are not allowed here",
        N_(
            "kolon på et sted der det ikke er lov; sett anførselstegn rundt tekst som "
            "inneholder «: », eller sjekk innrykket"
        ),
    ),
    ("could not find expected ':'", N_("fant ikke forventet «:» (mangler kolon eller innrykk?)")),
    (
        "found character '\\t' that cannot start any token",
        N_("tabulator er ikke lov; bruk mellomrom"),
    ),
    ("found unexpected end of stream", N_("filen slutter før teksten i anførselstegn er lukket")),
    ("expected <block end>, but found", N_("innrykket stemmer ikke med linjene over")),
    ("expected a single document", N_("filen har flere YAML-dokumenter (---); bare ett er lov")),
    ("found undefined alias", N_("alias som ikke er definert")),
    (
        "found unknown escape character",
        N_("ukjent tegn etter \\ i tekst med anførselstegn (skriv \\\\ for én \\)"),
    ),
    ("found duplicate anchor", N_("samme anker («&») brukt to ganger")),
    ("expected ',' or ']'", N_("listen i [ ] er ikke lukket riktig (mangler «,» eller «]»?)")),
    ("expected ',' or '}'", N_("samlingen i { } er ikke lukket riktig (mangler «,» eller «}»?)")),
    ("found unexpected ':'", N_("kolon på et sted der det ikke er lov")),
    ("did not find expected key", N_("fant ikke forventet nøkkel (sjekk innrykket)")),
    ("did not find expected '-' indicator", N_("fant ikke forventet «-» (sjekk innrykket)")),
    ("did not find expected node content", N_("mangler en verdi her")),
    (
        "expected escape sequence of",
        N_("ukjent tegn etter \\ i tekst med anførselstegn (skriv \\\\ for én \\)"),
    ),
    ("found undefined tag handle", N_("ukjent tagg; skriv verdien uten «!»")),
    (
        "expected chomping or indentation indicators",
        N_("etter «|» eller «>» kan bare «+», «-» eller et tall stå på samme linje"),
    ),
    (
        "expected alphabetic or numeric character",
        N_("et anker («&») eller alias («*») må ha et navn av bokstaver og tall"),
    ),
    # PyYAML names the character: «found character '@' that cannot start any token».
    ("found character", N_("tegnet kan ikke starte en verdi; sett anførselstegn rundt teksten")),
]
_YAML_UNKNOWN = N_("filen kan ikke leses som YAML her (sjekk innrykk, kolon og anførselstegn)")
"""For a PyYAML message without a wording here: its English is not shown."""


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or _("ukjent feil")
    if isinstance(exc, _Unsupported):
        return problem
    for english, norwegian in _YAML_MESSAGES:
        if problem.startswith(english) or (exc.context or "").startswith(english):
            return _("YAML-feil: {problem}").format(problem=_(norwegian))
    return _("YAML-feil: {problem}").format(problem=_(_YAML_UNKNOWN))


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _compose(text: str, filename: str) -> yaml.Node:
    if not text.strip():
        raise AgendaError([Problem(filename, 1, 1, _("filen er tom"))])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise AgendaError([Problem(filename, line, col, _yaml_message(exc))]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, exc.position)
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        message = _("tegnet U+{code} er ikke lov i en YAML-fil").format(code=f"{code:04X}")
        raise AgendaError([Problem(filename, line, col, message)]) from None
    except yaml.YAMLError:
        raise AgendaError(
            [Problem(filename, 1, 1, _("YAML-feil: {problem}").format(problem=_(_YAML_UNKNOWN)))]
        ) from None
    except RecursionError:
        raise AgendaError([Problem(filename, 1, 1, _("filen er for dypt nøstet"))]) from None
    if node is None:
        raise AgendaError([Problem(filename, 1, 1, _("filen inneholder ingen agenda"))])
    return node


# --------------------------------------------------------------------------- nodes → Python

# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#103-core-schema).
_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT_DEC = re.compile(r"[-+]?[0-9]+")
_INT_OCT = re.compile(r"0o[0-7]+")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
_MISSING = object()


def _core_null(value: str) -> Any:
    return None if _NULL.fullmatch(value) else _MISSING


def _core_bool(value: str) -> Any:
    return value.lower() == "true" if _BOOL.fullmatch(value) else _MISSING


def _core_int(value: str) -> Any:
    try:
        if _INT_DEC.fullmatch(value):
            return int(value, 10)
        if _INT_OCT.fullmatch(value):
            return int(value[2:], 8)
        if _INT_HEX.fullmatch(value):
            return int(value[2:], 16)
    except ValueError:
        # More digits than Python converts (4,300): kept as text, so the model says where
        # a whole number was expected instead of a traceback.
        return value
    return _MISSING


def _core_float(value: str) -> Any:
    if _FLOAT.fullmatch(value):
        return float(value)
    if _INF.fullmatch(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    return _MISSING


def _resolve_plain(value: str) -> Any:
    for resolver in (_core_null, _core_bool, _core_int, _core_float):
        result = resolver(value)
        if result is not _MISSING:
            return result
    return value


_EXPLICIT = {
    f"{_TAG}null": (_core_null, "null"),
    f"{_TAG}bool": (_core_bool, N_("true eller false")),
    f"{_TAG}int": (_core_int, N_("et heltall")),
    f"{_TAG}float": (_core_float, N_("et tall")),
}


def format_path(path: Path_) -> str:
    """`("parts", 3, "minutes")` → `parts[3].minutes`."""
    return field_path(path)


class _Converter:
    """Turns a node tree into dicts, lists and scalars, remembering where each came from."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.marks: dict[Path_, yaml.Mark] = {}
        self.key_marks: dict[Path_, yaml.Mark] = {}
        self.reported: set[Path_] = set()
        """Paths already reported here (a bad tag); the model's errors there are dropped."""

    def already_reported(self, loc: Path_) -> bool:
        return any(loc[:end] in self.reported for end in range(len(loc) + 1))

    def problem(self, mark: yaml.Mark, message: str) -> Problem:
        return Problem(self.filename, mark.line + 1, mark.column + 1, message)

    def where(self, path: Path_) -> tuple[int, int]:
        """The 1-based line and column of the value at `path`, or of its nearest parent."""
        for end in range(len(path), -1, -1):
            mark = self.marks.get(path[:end])
            if mark is not None:
                return mark.line + 1, mark.column + 1
        return 1, 1

    def problem_at(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        mark = self.key_marks.get(path) if key else None
        if mark is not None:
            return self.problem(mark, message)
        line, col = self.where(path)
        return Problem(self.filename, line, col, message)

    def convert(self, node: yaml.Node, path: Path_, mark: yaml.Mark | None = None) -> Any:
        self.marks[path] = mark or node.start_mark
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                self._bad_tag(node, path)
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        if node.tag != f"{_TAG}map":
            self._bad_tag(node, path)
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            where = _prefix(path)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    self.problem(key_node.start_mark, where + _("en nøkkel må være et enkelt navn"))
                )
                continue
            key = str(key_node.value)
            if key in first_line:
                self.problems.append(
                    self.problem(
                        key_node.start_mark,
                        where
                        + _("nøkkelen «{key}» står to ganger (første gang på linje {line})").format(
                            key=key, line=first_line[key]
                        ),
                    )
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            child = (*path, key)
            self.key_marks[child] = key_node.start_mark
            # An empty value's own mark is wherever the next token starts (often the next
            # line); point at its key instead.
            empty = (
                isinstance(value_node, yaml.ScalarNode)
                and value_node.style is None
                and value_node.value == ""
            )
            result[key] = self.convert(value_node, child, key_node.start_mark if empty else None)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        # A quoted "\e" is ESC: agenda text reaches both terminal views, never raw.
        value = for_terminal(str(node.value))
        if node.tag == _PLAIN:
            return _resolve_plain(value)
        if node.tag == f"{_TAG}str":
            return value
        if node.tag in _EXPLICIT:
            resolver, what = _EXPLICIT[node.tag]
            result = resolver(value)
            if result is _MISSING:
                self.reported.add(path)
                self.problems.append(
                    self.problem(
                        node.start_mark,
                        _prefix(path)
                        + _("«{value}» er ikke {what}, som taggen {tag} krever").format(
                            value=value, what=_(what), tag=node.tag.replace(_TAG, "!!")
                        ),
                    )
                )
                return value
            return result
        self._bad_tag(node, path)
        return value

    def _bad_tag(self, node: yaml.Node, path: Path_) -> None:
        tag = str(node.tag).replace(_TAG, "!!")
        if isinstance(node, yaml.ScalarNode):
            self.reported.add(path)
        self.problems.append(
            self.problem(
                node.start_mark, _prefix(path) + _("taggen «{tag}» støttes ikke").format(tag=tag)
            )
        )


def _prefix(path: Path_) -> str:
    return f"{format_path(path)}: " if path else ""


# --------------------------------------------------------------------------- cross-references


@dataclass
class _Checks:
    """The agenda's rules across fields (`cross_problems`, written once in the model), found
    on the data as written so they are reported with positions and with every other problem.
    The model then raises the first of them again; `covers` recognises that error."""

    problems: list[Problem]
    texts: list[str]

    def covers(self, error: Any) -> bool:
        if error.get("type") != "value_error":
            return False
        message = str(error.get("msg", ""))
        return any(text in message for text in self.texts)


def _reference_checks(data: dict[str, Any], conv: _Converter) -> _Checks:
    found = cross_problems(data)
    problems = [
        conv.problem_at(
            p.at,
            f"{_prefix(p.at)}{p.sentence(conv.where(p.first)[0] if p.first else None)}",
        )
        for p in found
    ]
    return _Checks(problems, [p.text for p in found])


# --------------------------------------------------------------------------- pydantic → Norwegian


def _translate(error: Any, conv: _Converter, root: type[Any]) -> Problem:
    """The shared wording (`startpakke.wording`), placed at the value's line and column."""
    wording = word(error, root)
    text = wording.text
    if error.get("type") == "list_type":
        text = text.replace(
            _("må være en liste"), _("må være en liste (linjer som begynner med «- »)")
        )
    return conv.problem_at(wording.at, f"{_prefix(wording.subject)}{text}", key=wording.key)
