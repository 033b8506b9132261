"""The session store: atomic saves, backups, owner-only files, damaged files never lost."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from startpakke.paths import sessions_dir
from startpakke.session.model import (
    SCHEMA_VERSION,
    Action,
    Competence,
    CompetenceCategory,
    Network,
    Note,
    Participant,
    Rule,
    Session,
)
from startpakke.session.paths import (
    backup_path,
    list_sessions,
    most_recent_session,
    new_session_path,
)
from startpakke.session.runstate import PartRun, RunState
from startpakke.session.store import (
    SessionError,
    SessionStore,
    dump_session,
    load_backup,
    load_session,
    save_session,
)

POSIX = os.name == "posix"


def sample_session(text: str = "Vi holder taushetsplikt") -> Session:
    kari = Participant(name="Kari Nordmann", service="Larvik")
    session = Session(network=Network(name="Nettverket Vestfold sør"), participants=[kari])
    session.rules.append(Rule(text=text, proposed_by=kari.id, agreed=True))
    return session


# -- text survives ------------------------------------------------------------------------

HARD_TEXTS = [
    "æøå ÆØÅ",
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85 kontrolltegn",
    "😀👩🏽‍⚕️🇳🇴",
    "שלום עולם مرحبا بالعالم \u202e\u200f",
    "a\ud800b",  # a lone surrogate, as a broken paste can deliver
    "linje 1\r\nlinje 2\u2028linje 3",
    "  mellomrom rundt  ",
    '"sitat" \\ / {json} [liste]',
    "ø" * 10_000,
]

any_text = st.one_of(
    st.text(),
    st.text(st.characters(codec=None), max_size=50),  # includes surrogates
    st.sampled_from(HARD_TEXTS),
)


def session_with(text: str) -> Session:
    """`text` in every kind of field a facilitator types into."""
    person = Participant(name=text, service=text, contact=text, case_title=text)
    session = Session(network=Network(name=text, services=[text], place=text))
    session.participants.append(person)
    session.rules.append(Rule(text=text, proposed_by=person.id))
    session.competences.append(
        Competence(participant=person.id, category=CompetenceCategory.personlig, text=text)
    )
    session.actions.append(Action(what=text, who=text))
    session.notes.append(Note(part="steg-4", text=text))
    session.contract.purpose = text
    session.plan.themes.append(text)
    session.plan.platform = text
    session.run = RunState(
        agenda_id=text, order=[text], parts=[PartRun(id=text, planned_seconds=1)]
    )
    return session


@pytest.mark.parametrize("text", HARD_TEXTS, ids=range(len(HARD_TEXTS)))
def test_hard_text_survives_save_and_load(tmp_path: Path, text: str) -> None:
    session = session_with(text)
    path = tmp_path / "okt.json"
    save_session(session, path)
    assert load_session(path) == session


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_any_text_survives_save_and_load(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("prop") / "okt.json"
    session = session_with(text)
    save_session(session, path)
    loaded = load_session(path)
    assert loaded == session
    assert loaded.rules[0].text == text
    assert loaded.participants[0].name == text


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(any_text, min_size=1, max_size=6))
def test_store_autosave_round_trip(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    path = tmp_path_factory.mktemp("store") / "okt.json"
    store = SessionStore.create(path, Session())
    for text in texts:
        store.session.rules.append(Rule(text=text))
        assert store.autosave()
    assert [r.text for r in SessionStore.open(path).session.rules] == texts


def test_file_is_readable_utf8_json(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(sample_session("Blåbærsyltetøy"), path)
    raw = path.read_bytes()
    assert "Blåbærsyltetøy".encode() in raw
    assert json.loads(raw)["schema_version"] == SCHEMA_VERSION


# -- files and folders --------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_new_files_and_folders_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "ny" / "mappe"
    path = folder / "okt.json"
    save_session(sample_session(), path)
    save_session(sample_session("to"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    for number in range(3):
        save_session(sample_session(f"versjon {number}"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["okt.json", "okt.json.bak"]


def test_saving_through_a_symlink_updates_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "ekte.json"
    save_session(sample_session("en"), real)
    link = tmp_path / "lenke.json"
    link.symlink_to(real)
    save_session(sample_session("to"), link)
    assert link.is_symlink()
    assert load_session(real).rules[0].text == "to"


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unwritable_folder_gives_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "låst"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SessionError, match="Kunne ikke lagre økten"):
            save_session(sample_session(), folder / "okt.json")
    finally:
        folder.chmod(0o700)


def test_folder_that_is_a_file_gives_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "fil.txt"
    blocker.write_text("x")
    with pytest.raises(SessionError, match="Kunne ikke lagre økten"):
        save_session(sample_session(), blocker / "okt.json")
    assert blocker.read_text() == "x"


# -- backups ------------------------------------------------------------------------------


def test_backup_holds_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(sample_session("første"), path)
    assert not backup_path(path).exists()
    save_session(sample_session("andre"), path)
    assert load_backup(path).rules[0].text == "første"
    save_session(sample_session("tredje"), path)
    assert load_backup(path).rules[0].text == "andre"
    assert load_session(path).rules[0].text == "tredje"


def test_damaged_file_with_good_backup_points_to_it(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(sample_session("første"), path)
    save_session(sample_session("andre"), path)
    path.write_bytes(path.read_bytes()[:50])
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert caught.value.backup == backup_path(path)
    assert caught.value.path == path
    assert "Forrige gode kopi finnes" in str(caught.value)


def test_damaged_backup_is_not_offered(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    path.write_text("{", encoding="utf-8")
    backup_path(path).write_text("også ødelagt", encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert caught.value.backup is None


def test_restore_backup_keeps_the_damaged_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(sample_session("god"), path)
    save_session(sample_session("nyere"), path)
    path.write_bytes(b'{"schema_version": 2, "rules": [')
    store = SessionStore.restore_backup(path)
    assert store.session.rules[0].text == "god"
    assert load_session(path).rules[0].text == "god"
    kept = [p for p in tmp_path.iterdir() if ".skadet-" in p.name]
    assert len(kept) == 1
    assert kept[0].read_bytes() == b'{"schema_version": 2, "rules": ['
    # the good backup was not replaced by the damaged file
    assert load_backup(path).rules[0].text == "god"


# -- damaged and foreign files --------------------------------------------------------------


def _valid_bytes() -> bytes:
    return dump_session(sample_session())


def _truncated() -> bytes:
    raw = _valid_bytes()
    return raw[: len(raw) // 2]


def _wrong_type() -> bytes:
    data = json.loads(_valid_bytes())
    data["rules"][0]["agreed"] = "kanskje"
    data["participants"][0]["name"] = 42
    return json.dumps(data).encode()


def _future() -> bytes:
    data = json.loads(_valid_bytes())
    data["schema_version"] = 7
    return json.dumps(data).encode()


DAMAGED = {
    "truncated": (_truncated, ["ikke gyldig JSON", "avkortet"]),
    "wrong-type": (
        _wrong_type,
        [
            "feil innhold",
            "2 problemer",
            "rules[0].agreed: må være true eller false",
            "participants[0].name: må være tekst, fikk 42 (sett anførselstegn rundt teksten)",
        ],
    ),
    "future": (_future, ["nyere versjon av startpakke (format 7)", "Oppdater startpakke"]),
    "empty": (lambda: b"", ["er tom"]),
    "not-json": (lambda: b"Dette er et Word-dokument", ["ikke gyldig JSON", ":1:1:"]),
    "list": (lambda: b"[1, 2, 3]", ["ikke en øktfil"]),
    "agenda": (lambda: b'{"id": "x", "parts": []}', ["ikke en øktfil"]),
    "binary": (lambda: b"\xff\xfe\x00\x01", ["ikke UTF-8"]),
    "unknown-field": (
        lambda: _valid_bytes().replace(b'"agenda_id"', b'"agenda_idd"'),
        ["(hele filen): ukjent felt «agenda_idd» (mente du «agenda_id»?)"],
    ),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_damaged_file_gives_its_message_and_is_left_untouched(tmp_path: Path, case: str) -> None:
    make, words = DAMAGED[case]
    path = tmp_path / "okt.json"
    content = make()
    path.write_bytes(content)

    with pytest.raises(SessionError) as caught:
        load_session(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message
    assert "Traceback" not in message

    with pytest.raises(SessionError, match="blir ikke overskrevet"):
        save_session(sample_session(), path)
    with pytest.raises(SessionError):
        SessionStore.create(path)
    with pytest.raises(SessionError):
        SessionStore.open(path)
    store = SessionStore(path, sample_session())
    with pytest.raises(SessionError):
        store.save()
    assert path.read_bytes() == content
    assert not backup_path(path).exists()


def test_truncated_message_has_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    path.write_bytes(_truncated())
    with pytest.raises(SessionError) as caught:
        load_session(path)
    first = str(caught.value).splitlines()[0]
    assert first.startswith(f"{path}:")
    line, column = first[len(str(path)) + 1 :].split(":")[:2]
    assert int(line) > 1 and int(column) >= 1


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="Fant ikke øktfilen"):
        load_session(tmp_path / "finnes-ikke.json")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="er en mappe"):
        load_session(tmp_path)


def test_overwrite_damaged_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    path.write_bytes("{ødelagt".encode())
    save_session(sample_session("ny"), path, overwrite_damaged=True)
    assert load_session(path).rules[0].text == "ny"
    assert not backup_path(path).exists()  # a damaged file never becomes the backup
    kept = [p for p in tmp_path.iterdir() if ".skadet-" in p.name]
    assert [p.read_bytes() for p in kept] == ["{ødelagt".encode()]


def test_create_refuses_an_existing_good_session(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(sample_session("viktig"), path)
    with pytest.raises(SessionError, match="finnes fra før"):
        SessionStore.create(path)
    assert load_session(path).rules[0].text == "viktig"


# -- the store ----------------------------------------------------------------------------


def test_autosave_writes_only_changes(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    store = SessionStore.create(path, sample_session())
    assert not store.autosave()
    store.session.rules[0].agreed = False
    assert store.autosave()
    assert not store.autosave()
    assert load_session(path).rules[0].agreed is False
    assert load_backup(path).rules[0].agreed is True


def test_autosave_rewrites_a_file_deleted_behind_its_back(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    store = SessionStore.create(path, sample_session())
    path.unlink()
    assert store.autosave()
    assert load_session(path) == store.session


def test_store_refuses_to_overwrite_a_file_damaged_behind_its_back(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    store = SessionStore.create(path, sample_session())
    path.write_bytes(b"noe annet")
    store.session.rules[0].text = "endret"
    with pytest.raises(SessionError):
        store.autosave()
    assert path.read_bytes() == b"noe annet"


def test_apply_runs_the_edit_and_saves(tmp_path: Path) -> None:
    from startpakke.session.edit import add_rule

    path = tmp_path / "okt.json"
    store = SessionStore.create(path)
    rule = store.apply(add_rule, "Vi starter presis")
    assert load_session(path).rules == [rule]


def test_open_removes_temporaries_of_a_killed_save(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    save_session(sample_session(), path)
    stale = tmp_path / ".okt.json.abc123.tmp"
    stale.write_bytes(b'{"schema_version": 2, "ru')
    other = tmp_path / ".annen.json.abc123.tmp"
    other.write_bytes(b"")
    SessionStore.open(path)
    assert not stale.exists()
    assert other.exists()


def test_updated_at_follows_saves(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    store = SessionStore.create(path, sample_session())
    first = store.session.updated_at
    store.session.rules[0].text = "ny"
    store.save()
    assert store.session.updated_at >= first
    assert load_session(path).updated_at == store.session.updated_at


# -- paths --------------------------------------------------------------------------------


def test_data_folder_is_the_test_folder(_private_data_dir: Path) -> None:
    assert sessions_dir() == _private_data_dir / "sessions"


def test_new_session_path_is_dated_slugged_and_unique() -> None:
    first = new_session_path("Barnevernledernettverket Vestfold sør", date(2026, 3, 10))
    assert first.parent == sessions_dir()
    assert first.name == "2026-03-10-barnevernledernettverket-vestfold-sor.json"
    SessionStore.create(first, sample_session())
    second = new_session_path("Barnevernledernettverket Vestfold sør", date(2026, 3, 10))
    assert second.name == "2026-03-10-barnevernledernettverket-vestfold-sor-2.json"
    assert new_session_path("", date(2026, 3, 10)).name == "2026-03-10-nettverk.json"


def test_list_and_most_recent_ignore_backups_and_temporaries() -> None:
    assert list_sessions() == []
    assert most_recent_session() is None
    older = sessions_dir() / "2026-01-01-a.json"
    newer = sessions_dir() / "2026-02-01-b.json"
    save_session(sample_session(), older)
    save_session(sample_session(), newer)
    save_session(sample_session("igjen"), older)  # makes a .bak
    (sessions_dir() / ".2026-02-01-b.json.xyz.tmp").write_text("{")
    (sessions_dir() / "notat.txt").write_text("x")
    os.utime(newer, ns=(2_000_000_000_000_000_000, 2_000_000_000_000_000_000))
    os.utime(older, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    assert list_sessions() == [newer, older]
    assert most_recent_session() == newer
