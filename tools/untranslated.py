"""List the Norwegian program text that does not go through the catalogue.

    python tools/untranslated.py            # every literal, as file:line: text
    python tools/untranslated.py --count    # how many per module

A string literal counts as program text when it reads as Norwegian (a word with æ, ø or å,
or one of the common words in `WORDS`) and is not a docstring, not the message of a
`_()`, `N_()`, `ngettext()` or `plural()` call, not a regular expression given to `re`
(`re.compile(r" av \\d+$")`), not a snake_case name (`min_length`) or a command-line option
(`--ikke-åpne`), not on a line marked `# i18n: not text` (a lookup key, a letter table, the
one-language JSON Schema: say why beside it), and not in an exempt place (`EXEMPT`). A word
written straight before «(» is code, not prose (`min(vw, vh)` in CSS), and does not count.
`tests/unit/test_language_catalogue_coverage.py` holds the result to `ALLOWED`.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "startpakke"

CATALOGUE_CALLS = {"_", "N_", "ngettext", "plural", "gettext"}
PATTERN_CALLS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall"}
"""`re.<name>(pattern, …)`: the pattern is a regular expression, not program text."""

_WORD_LIST = """
og ikke er kan må skal som til fra med for på av en et ei den det de du vi har var
neste forrige del fase runde tur deltaker deltakere sekretær møtet møte økten økt
lagre lagret lukk avbryt ja nei slett endre ny nytt velg skriv ingen alle minutter min
klokken pause borte tilbake videre ferdig feil mangler finnes gikk kunne ble
"""
WORDS = frozenset(_WORD_LIST.split())
"""Common bokmål/nynorsk words; one of them as a whole word makes a literal Norwegian."""

NORWEGIAN_LETTER = re.compile(r"[æøåÆØÅ]")
WORD = re.compile(r"[A-Za-zæøåÆØÅ]+(?![A-Za-zæøåÆØÅ(])")
"""A word, unless «(» follows it straight away (then it names a function: `min(`)."""
PRAGMA = "# i18n: not text"
"""Written on a line, its literals are not program text (say why in the same comment)."""
IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+")
"""A snake_case name (`min_length`, `minutes_per`): a key or field name, never a sentence."""

EXEMPT: dict[str, str] = {
    "commands/schema.py": "the descriptions of the committed JSON Schema, which has one language",
    "locale": "the catalogues themselves",
}
"""Modules (relative to `startpakke/`) whose literals are not program text, and why."""


@dataclass(frozen=True)
class Literal:
    module: str
    line: int
    text: str


OPTION_NAME = re.compile(r"--[a-zæøå][a-zæøå0-9-]*")
"""A command-line option (`--ikke-åpne`): part of the interface, never translated."""


def _reads_norwegian(text: str) -> bool:
    if OPTION_NAME.fullmatch(text) or IDENTIFIER.fullmatch(text):
        return False
    if NORWEGIAN_LETTER.search(text):
        return True
    words = [w.lower() for w in WORD.findall(text)]
    return len(words) >= 2 and any(w in WORDS for w in words)


def _docstrings(nodes: list[ast.AST]) -> set[int]:
    """ids of the string nodes that are docstrings (module, class, function, attribute)."""
    found: set[int] = set()
    for node in nodes:
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for index, statement in enumerate(body):
            if not (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                continue
            # A docstring opens a body, or follows an assignment (attribute docstring).
            if index == 0 or isinstance(body[index - 1], ast.Assign | ast.AnnAssign):
                found.add(id(statement.value))
    return found


def _in_catalogue(nodes: list[ast.AST]) -> set[int]:
    """ids of the string nodes inside a catalogue call, f-string parts included."""
    found: set[int] = set()
    for node in nodes:
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if isinstance(node.func, ast.Attribute):
                name = node.func.attr
            if name in CATALOGUE_CALLS:
                for arg in node.args:
                    found.update(id(sub) for sub in ast.walk(arg))
    return found


def _patterns(nodes: list[ast.AST]) -> set[int]:
    """ids of the string nodes given as the pattern to `re.compile()`, `re.sub()` …"""
    found: set[int] = set()
    for node in nodes:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in PATTERN_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            found.update(id(sub) for sub in ast.walk(node.args[0]))
    return found


def literals(path: Path) -> Iterator[Literal]:
    module = path.relative_to(PACKAGE).as_posix()
    source = path.read_text(encoding="utf-8")
    # Walked once and read by every pass: walking the tree was most of the scan's time.
    nodes = list(ast.walk(ast.parse(source, filename=str(path))))
    skip = _docstrings(nodes) | _in_catalogue(nodes) | _patterns(nodes)
    lines = source.splitlines()
    marked = {number for number, line in enumerate(lines, start=1) if PRAGMA in line}
    # The mark covers the whole simple statement it ends (a table formatted over lines).
    for statement in nodes:
        if isinstance(statement, ast.stmt) and not hasattr(statement, "body"):
            span = range(statement.lineno, (statement.end_lineno or statement.lineno) + 1)
            if marked.intersection(span):
                marked.update(span)
    for node in nodes:
        if getattr(node, "lineno", None) in marked:
            continue
        if isinstance(node, ast.JoinedStr) and id(node) not in skip:
            text = "".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            skip.update(id(part) for part in node.values)
            if _reads_norwegian(text):
                yield Literal(module, node.lineno, text)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and _reads_norwegian(node.value)
        ):
            yield Literal(module, node.lineno, node.value)


def scan() -> list[Literal]:
    found: list[Literal] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if any(module == place or module.startswith(place + "/") for place in EXEMPT):
            continue
        found.extend(literals(path))
    return sorted(found, key=lambda lit: (lit.module, lit.line))


def main(argv: list[str]) -> int:
    found = scan()
    if "--count" in argv:
        for module, n in sorted(Counter(lit.module for lit in found).items()):
            print(f"{n:4d}  {module}")
        print(f"{len(found):4d}  i alt")
        return 0
    for lit in found:
        print(f"{lit.module}:{lit.line}: {lit.text[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
