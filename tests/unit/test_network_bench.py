"""The benchmark's generated network is what it claims: 12 meetings of one network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_the_generated_network_has_twelve_meetings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    from bench_network import MEETINGS, write_network

    from startpakke.network.catalog import scan

    data = Path(os.environ["STARTPAKKE_DATA_DIR"])
    write_network(data)
    networks = scan().networks
    assert len(networks) == 1 and len(networks[0].meetings) == MEETINGS == 12
    assert networks[0].problems == []
    assert {m.session.agenda_id for m in networks[0].meetings} == {
        "startpakke",
        "kollegaveiledning",
        "revisjon",
    }
