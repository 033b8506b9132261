"""«Hva er lagret»: every file the program keeps about a network, as lines to show.

The same lines for `network show NAME --files` and the app's «Hva er lagret» screen.
"""

from __future__ import annotations

from pathlib import Path

from startpakke.i18n import N_, _
from startpakke.network import recent
from startpakke.network.catalog import NetworkRecord, scan
from startpakke.network.lifecycle import network_files

DOCUMENTS_NOTE = N_(
    "Dokumenter du har laget (Word, PDF, kalender) ligger der du lagret dem; "
    "programmet holder ikke oversikt over dem."
)
"""A catalogue message id: show it through `_()`."""
NOT_SAVED = N_("Økten er ikke lagret ennå: den lagres når møtet starter.")


def stored_lines(record: NetworkRecord) -> list[str]:
    lines = [str(path) for path in network_files(record)]
    lines.append(_("{path} (stiene til øktene, uten innhold)").format(path=recent.record_path()))
    return lines


def stored_for_session(path: Path | None) -> tuple[str, list[str]]:
    """The network of the session at `path` and its files; just the file when it has none."""
    if path is None:
        return "", [_(NOT_SAVED)]
    target = path.resolve()
    for record in scan(extra=[target] if target.exists() else []).networks:
        if any(m.path == target for m in record.meetings):
            return record.name, stored_lines(record)
    if target.exists():
        return "", [str(target)]
    return "", [_(NOT_SAVED)]
