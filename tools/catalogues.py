"""Extract, update and compile the gettext catalogues (bokmål and nynorsk).

    python tools/catalogues.py             # extract → update nb.po and nn.po → compile .mo
    python tools/catalogues.py --compile   # only compile (after translating in nn.po)

Messages are the bokmål text in `_()`, `N_()`, `ngettext()` and `plural()` calls under
`startpakke/`. Translate new messages in `startpakke/locale/nn/LC_MESSAGES/startpakke.po`
(the nb catalogue stays empty: the message ids are bokmål), run the script again and commit
the .po and .mo files: the wheel ships the committed .mo files as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "startpakke" / "locale"
TEMPLATE = LOCALE / "startpakke.pot"
LANGUAGES = ("nb", "nn")
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "plural:1,2"]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    pybabel(
        "extract", "-F", str(ROOT / "tools" / "babel.cfg"), *KEYWORDS,
        "--no-location", "--sort-output", "--no-wrap",
        "--project", "startpakke", "--copyright-holder", "startpakke",
        "-o", str(TEMPLATE), str(ROOT / "startpakke"),
    )  # fmt: skip
    for language in LANGUAGES:
        po = LOCALE / language / "LC_MESSAGES" / "startpakke.po"
        if po.exists():
            pybabel(
                "update", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", "startpakke",
                "-l", language, "--no-fuzzy-matching", "--no-wrap", "--ignore-obsolete",
            )  # fmt: skip
        else:
            pybabel("init", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", "startpakke",
                    "-l", language, "--no-wrap")  # fmt: skip


def compile_catalogues() -> None:
    for language in LANGUAGES:
        pybabel("compile", "-d", str(LOCALE), "-D", "startpakke", "-l", language)


if __name__ == "__main__":
    if "--compile" not in sys.argv[1:]:
        extract()
    compile_catalogues()
