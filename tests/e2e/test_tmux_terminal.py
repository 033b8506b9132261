"""The tests' terminal (`tests/tmux.py`): a program in it sees its pane's size."""

from __future__ import annotations

import shlex
import sys

import pytest

from tests.tmux import Tmux

pytestmark = pytest.mark.slow


def test_a_program_sees_its_pane_s_size_whatever_the_test_process_has(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pytest's readline puts COLUMNS=80 and LINES=24 in the xdist workers' environment;
    handed on, they made apps draw at 80×24 in their 120×40 pane (CI, issue 12)."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    size = "import shutil; print('STØRRELSE', *shutil.get_terminal_size())"
    term = Tmux(f"{shlex.quote(sys.executable)} -c {shlex.quote(size)}", linger=True)
    try:
        term.wait_for("STØRRELSE 120 40", timeout=10)
    finally:
        term.close()
