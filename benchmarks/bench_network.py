"""The network's year as whole processes: `network show` and `network report` over a generated
network of 12 meetings, against `export` of one session (issue 18: the year must cost less
than three single exports)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from common import EXAMPLE, PYTHON, Figure, alternate, checked, child_env, cpu_note, median

MEETINGS = 12
TARGET = 3.0
NETWORK = [PYTHON, "-m", "startpakke", "network"]


def write_network(data: Path, meetings: int = MEETINGS) -> None:
    """A founding meeting (the example) and kollegaveiledning/revision follow-ups, each from
    the one before, in `data`/sessions — as `run --network` makes them."""
    import os

    os.environ["STARTPAKKE_DATA_DIR"] = str(data)
    from startpakke.paths import ensure_private_dir, sessions_dir
    from startpakke.session.followup import followup_session
    from startpakke.session.model import FocusRound
    from startpakke.session.store import load_session, save_session

    folder = ensure_private_dir(sessions_dir())
    previous = folder / "2026-02-10-startpakke.json"
    save_session(load_session(EXAMPLE), previous)
    day = date(2026, 2, 10)
    for index in range(1, meetings):
        day += timedelta(days=28)
        kind = "revisjon" if index % 6 == 0 else "kollegaveiledning"
        session = followup_session(previous, kind, kind, agenda_kind=kind, today=day)
        people = session.participants
        if kind == "kollegaveiledning":
            session.focus_rounds = [
                FocusRound(participant=people[(index + k) % len(people)].id) for k in range(3)
            ]
            session.timekeeper = people[(index + 3) % len(people)].id
        people[index % len(people)].present = False
        path = folder / f"{day.isoformat()}-{kind}.json"
        save_session(session, path)
        previous = path


def year(runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as name:
        folder = Path(name)
        data = folder / "data"
        write_network(data)
        env = {**child_env(), "STARTPAKKE_DATA_DIR": str(data)}
        export, show, report = alternate(
            runs,
            checked(
                [PYTHON, "-m", "startpakke", "export", str(EXAMPLE), "-o", str(folder / "k.docx")],
                env=env,
            ),
            checked([*NETWORK, "show", "vestfold"], env=env),
            checked([*NETWORK, "report", "vestfold", "-o", str(folder / "rapport.docx")], env=env),
        )
    figures = []
    for label, result in (("network show", show), ("network report", report)):
        figure = Figure(
            "nettverk",
            f"{label}, {MEETINGS} møter",
            median(result.seconds),
            "s",
            median(export.seconds),
            "export, én økt",
            target=f"< {TARGET:g}×",
            n=runs,
            note=cpu_note(result, export),
        )
        figure.passed = figure.ratio is not None and figure.ratio < TARGET
        figures.append(figure)
    return figures
