"""`startpakke network`: the networks on this laptop, one network's year, and its end.

    startpakke network            # every network: meetings, dates, open points
    startpakke network show NAME [--files] [--keep-until DATO]
    startpakke network report NAME [--year ÅÅÅÅ] [-o FIL.docx] [--lang nb|nn] [--anonymous]
    startpakke network anonymise NAME [--yes]
    startpakke network delete NAME [--yes]

NAME is the network's name, any unique case-insensitive part of it, or its id. Reading
commands never change a file; anonymise and delete say exactly what they will change and
ask first (`--yes` skips the question, for scripts; without a terminal and without
`--yes` nothing is changed). Opens no window and never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from startpakke.errors import UserError, report
from startpakke.i18n import _, ngettext, plural
from startpakke.network import history
from startpakke.network.catalog import Catalog, NetworkRecord, scan
from startpakke.network.words import day, parse_day


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "network_command", None)
    try:
        catalog = scan()
        if action is None:
            return _list(catalog)
        record = catalog.resolve(args.name)
        if action == "show":
            return _show(record, args)
        if action == "report":
            return _report(record, args)
        if action == "anonymise":
            return _anonymise(record, yes=args.yes)
        return _delete(record, yes=args.yes)
    except UserError as err:
        return report(err)


# -- reading --------------------------------------------------------------------------------


def _list(catalog: Catalog) -> int:
    if not catalog.networks:
        print(
            _("Ingen nettverk på denne maskinen ennå. Start et oppstartsmøte med «startpakke run».")
        )
    for record in catalog.networks:
        upcoming = history.next_meeting(record)
        opened = len(history.open_actions(record))
        print(record.name)
        meetings = plural("{n} møte", "{n} møter", len(record.meetings))
        points = plural("{n} åpent oppfølgingspunkt", "{n} åpne oppfølgingspunkter", opened)
        print(
            "  "
            + _("{meetings} · siste {last} · neste: {next} · {points} · id {id}").format(
                meetings=meetings,
                last=day(record.latest.day),
                next=day(upcoming, _("ikke planlagt")),
                points=points,
                id=record.id,
            )
        )
        for problem in record.problems:
            print(f"  ! {problem}")
        limit = history.keep_until(record)
        if limit < date.today():
            print(
                "  ! "
                + _("Slettedatoen {date} er passert: anonymiser eller slett.").format(
                    date=day(limit)
                )
            )
    for item in catalog.damaged:
        print(f"! {item.path}: {item.message}", file=sys.stderr)
    return 0


def _show(record: NetworkRecord, args: argparse.Namespace) -> int:
    if args.keep_until:
        _set_keep_until(record, args.keep_until)
    session = record.latest.session
    print(_("{name} (id {id})").format(name=record.name, id=record.id))
    upcoming = history.next_meeting(record)
    print(
        _("{meetings}: første {first}, siste {last}; neste møte: {next}.").format(
            meetings=plural("{n} møte", "{n} møter", len(record.meetings)),
            first=day(record.meetings[0].day),
            last=day(record.latest.day),
            next=day(upcoming, _("ikke planlagt")),
        )
    )
    limit = history.keep_until(record)
    if limit < date.today():
        print(
            _("Slettes eller anonymiseres: {date} – passert: anonymiser eller slett.").format(
                date=day(limit)
            )
        )
    else:
        print(_("Slettes eller anonymiseres: {date}.").format(date=day(limit)))
    for title, people in ((_("Medlemmer"), session.members), (_("Vara"), session.deputies)):
        print(f"\n{title}:")
        for person in people:
            extra = " · ".join(x for x in (person.service, person.contact) if x)
            print(f"  {person.name}" + (f" ({extra})" if extra else ""))
        if not people:
            print("  " + _("ingen"))
    versions = history.contract_versions(record.meetings)
    contract = (
        _("versjon {version}, {date}, {rules}").format(
            version=versions[-1].version,
            date=day(versions[-1].day),
            rules=plural("{n} vedtatt regel", "{n} vedtatte regler", versions[-1].rules),
        )
        if versions
        else _("ikke vedtatt")
    )
    print("\n" + _("Kontrakt: {contract}").format(contract=contract))
    print("\n" + _("Åpne oppfølgingspunkter:"))
    opened = history.open_actions(record)
    for state in opened:
        who = session.name_of(state.action.who)
        source = (
            _("fra {kind} {date}").format(
                kind=_(state.decided.kind).lower(), date=day(state.decided.day)
            )
            if state.decided is not None
            else _("fra et møte som ikke finnes her")
        )
        due = _(", frist {date}").format(date=day(state.action.due)) if state.action.due else ""
        print(f"  {state.action.what}" + (f" – {who}" if who else "") + f"{due} ({source})")
    if not opened:
        print("  " + _("ingen"))
    year = record.latest.day.year
    print("\n" + _("Oppmøte {year}:").format(year=year))
    meetings = history.in_year(record, year)
    for row in history.attendance(meetings, history.members_first(history.roster(record))):
        of = plural("{n} møte", "{n} møter", row.of)
        present = _("{present} av {meetings}").format(present=row.present, meetings=of)
        print(f"  {row.participant.name}: {present}")
    print("\n" + _("Roller:"))
    roles = history.roles(record.meetings)
    for person in history.roster(record):
        turns = roles.turns.get(person.id, [])
        said = []
        for role in ("leader", "secretary", "focus", "timekeeper"):
            days = [day(t.day) for t in turns if t.role == role]
            if days:
                said.append(f"{_(history.ROLE_NAMES[role])} {', '.join(days)}")
        if said:
            print(f"  {person.name}: " + "; ".join(said))
    if not roles.turns:
        print("  " + _("ingen registrert"))
    if record.problems:
        print("\n" + _("Dette stemmer ikke:"))
        for problem in record.problems:
            print(f"  ! {problem}")
    if args.files:
        _files(record)
    return 0


def _files(record: NetworkRecord) -> None:
    from startpakke.network.stored import DOCUMENTS_NOTE, stored_lines

    print("\n" + _("Hva er lagret:"))
    for line in stored_lines(record):
        print(f"  {line}")
    print(_(DOCUMENTS_NOTE))


def _set_keep_until(record: NetworkRecord, text: str) -> None:
    from startpakke.session.store import save_session

    when = parse_day(text)
    if when is None:
        raise UserError(
            _("«{text}» er ikke en dato. Skriv den som dd.mm.åååå, f.eks. 01.09.2028.").format(
                text=text
            )
        )
    latest = record.latest
    latest.session.network.keep_until = when
    save_session(latest.session, latest.path)
    print(_("Slettedatoen er satt til {date} i {path}.").format(date=day(when), path=latest.path))


def _report(record: NetworkRecord, args: argparse.Namespace) -> int:
    from startpakke.documents.report import default_filename, default_year, write_report

    year = args.year or default_year(record)
    if not history.in_year(record, year):
        years = sorted({m.day.year for m in record.meetings})
        raise UserError(
            _("Nettverket «{name}» har ingen møter i {year}. År med møter: {years}.").format(
                name=record.name, year=year, years=", ".join(map(str, years))
            )
        )
    name = default_filename(record, year, anonymous=args.anonymous)
    output = Path(args.output).expanduser() if args.output else Path.cwd() / name
    if output.is_dir():
        output = output / name
    written = write_report(
        record,
        year,
        output,
        Path(args.template) if args.template else None,
        anonymous=args.anonymous,
        # --lang given on the command line, else the network's målform.
        lang=getattr(args, "lang", None),
    )
    print(written)
    return 0


# -- the data's end -------------------------------------------------------------------------


def _confirm(question: str, *, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        print(
            _("Ingenting er endret: bekreft med --yes når det ikke er en terminal."),
            file=sys.stderr,
        )
        return False
    try:
        answer = input(_("{question} (j/n) ").format(question=question))
    except EOFError:
        return False
    return answer.strip().lower() in {"j", "ja", "y", "yes"}


def _describe(record: NetworkRecord, files: list[Path]) -> None:
    meetings = plural("{n} møte", "{n} møter", len(record.meetings))
    stored = plural("{n} fil", "{n} filer", len(files))
    print(
        _("Nettverket «{name}» (id {id}): {meetings}, {files}:").format(
            name=record.name, id=record.id, meetings=meetings, files=stored
        )
    )
    for path in files:
        print(f"  {path}")
    for problem in record.problems:
        print(f"  ! {problem}")


def _anonymise(record: NetworkRecord, *, yes: bool) -> int:
    from startpakke.network.lifecycle import anonymise, network_files, pseudonym

    files = network_files(record)
    people = history.roster(record)
    language = record.latest.session.network.language
    _describe(record, files)
    print(
        ngettext(
            "Navn og kontaktopplysninger til {n} person blir erstattet med «{first}», "
            "«{second}» … i alle filene. Regler, datoer og tall beholdes. "
            "Det kan ikke gjøres om.",
            "Navn og kontaktopplysninger til {n} personer blir erstattet med «{first}», "
            "«{second}» … i alle filene. Regler, datoer og tall beholdes. "
            "Det kan ikke gjøres om.",
            len(people),
        ).format(n=len(people), first=pseudonym(1, language), second=pseudonym(2, language))
    )
    if not _confirm(_("Anonymisere?"), yes=yes):
        print(_("Ingenting er endret."))
        return 1 if not yes and not sys.stdin.isatty() else 0
    changed = anonymise(record)
    print(
        _("Anonymisert: {files} endret.").format(files=plural("{n} fil", "{n} filer", len(changed)))
    )
    return 0


def _delete(record: NetworkRecord, *, yes: bool) -> int:
    from startpakke.network.lifecycle import delete, network_files

    files = network_files(record)
    _describe(record, files)
    print(_("Alle disse filene blir slettet, og stiene glemt. Det kan ikke gjøres om."))
    if not _confirm(_("Slette?"), yes=yes):
        print(_("Ingenting er slettet."))
        return 1 if not yes and not sys.stdin.isatty() else 0
    removed = delete(record)
    print(_("Slettet: {files}.").format(files=plural("{n} fil", "{n} filer", len(removed))))
    return 0
