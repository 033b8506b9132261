"""`startpakke run`: decide agenda and session, then open the facilitator's app.

Everything that can go wrong with files (a bad agenda, a damaged session, a path that
cannot be written) is settled here, before a window opens, with a Norwegian message and
exit code 1. The app is never started over a session file that could not be read.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from startpakke.errors import UserError, report


def _ask_yes(question: str) -> bool:
    """Ask on the terminal; without one (a script, CI) the answer is no."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} (j/n) ")
    except EOFError:
        return False
    return answer.strip().lower() in {"j", "ja", "y", "yes"}


def _open_existing(path: Path):  # type: ignore[no-untyped-def]
    """Open a session file; a damaged one offers its backup and is never overwritten."""
    from startpakke.session.store import SessionError, SessionStore

    try:
        return SessionStore.open(path)
    except SessionError as err:
        print(str(err), file=sys.stderr)
        if err.backup is None:
            print("Filen er ikke endret. Rett den, eller start en ny økt.", file=sys.stderr)
            raise SystemExit(1) from None
        if _ask_yes("Vil du fortsette fra forrige gode kopi? Den skadde filen legges til side."):
            return SessionStore.restore_backup(path)
        print(
            "Filen er ikke endret. Svar «j» for å fortsette fra kopien, eller kopier "
            f"{err.backup} til en ny fil og åpne den med --session.",
            file=sys.stderr,
        )
        raise SystemExit(1) from None


def _run_state_restores(store, agenda) -> bool:  # type: ignore[no-untyped-def]
    """Check that the saved run fits the agenda before a window opens.

    A damaged or outdated run state is reported; the facilitator may start the meeting
    again from the beginning with everything captured kept. Otherwise nothing is changed.
    """
    from startpakke.engine import RunEngine

    try:
        RunEngine.from_state(store.session.run, agenda, store.session, count_closed_time=False)
    except ValueError as err:
        print(
            f"{store.path}: {err}. Alt som er skrevet ned (deltakere, regler, kompetanse, "
            "plan …) er i orden.",
            file=sys.stderr,
        )
        if _ask_yes("Vil du starte møtet på nytt fra begynnelsen, med alt som er skrevet ned?"):
            return False
        raise UserError("Filen er ikke endret.") from None
    return True


def _prepare(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.resources import resolve_agenda
    from startpakke.session import paths
    from startpakke.session.edit import participants_from_names
    from startpakke.session.model import Session
    from startpakke.session.store import SessionStore

    agenda_given = args.agenda
    store = None
    if args.resume and not args.session:
        recent = paths.most_recent_session()
        if recent is None:
            raise UserError(
                "Fant ingen tidligere økt å fortsette. Start et nytt møte med «startpakke»."
            )
        store = _open_existing(recent)
    elif args.session and Path(args.session).exists():
        store = _open_existing(Path(args.session))

    if store is not None:
        session = store.session
        # A saved meeting keeps its own agenda unless another is named explicitly.
        agenda_name = session.agenda if agenda_given == "startpakke" else agenda_given
        agenda = load_agenda_cached(resolve_agenda(agenda_name))
        if args.names and not session.participants:
            session.participants = participants_from_names(args.names)
        if not session.run:
            return agenda, store, False
        saved_for = session.run.agenda_id
        if saved_for != agenda.id:
            # Starting another agenda here would replace the saved run and its times.
            raise UserError(
                f"Økten {store.path} ble kjørt med agendaen «{saved_for}», ikke «{agenda.id}». "
                "Åpne den uten --agenda, eller start en ny økt. Filen er ikke endret."
            )
        if not _run_state_restores(store, agenda):
            session.run = None
        return agenda, store, bool(session.run)

    agenda = load_agenda_cached(resolve_agenda(agenda_given))
    session = Session(agenda=agenda_given, agenda_id=agenda.id)
    if args.from_session:
        from startpakke.session.followup import followup_session

        session = followup_session(Path(args.from_session), agenda_given, agenda.id)
    if args.names:
        session.participants = participants_from_names(args.names)
    if args.session:
        path = Path(args.session)
    else:
        paths.ensure_private_dir(paths.sessions_dir())
        path = paths.new_session_path(agenda.id, date.today())
    store = SessionStore.create(path, session)
    return agenda, store, False


def run(args: argparse.Namespace) -> int:
    try:
        agenda, store, resume = _prepare(args)
    except UserError as err:
        return report(err)

    from startpakke.tui.app import StartpakkeApp, Startup

    startup = Startup(
        agenda=agenda,
        session=store.session,
        save=lambda _session: store.save(),
        session_path=store.path,
        resume=resume,
        projector=bool(args.projektor),
        bell=not args.no_bell,
    )
    app = StartpakkeApp(startup)
    try:
        app.run()
    except UserError as err:
        return report(err)
    if app.return_code:  # the app failed (Textual has shown why): claim nothing
        return app.return_code
    # Later meetings (issue 6): closing a revision meeting (agenda kind «revisjon», started
    # with --from) records the contract's new version, revision date and what changed.
    from startpakke.session.revision import finish_revision_meeting

    try:
        revised = finish_revision_meeting(store, agenda)
    except UserError as err:
        return report(err)
    if revised:
        print(revised)
    print(f"Økten er lagret i {store.path}")
    print(f"Fortsett med: startpakke run --session {store.path}")
    return app.return_code or 0
