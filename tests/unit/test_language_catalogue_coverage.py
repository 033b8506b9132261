"""No Norwegian program text bypasses the catalogue (issue 17: «a test fails when a
user-visible string in code bypasses the catalogue»).

`tools/untranslated.py` finds the literals; `ALLOWED` is what is still left per module,
and it may only shrink: a new literal outside `_()` fails here, and so does a module that
has got better without its count being lowered (so the list stays true).
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import untranslated  # noqa: E402

ALLOWED: dict[str, int] = {}
"""Literals left outside the catalogue, per module under `startpakke/` (0 is the goal)."""


@functools.cache
def in_the_package() -> tuple[untranslated.Literal, ...]:
    """The literals in `startpakke/` (scanning every module takes a third of a second: once)."""
    return tuple(untranslated.scan())


SCANS = pytest.mark.xdist_group("catalogue-scan")
"""The tests that read the scan run in one worker, which scans once."""


@SCANS
def test_no_new_program_text_bypasses_the_catalogue() -> None:
    found = Counter(lit.module for lit in in_the_package())
    grown = {
        module: (n, ALLOWED.get(module, 0))
        for module, n in found.items()
        if n > ALLOWED.get(module, 0)
    }
    examples = [
        f"{lit.module}:{lit.line}: {lit.text[:60]!r}"
        for lit in in_the_package()
        if lit.module in grown
    ][:10]
    assert not grown, f"tekst utenfor katalogen (funnet, tillatt): {grown}\n" + "\n".join(examples)


@SCANS
def test_the_allowance_follows_the_code_down() -> None:
    found = Counter(lit.module for lit in in_the_package())
    stale = {m: (found.get(m, 0), n) for m, n in ALLOWED.items() if found.get(m, 0) < n}
    assert not stale, f"senk ALLOWED (funnet, tillatt): {stale}"


def test_the_scanner_sees_a_literal_and_lets_a_message_pass(tmp_path: Path) -> None:
    package = tmp_path / "startpakke"
    package.mkdir()
    module = package / "m.py"
    module.write_text(
        '"""Modulen lagrer møtet."""\n'
        "from startpakke.i18n import _\n"
        'A = _("Neste del")\n'
        'B = "Neste del"\n'
        'C = f"Møtet er {1} min etter"\n'
        'D = "capture-input"\n'
        "import re\n"
        'E = re.compile(r" av \\d+$")\n'
        'F = f"min({1}vw, {2}vh)"\n'
        'G = "min del"\n'
        'H = "--ikke-åpne"\n',
        encoding="utf-8",
    )
    original = untranslated.PACKAGE
    untranslated.PACKAGE = package
    try:
        lines = sorted(lit.line for lit in untranslated.scan())
    finally:
        untranslated.PACKAGE = original
    # A regular expression given to `re`, a word straight before «(» and an option name are
    # code, not text.
    assert lines == [4, 5, 10]


def test_the_scanner_passes_names_patterns_and_marked_lines(tmp_path: Path) -> None:
    """A snake_case key, a `re.` pattern and a line marked `# i18n: not text` are not
    program text; the same words in a sentence still are."""
    package = tmp_path / "startpakke"
    package.mkdir()
    (package / "m.py").write_text(
        "import re\n"
        'A = {"min_length": 1}\n'
        'B = re.compile(r"^Deltak(?:er|ar) \\d+$")\n'
        'C = {"bokmål": "nb"}  # i18n: not text (input)\n'
        "D = {\n"
        '    "æ": "ae",\n'
        "}  # i18n: not text\n"
        'E = "min_length kan ikke være tom"\n'
        'F = "Deltaker er borte"\n',
        encoding="utf-8",
    )
    original = untranslated.PACKAGE
    untranslated.PACKAGE = package
    try:
        lines = sorted(lit.line for lit in untranslated.scan())
    finally:
        untranslated.PACKAGE = original
    assert lines == [8, 9]
