"""A network is a thing the program knows: ids, old files without one, finding and naming."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from startpakke.errors import UserError
from startpakke.network import recent
from startpakke.network.catalog import scan
from startpakke.session.store import load_session, save_session
from tests.network_fixtures import followup, founding, save_in_data_folder


def _strip_network_id(path: Path) -> None:
    """Make the file look like one written before `network.id` existed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["network"]["id"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_old_founding_meeting_and_its_followups_are_one_network(tmp_path: Path) -> None:
    first = save_in_data_folder(founding(with_id=False), "2026-02-10-startpakke")
    _strip_network_id(first)
    second = followup(first, date(2026, 3, 10))
    second.network.id = ""  # made with --from before this change
    second_path = save_in_data_folder(second, "2026-03-10-kollegaveiledning")
    _strip_network_id(second_path)
    # The third lives outside the data folder and is known by its remembered path.
    third = followup(second_path, date(2026, 5, 10))
    elsewhere = tmp_path / "mappe" / "mai.json"
    save_session(third, elsewhere)
    recent.remember(elsewhere, running=True)

    catalog = scan()
    assert len(catalog.networks) == 1
    network = catalog.networks[0]
    assert network.id == load_session(first).id  # derived: the founding meeting's own id
    assert [m.path for m in network.meetings] == [first, second_path, elsewhere.resolve()]
    assert third.network.id == network.id  # the follow-up carried the derived id
    assert network.problems == []
    # Derived the same way every time, and nothing was written.
    assert scan().networks[0].id == network.id
    assert "id" not in json.loads(first.read_text(encoding="utf-8"))["network"]


def test_a_broken_link_makes_its_own_network_and_says_which_file(tmp_path: Path) -> None:
    outside = tmp_path / "borte.json"
    save_session(founding(with_id=False), outside)
    orphan = followup(outside, date(2026, 3, 10))
    orphan.network.id = ""
    path = save_in_data_folder(orphan, "2026-03-10-kollegaveiledning")
    outside.unlink()
    network = scan().networks[0]
    assert network.id == orphan.id
    assert network.problems == [f"{path.resolve()}: forrige økt mangler ({outside})."]


def test_names_resolve_by_part_case_insensitively_or_by_id() -> None:
    save_in_data_folder(founding("Nettverk Vestfold sør"), "a")
    save_in_data_folder(founding("Nettverk Vestland"), "b")
    save_in_data_folder(founding("Telemark"), "c")
    catalog = scan()
    assert catalog.resolve("vestfold").name == "Nettverk Vestfold sør"
    assert catalog.resolve("TELE").name == "Telemark"
    vestland = catalog.resolve("vestland")
    assert catalog.resolve(vestland.id) is vestland
    with pytest.raises(UserError) as ambiguous:
        catalog.resolve("vest")
    assert "passer til flere nettverk" in str(ambiguous.value)
    assert "Nettverk Vestfold sør" in str(ambiguous.value)
    assert "Nettverk Vestland" in str(ambiguous.value)
    with pytest.raises(UserError) as unknown:
        catalog.resolve("finnmark")
    assert "Fant ikke nettverket «finnmark»" in str(unknown.value)
    assert "Telemark" in str(unknown.value)


def test_disagreeing_sessions_are_shown_with_the_file_and_nothing_is_lost() -> None:
    first = save_in_data_folder(founding(), "2026-02-10-startpakke")
    copy = save_in_data_folder(load_session(first), "2026-02-10-startpakke-2")
    later = save_in_data_folder(followup(first, date(2026, 3, 10)), "2026-03-10-kv")
    # A damaged file with a good backup belongs to its network; one without stands alone.
    save_session(load_session(later), later)  # now `.bak` exists
    later.write_text("{ halv fil", encoding="utf-8")
    loose = save_in_data_folder(founding("Annet"), "2026-04-01-x")
    loose.write_text("[]", encoding="utf-8")

    catalog = scan()
    assert [n.name for n in catalog.networks] == ["Nettverk Vestfold"]
    network = catalog.networks[0]
    assert {m.path for m in network.meetings} == {first, copy}  # the damaged one loses nothing
    assert any("To eller flere oppstartsmøter" in p and str(copy) in p for p in network.problems)
    assert any(p.startswith(f"{later}: skadet fil") for p in network.problems)
    assert [d.path for d in catalog.damaged] == [loose]
    assert later.read_text(encoding="utf-8") == "{ halv fil"  # read only


def test_two_meetings_on_one_day_are_two_session_files() -> None:
    from startpakke.paths import sessions_dir
    from startpakke.session import paths

    first = save_in_data_folder(founding(), "2026-12-01-kollegaveiledning")
    assert first == sessions_dir() / "2026-12-01-kollegaveiledning.json"
    second = paths.new_session_path("kollegaveiledning", date(2026, 12, 1))
    assert second.name == "2026-12-01-kollegaveiledning-2.json"


def test_an_empty_session_is_no_meeting() -> None:
    from startpakke.session.model import Session

    save_in_data_folder(Session(), "2026-12-01-startpakke")
    assert scan().networks == []


def test_run_network_starts_from_the_latest_good_meeting_and_says_what_is_wrong(
    tmp_path: Path,
) -> None:
    from startpakke.cli import build_parser
    from startpakke.commands.run import _prepare

    first = save_in_data_folder(founding(), "2026-02-10-startpakke")
    later = save_in_data_folder(followup(first, date(2026, 3, 10)), "2026-03-10-kv")
    save_session(load_session(later), later)
    later.write_text("{ halv fil", encoding="utf-8")
    args = build_parser().parse_args(
        [
            "run",
            "--agenda",
            "kollegaveiledning",
            "--network",
            "vestfold",
            "--session",
            str(tmp_path / "ny.json"),
        ]
    )
    _agenda, store, resume = _prepare(args)
    assert store.session.previous_session == str(first.resolve()) and not resume
    assert store.session.network.id == founding().network.id
    assert len(args.notices) == 1
    assert args.notices[0].startswith(f"Nettverket «Nettverk Vestfold»: {later}: skadet fil")
    assert later.read_text(encoding="utf-8") == "{ halv fil"
