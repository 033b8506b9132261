"""The safety tests' terminal: `tests.tmux.Tmux` with the shell lingering after the program
(the test reads the modes it left the terminal in) and the screen read with its whitespace
folded (a message may wrap anywhere)."""

from __future__ import annotations

from pathlib import Path

from tests.tmux import Tmux, data_env, start_meeting, startpakke, to_round_of_steg4

__all__ = ["Term", "data_env", "start_meeting", "startpakke", "to_round_of_steg4"]


class Term(Tmux):
    def __init__(
        self,
        command: str,
        env: dict[str, str],
        *,
        width: int = 120,
        height: int = 40,
        cwd: Path | None = None,
    ) -> None:
        super().__init__(
            command, width=width, height=height, env=env, cwd=cwd, linger=True, flat=True, wait=20
        )
