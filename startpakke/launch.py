"""The console script: `startpakke --version` answers before anything else is imported.

Everything else goes to `startpakke.cli`, whose parser, language setting and catalogues
cost more than a bare interpreter (PRODUCT.md: `--version` within 3× of `python -c pass`).
"""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from startpakke import __version__

        print(f"startpakke {__version__}")
        return 0
    from startpakke.cli import main as cli_main

    return cli_main()
