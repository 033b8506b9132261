"""Copies of the committed example session (`examples/eksempel-okt.json`) for a test to change."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "eksempel-okt.json"


def copy_of_example(folder: Path, name: str, *, absent: int | None = None) -> Path:
    """The example, written as `folder/name`; `absent`: that participant was away."""
    path = folder / name
    if absent is None:
        path.write_bytes(EXAMPLE.read_bytes())
        return path
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["participants"][absent]["present"] = False
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
