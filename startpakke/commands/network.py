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
from startpakke.i18n import plural
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
        print("Ingen nettverk på denne maskinen ennå. Start et oppstartsmøte med «startpakke run».")
    for record in catalog.networks:
        upcoming = history.next_meeting(record)
        opened = len(history.open_actions(record))
        print(record.name)
        print(
            f"  {plural('{n} møte', '{n} møter', len(record.meetings))}"
            f" · siste {day(record.latest.day)}"
            f" · neste: {day(upcoming, 'ikke planlagt')}"
            f" · {plural('{n} åpent oppfølgingspunkt', '{n} åpne oppfølgingspunkter', opened)}"
            f" · id {record.id}"
        )
        for problem in record.problems:
            print(f"  ! {problem}")
        limit = history.keep_until(record)
        if limit < date.today():
            print(f"  ! Slettedatoen {day(limit)} er passert: anonymiser eller slett.")
    for item in catalog.damaged:
        print(f"! {item.path}: {item.message}", file=sys.stderr)
    return 0


def _show(record: NetworkRecord, args: argparse.Namespace) -> int:
    if args.keep_until:
        _set_keep_until(record, args.keep_until)
    session = record.latest.session
    print(f"{record.name} (id {record.id})")
    upcoming = history.next_meeting(record)
    print(
        f"{plural('{n} møte', '{n} møter', len(record.meetings))}:"
        f" første {day(record.meetings[0].day)},"
        f" siste {day(record.latest.day)}; neste møte: {day(upcoming, 'ikke planlagt')}."
    )
    limit = history.keep_until(record)
    note = " – passert: anonymiser eller slett" if limit < date.today() else ""
    print(f"Slettes eller anonymiseres: {day(limit)}{note}.")
    for title, people in (("Medlemmer", session.members), ("Vara", session.deputies)):
        print(f"\n{title}:")
        for person in people:
            extra = " · ".join(x for x in (person.service, person.contact) if x)
            print(f"  {person.name}" + (f" ({extra})" if extra else ""))
        if not people:
            print("  ingen")
    versions = history.contract_versions(record.meetings)
    print(
        "\nKontrakt: "
        + (
            f"versjon {versions[-1].version}, {day(versions[-1].day)}, "
            f"{plural('{n} vedtatt regel', '{n} vedtatte regler', versions[-1].rules)}"
            if versions
            else "ikke vedtatt"
        )
    )
    print("\nÅpne oppfølgingspunkter:")
    opened = history.open_actions(record)
    for state in opened:
        who = session.name_of(state.action.who)
        source = (
            f"fra {state.decided.kind.lower()} {day(state.decided.day)}"
            if state.decided is not None
            else "fra et møte som ikke finnes her"
        )
        due = f", frist {day(state.action.due)}" if state.action.due else ""
        print(f"  {state.action.what}" + (f" – {who}" if who else "") + f"{due} ({source})")
    if not opened:
        print("  ingen")
    year = record.latest.day.year
    print(f"\nOppmøte {year}:")
    meetings = history.in_year(record, year)
    for row in history.attendance(meetings, history.members_first(history.roster(record))):
        print(
            f"  {row.participant.name}: {row.present} av {plural('{n} møte', '{n} møter', row.of)}"
        )
    print("\nRoller:")
    roles = history.roles(record.meetings)
    for person in history.roster(record):
        turns = roles.turns.get(person.id, [])
        said = []
        for role in ("leder", "sekretær", "fokusperson", "tidtaker"):
            days = [day(t.day) for t in turns if t.role == role]
            if days:
                said.append(f"{role} {', '.join(days)}")
        if said:
            print(f"  {person.name}: " + "; ".join(said))
    if not roles.turns:
        print("  ingen registrert")
    if record.problems:
        print("\nDette stemmer ikke:")
        for problem in record.problems:
            print(f"  ! {problem}")
    if args.files:
        _files(record)
    return 0


def _files(record: NetworkRecord) -> None:
    from startpakke.network.stored import DOCUMENTS_NOTE, stored_lines

    print("\nHva er lagret:")
    for line in stored_lines(record):
        print(f"  {line}")
    print(DOCUMENTS_NOTE)


def _set_keep_until(record: NetworkRecord, text: str) -> None:
    from startpakke.session.store import save_session

    when = parse_day(text)
    if when is None:
        raise UserError(f"«{text}» er ikke en dato. Skriv den som dd.mm.åååå, f.eks. 01.09.2028.")
    latest = record.latest
    latest.session.network.keep_until = when
    save_session(latest.session, latest.path)
    print(f"Slettedatoen er satt til {day(when)} i {latest.path}.")


def _report(record: NetworkRecord, args: argparse.Namespace) -> int:
    from startpakke.documents.report import default_filename, default_year, write_report

    year = args.year or default_year(record)
    if not history.in_year(record, year):
        years = sorted({m.day.year for m in record.meetings})
        raise UserError(
            f"Nettverket «{record.name}» har ingen møter i {year}. År med møter: "
            + ", ".join(map(str, years))
            + "."
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
            "Ingenting er endret: bekreft med --yes når det ikke er en terminal.", file=sys.stderr
        )
        return False
    try:
        answer = input(f"{question} (j/n) ")
    except EOFError:
        return False
    return answer.strip().lower() in {"j", "ja", "y", "yes"}


def _describe(record: NetworkRecord, files: list[Path]) -> None:
    meetings = plural("{n} møte", "{n} møter", len(record.meetings))
    stored = plural("{n} fil", "{n} filer", len(files))
    print(f"Nettverket «{record.name}» (id {record.id}): {meetings}, {stored}:")
    for path in files:
        print(f"  {path}")
    for problem in record.problems:
        print(f"  ! {problem}")


def _anonymise(record: NetworkRecord, *, yes: bool) -> int:
    from startpakke.network.lifecycle import anonymise, network_files

    files = network_files(record)
    people = history.roster(record)
    _describe(record, files)
    print(
        f"Navn og kontaktopplysninger til {plural('{n} person', '{n} personer', len(people))} blir "
        "erstattet med «Deltaker 1», «Deltaker 2» … i alle filene. Regler, datoer og tall "
        "beholdes. Det kan ikke gjøres om."
    )
    if not _confirm("Anonymisere?", yes=yes):
        print("Ingenting er endret.")
        return 1 if not yes and not sys.stdin.isatty() else 0
    changed = anonymise(record)
    print(f"Anonymisert: {plural('{n} fil', '{n} filer', len(changed))} endret.")
    return 0


def _delete(record: NetworkRecord, *, yes: bool) -> int:
    from startpakke.network.lifecycle import delete, network_files

    files = network_files(record)
    _describe(record, files)
    print("Alle disse filene blir slettet, og stiene glemt. Det kan ikke gjøres om.")
    if not _confirm("Slette?", yes=yes):
        print("Ingenting er slettet.")
        return 1 if not yes and not sys.stdin.isatty() else 0
    removed = delete(record)
    print(f"Slettet: {plural('{n} fil', '{n} filer', len(removed))}.")
    return 0
