"""`startpakke run`: decide agenda and session, then open the facilitator's app.

Everything that can go wrong with files (a bad agenda, a damaged session, a path that
cannot be written) is settled here, before a window opens, with a Norwegian message and
exit code 1. The app is never started over a session file that could not be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path

from startpakke.errors import UserError, report
from startpakke.i18n import _


def _ask_yes(question: str, *, default: bool = False) -> bool:
    """Ask on the terminal; without one (a script, CI) the answer is no. `default`: what
    Enter alone answers (shown as the capital letter)."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} {'(J/n)' if default else '(j/n)'} ")
    except EOFError:
        return False
    answer = answer.strip().lower()
    if not answer:
        return default
    return answer in {"j", "ja", "y", "yes"}


_HELD: list = []  # type: ignore[type-arg]  # the locks this command holds (see _take_lock)


class OpenElsewhere(Exception):
    """The session is open for writing in another window and the user chose to follow it."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def _take_lock(path: Path):  # type: ignore[no-untyped-def]
    """Lock `path` for this window, or say it is open elsewhere and offer to follow it.

    Nothing is written to a session another window holds: the choice is to watch it
    read-only (the projector's view, which follows every save) or to quit.
    """
    from startpakke.paths import ensure_private_dir
    from startpakke.session.lock import SessionLock, SessionLocked

    try:
        if not path.parent.exists():  # a new session in a new folder: as `create` would
            ensure_private_dir(path.parent)
        lock = SessionLock.acquire(path)
    except SessionLocked as err:
        print(
            _(
                "Møtet i {path} er allerede åpent i et annet vindu {describe}. Bare "
                "ett vindu kan skrive i en økt; dette vinduet endrer ingenting."
            ).format(path=path, describe=err.owner.describe()),
            file=sys.stderr,
        )
        if _ask_yes(_("Vil du åpne møtet skrivebeskyttet og følge med, som på projektoren?")):
            raise OpenElsewhere(path) from None
        raise UserError(
            _("Avsluttet uten å åpne møtet. Bruk vinduet der møtet er åpent, eller lukk det først.")
        ) from None
    except OSError as err:
        from startpakke.errors import os_reason

        raise UserError(
            _("Kunne ikke låse øktfilen {path}: {reason}.").format(path=path, reason=os_reason(err))
        ) from None
    _HELD.append(lock)
    return lock


def _release_locks() -> None:
    """Give back every lock this command took (the app has closed, or never opened)."""
    while _HELD:
        _HELD.pop().release()


def _refuse_read_only(path: Path) -> None:
    """A session file made read-only is not written: offer to follow it, or quit.

    The owner's write bit is what is asked (root may write anything, but a file someone
    made read-only says «do not change this»).
    """
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return  # opening it says what is wrong
    if mode & stat.S_IWUSR and os.access(path, os.W_OK):
        return
    print(
        _("Øktfilen {path} er skrivebeskyttet, så dette vinduet endrer den ikke.").format(
            path=path
        ),
        file=sys.stderr,
    )
    if _ask_yes(_("Vil du åpne møtet skrivebeskyttet og følge med, som på projektoren?")):
        raise OpenElsewhere(path)
    raise UserError(
        _(
            "Avsluttet uten å åpne møtet. Gjør filen skrivbar (chmod u+w), eller "
            "kopier den og åpne kopien med --session."
        )
    )


def _open_existing(path: Path):  # type: ignore[no-untyped-def]
    """Lock and open a session file; a damaged one offers its backup, never overwritten."""
    from startpakke.session.store import SessionError, SessionStore
    from startpakke.text import scrub_controls

    _refuse_read_only(path)
    lock = _take_lock(path)
    try:
        store = SessionStore.open(path)
        scrub_controls(store.session)  # shown on the run screen: no terminal escapes
        store.lock = lock
        return store
    except SessionError as err:
        print(str(err), file=sys.stderr)
        if err.backup is None:
            print(_("Filen er ikke endret. Rett den, eller start en ny økt."), file=sys.stderr)
            raise SystemExit(1) from None
        if _ask_yes(_("Vil du fortsette fra forrige gode kopi? Den skadde filen legges til side.")):
            store = SessionStore.restore_backup(path)
            store.lock = lock
            return store
        print(
            _(
                "Filen er ikke endret. Svar «j» for å fortsette fra kopien, eller kopier "
                "{backup} til en ny fil og åpne den med --session."
            ).format(backup=err.backup),
            file=sys.stderr,
        )
        raise SystemExit(1) from None


def _offer_unfinished() -> Path | None:
    """A plain start after a meeting stopped halfway (a crash, a closed lid, a quit for
    lunch): say so and offer to continue it, Enter meaning yes. Without a terminal to ask
    on, only say how to continue it, and start the new meeting."""
    from startpakke.network.start import unfinished_meeting

    found = unfinished_meeting()
    if found is None or found.running is None:
        return None
    from startpakke.view.format import clock_time

    try:  # the last save, not when the program was opened (the record's time)
        saved = datetime.fromtimestamp(found.path.stat().st_mtime).astimezone()
    except OSError:
        saved = found.running.astimezone()
    time = clock_time(saved)
    when = (
        _("kl. {time}").format(time=time)
        if saved.date() == date.today()
        else _("{day} kl. {time}").format(day=f"{saved.day}.{saved.month}.", time=time)
    )
    print(
        # The path on a line of its own: a long one wraps on its own line, not mid-sentence.
        _("Møtet er ikke avsluttet (sist lagret {when}):").format(when=when),
        f"  {found.path}",
        sep="\n",
        file=sys.stderr,
    )
    if _ask_yes(_("Vil du fortsette det?"), default=True):
        return found.path
    print(
        _("Starter et nytt møte."),
        _("Det andre fortsetter du senere med «startpakke run --resume»."),
        sep="\n",
        file=sys.stderr,
    )
    return None


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
            _(
                "{path}: {err}. Alt som er skrevet ned (deltakere, regler, kompetanse, "
                "plan …) er i orden."
            ).format(path=store.path, err=err),
            file=sys.stderr,
        )
        if _ask_yes(_("Vil du starte møtet på nytt fra begynnelsen, med alt som er skrevet ned?")):
            return False
        raise UserError(_("Filen er ikke endret.")) from None
    return True


def _prepare(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.paths import ensure_private_dir, sessions_dir
    from startpakke.resources import resolve_agenda
    from startpakke.session import paths
    from startpakke.session.edit import participants_from_names
    from startpakke.session.model import Session, new_id
    from startpakke.session.store import SessionStore
    from startpakke.text import scrub_controls

    agenda_given = args.agenda
    store = None
    network_name = getattr(args, "network", None)
    if network_name and args.from_session:
        raise UserError(_("Bruk enten --network eller --from, ikke begge."))
    if args.resume and not args.session:
        from startpakke.network.start import meeting_to_resume

        recent = meeting_to_resume()
        if recent is None:
            raise UserError(
                _("Fant ingen tidligere økt å fortsette. Start et nytt møte med «startpakke».")
            )
        store = _open_existing(recent)
    elif args.session and Path(args.session).exists():
        store = _open_existing(Path(args.session))
    elif agenda_given == "startpakke" and not (args.session or args.from_session or network_name):
        unfinished = _offer_unfinished()
        if unfinished is not None:
            store = _open_existing(unfinished)

    if store is not None:
        session = store.session
        _adopt_network_id(session)
        # A saved meeting keeps its own agenda unless another is named explicitly.
        agenda_name = session.agenda if agenda_given == "startpakke" else agenda_given
        agenda = load_agenda_cached(resolve_agenda(agenda_name))
        if args.names and not session.participants:
            session.participants = participants_from_names(args.names)
            scrub_controls(session)
        if not session.run:
            return agenda, store, False
        saved_for = session.run.agenda_id
        if saved_for != agenda.id:
            # Starting another agenda here would replace the saved run and its times.
            raise UserError(
                _(
                    "Økten {path} hører til agendaen «{saved_for}», ikke «{id}». Åpne den "
                    "uten --agenda, eller start en ny økt. Filen er ikke endret."
                ).format(path=store.path, saved_for=saved_for, id=agenda.id)
            )
        if not _run_state_restores(store, agenda):
            session.run = None
        return agenda, store, bool(session.run)

    agenda = load_agenda_cached(resolve_agenda(agenda_given))
    session = Session(agenda=agenda_given, agenda_id=agenda.id)
    session.network.id = new_id()  # a founding meeting starts a network
    previous = Path(args.from_session) if args.from_session else None
    if network_name:
        from startpakke.network.catalog import scan

        record = scan().resolve(network_name)
        previous = record.latest.path
        # What is wrong among its files is said (at start-up and on the way out), never fixed.
        args.notices = [f"Nettverket «{record.name}»: {line}" for line in record.problems]
    if previous is not None:
        from startpakke.network.start import next_session

        session = next_session(previous, agenda, agenda_given)
    if args.names:
        session.participants = participants_from_names(args.names)
    if args.session:
        path = Path(args.session)
    else:
        ensure_private_dir(sessions_dir())
        path = paths.new_session_path(agenda.id, date.today())
    lock = _take_lock(path)
    # Names from the command line and what came along from the last meeting are shown on
    # the setup and run screens: no terminal escapes (as `_open_existing` does for a file).
    scrub_controls(session)
    # The file is written when the meeting starts: quitting the first screen leaves none.
    store = SessionStore.pending(path, session)
    store.lock = lock
    return agenda, store, False


def _retention_notices() -> list[str]:
    """Networks past their retention date; never a reason not to start the meeting."""
    from startpakke.network.retention import notices

    try:
        return notices()
    except (OSError, ValueError):
        return []


def _adopt_network_id(session) -> None:  # type: ignore[no-untyped-def]
    """A file from before `network.id` gets its derived id (stored at the next save)."""
    if not session.network.id:
        from startpakke.network.identity import load_lookup, network_id

        session.network.id = network_id(session, load_lookup())


def _saver(store):  # type: ignore[no-untyped-def]
    """Save, and remember the file's path the first time a meeting runs in it, and again
    each time it reaches its end or leaves it (a plain start offers an unfinished one)."""
    from startpakke.network import recent

    remembered: bool | None = None  # whether the meeting was finished when last remembered

    def save(session) -> None:  # type: ignore[no-untyped-def]
        nonlocal remembered
        store.save()
        if session.run and session.run.finished is not remembered:
            recent.remember(store.path, running=True, finished=session.run.finished)
            remembered = session.run.finished

    return save


def _follow_read_only(path: Path) -> int:
    """The projector's terminal view of a session another window writes."""
    from startpakke.projector.room import Room, RoomError

    room = Room(path)
    try:
        room.open()
    except RoomError as err:
        return report(UserError(str(err)))
    from startpakke.tui.projector_app import ProjectorApp

    ProjectorApp(room).run()
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        try:
            agenda, store, resume = _prepare(args)
        except OpenElsewhere as elsewhere:
            _release_locks()
            return _follow_read_only(elsewhere.path)
        except UserError as err:
            return report(err)
        return _run_app(args, agenda, store, resume)
    finally:
        _release_locks()


def startup_for(args: argparse.Namespace, agenda, store, resume: bool):  # type: ignore[no-untyped-def]
    """What the app starts with for `run` with `args`, once `_prepare` has given the agenda,
    the session's store (with the lock it took) and whether to ask about resuming.

    The tests (tests/tui_helpers.py `open_app`) and the benchmarks start the app through
    this too, so they run with the command's own saver, lock and notices.
    """
    from startpakke.tui.app import Startup

    return Startup(
        agenda=agenda,
        session=store.session,
        save=_saver(store),
        session_path=store.path,
        resume=resume,
        projector=bool(args.projektor),
        bell=not args.no_bell,
        crashed=store.lock is None or store.lock.took_over,
        # lagringsbegrensning: said at start-up, and again on the way out
        notices=list(getattr(args, "notices", [])),
        later_notices=_retention_notices,
        release=_release_locks,
    )


def _run_app(args: argparse.Namespace, agenda, store, resume: bool) -> int:  # type: ignore[no-untyped-def]
    from startpakke.tui.app import StartpakkeApp

    startup = startup_for(args, agenda, store, resume)
    app = StartpakkeApp(startup)
    try:
        app.run()
    except UserError as err:
        return report(err)
    if app.return_code:  # the app failed (Textual has shown why): claim nothing
        return app.return_code
    if not app.later_notices_shown:  # it ended before its first frame
        startup.notices.extend(startup.later_notices())
    overdue = startup.notices
    unsaved = app.save_problem is not None or app.saved_copy is not None
    if not unsaved and not store.path.exists():  # quit on the first screen: nothing written
        from startpakke.session.drafts import draft_path, save_drafts

        for line in overdue:
            print(line, file=sys.stderr)
        if app.quit_by_signal and draft_path(store.path).exists():
            # The window closed, nobody chose to quit: what was typed is offered next time.
            print(
                _(
                    "Møtet ble ikke startet. Det du skrev, er tatt vare på og hentes tilbake "
                    "når du åpner {path} igjen."
                ).format(path=store.path)
            )
            return 0
        save_drafts(store.path, {})  # nor what was typed there (no drafts: no file)
        print(_("Møtet ble ikke startet; ingen økt er lagret."))
        return 0
    # Later meetings (issue 6): closing a revision meeting (agenda kind «revisjon», started
    # with --from) records the contract's new version, revision date and what changed.
    from startpakke.session.revision import finish_revision_meeting

    try:
        revised = finish_revision_meeting(store, agenda)
    except UserError as err:
        return report(err)
    if revised:
        print(revised)
    for line in overdue:
        print(line, file=sys.stderr)
    return _last_words(app, store.path)


def _last_words(app, path: Path) -> int:  # type: ignore[no-untyped-def]
    """The last lines printed, and true: where the session is, or that it is not saved."""
    if app.saved_copy is not None:
        print(
            _("Økten er lagret i {saved_copy} (ikke i {path}: {save_problem})").format(
                saved_copy=app.saved_copy, path=path, save_problem=app.save_problem
            )
        )
        print(
            _("Fortsett med: startpakke run --session {saved_copy}").format(
                saved_copy=app.saved_copy
            )
        )
        return 0
    if app.save_problem is not None:
        how = (
            _("Avsluttet uten å lagre")
            if app.quit_choice == "discard"
            else _("Økten er IKKE lagret")
        )
        print(f"{how}: {app.save_problem}", file=sys.stderr)
        if path.is_file():
            kept = _(
                "Det som sist ble lagret, ligger i {path}; de siste endringene er tapt."
            ).format(path=path)
        else:
            kept = _("{path} finnes ikke lenger; ingenting fra denne økten er lagret der.").format(
                path=path
            )
        print(kept, file=sys.stderr)
        return 1
    print(_("Økten er lagret i {path}").format(path=path))
    print(_("Fortsett med: startpakke run --session {path}").format(path=path))
    return 0
