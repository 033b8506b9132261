"""Drafts: text typed into a field but not yet entered, kept beside the session.

A facilitator can type into the contract for minutes before saving it; a crash, a closed
terminal or ctrl+q must not lose that. The app writes every field's unsaved text to
`<name>.utkast` beside the session file (JSON, 0600, atomic like the session) within
moments of the last key, and offers it back in the same field the next time that field
opens. A field is named by where it lives (`"ContractDialog/contract-text"`).

The draft file holds what the session does not yet: entered text lives in the session,
and a field that is emptied or a dialog that is closed removes its drafts.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from startpakke.safefile import write_atomic

DRAFT_SUFFIX = ".utkast"
MAX_DRAFT_BYTES = 4 * 1024 * 1024
"""A draft file larger than this is not a draft we wrote: it is ignored."""


def draft_path(session_path: Path) -> Path:
    """The drafts beside a session file: `<name>.utkast`."""
    return session_path.with_name(session_path.name + DRAFT_SUFFIX)


def load_drafts(session_path: Path) -> dict[str, str]:
    """The drafts kept for a session; empty when there are none or the file is unreadable.

    A draft is a convenience on top of the session: a damaged draft file is never an
    error that stops a meeting.
    """
    path = draft_path(session_path)
    try:
        if not path.is_file() or path.stat().st_size > MAX_DRAFT_BYTES:
            return {}
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    fields = data.get("fields") if isinstance(data, dict) else None
    if not isinstance(fields, dict):
        return {}
    return {str(k): v for k, v in fields.items() if isinstance(v, str) and v}


def save_drafts(session_path: Path, drafts: dict[str, str]) -> None:
    """Write the drafts atomically (0600); remove the file when there are none.

    Raises OSError when the disk refuses: the caller says so with the session's own
    saving trouble.
    """
    path = draft_path(session_path)
    if not drafts:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    # ASCII with \u escapes: a lone surrogate from a broken paste survives too.
    payload = json.dumps({"fields": drafts}, ensure_ascii=True, indent=1).encode("ascii")
    write_atomic(path, payload)
