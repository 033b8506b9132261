"""`startpakke agenda` — the day's run sheet as text, JSON or Word.

    startpakke agenda [--agenda NAME|FILE] [--start HH:MM] [--participants N]
                      [--json] [-o FILE.docx] [--template FILE] [--pdf]

The times come from `startpakke.agenda.runsheet.plan_runsheet`; this module only checks the
options and renders. Usage errors exit 2, a bad agenda file exits 1 with the loader's
`FILE:LINE:COL: melding` lines. rich is imported only for the text output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from startpakke.errors import UserError, os_reason
from startpakke.i18n import _, plural

if TYPE_CHECKING:
    from startpakke.agenda.runsheet import PlannedRunSheet

MIN_PARTICIPANTS = 1
MAX_PARTICIPANTS = 20


def _usage(message: str) -> int:
    print(_("startpakke agenda: feil bruk: {message}").format(message=message), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from startpakke.agenda.runsheet import parse_clock

    try:
        start = parse_clock(args.start)
    except ValueError:
        return _usage(
            _(
                "--start må være et klokkeslett TT:MM (24 timer), f.eks. 09:00; fikk «{value}»"
            ).format(value=args.start)
        )
    participants = args.participants
    if not MIN_PARTICIPANTS <= participants <= MAX_PARTICIPANTS:
        return _usage(
            _("--participants må være mellom {least} og {most}; fikk {value}").format(
                least=MIN_PARTICIPANTS, most=MAX_PARTICIPANTS, value=participants
            )
        )
    output = getattr(args, "output", None)
    if args.json and output:
        return _usage(_("--json og -o kan ikke brukes sammen"))
    if (args.pdf or args.template) and not output:
        return _usage(_("--pdf og --template gjelder bare sammen med -o FIL.docx"))

    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.resources import BUILTIN_AGENDAS, builtin_agenda

    try:
        # A built-in agenda by name (in the language's version), otherwise the path as written.
        source = builtin_agenda(args.agenda) or args.agenda
        given = Path(args.agenda)
        if source == args.agenda and not given.suffix and not given.exists():
            # No such file and no .yaml: probably a misspelt built-in name.
            names = ", ".join(BUILTIN_AGENDAS)
            message = _("finnes ikke; innebygde agendaer: {names}").format(names=names)
            print(f"{args.agenda}:1:1: {message}", file=sys.stderr)
            return 1
        agenda = load_agenda_cached(source)
    except UserError as err:
        print(str(err), file=sys.stderr)
        return err.exit_code
    except FileNotFoundError as exc:  # the built-in agenda folder is missing
        print(f"startpakke agenda: {exc}", file=sys.stderr)
        return 1

    if args.json:
        import json

        from startpakke.modeling import to_data

        data = to_data(agenda)
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0

    from startpakke.agenda.runsheet import plan_runsheet

    plan = plan_runsheet(agenda, start, participants)
    if output:
        return _write_docx(plan, Path(output), args.template, pdf=args.pdf)
    _print_text(plan)
    return 0


def _write_docx(plan: PlannedRunSheet, path: Path, template: str | None, *, pdf: bool) -> int:
    try:
        from startpakke.documents.runsheet import write_planned_runsheet
    except ImportError:
        print(_("Word-kjøreplanen er ikke tilgjengelig ennå."), file=sys.stderr)
        return 1
    if template is not None and not Path(template).is_file():
        print(_("{path}: Word-malen finnes ikke").format(path=template), file=sys.stderr)
        return 1
    try:
        write_planned_runsheet(plan, path, template=Path(template) if template else None)
    except UserError as err:
        print(str(err), file=sys.stderr)
        return err.exit_code
    except OSError as exc:
        reason = os_reason(exc)
        print(
            _("{path}: kan ikke lagre filen ({reason})").format(path=path, reason=reason),
            file=sys.stderr,
        )
        return 1
    print(_("Laget {path}").format(path=path))
    if pdf:
        return _write_pdf(path)
    return 0


def _write_pdf(docx: Path) -> int:
    try:
        from startpakke.documents.pdf import convert_to_pdf
    except ImportError:
        print(_("PDF er ikke tilgjengelig ennå; Word-filen er laget."), file=sys.stderr)
        return 1
    try:
        pdf_path = convert_to_pdf(docx)
    except UserError as err:
        print(str(err), file=sys.stderr)
        return err.exit_code
    print(_("Laget {path}").format(path=pdf_path))
    return 0


# --------------------------------------------------------------------------- text output


def _print_text(plan: PlannedRunSheet) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from startpakke.agenda.runsheet import format_clock, format_duration

    console = Console(highlight=False, soft_wrap=False)
    heading = Text(plan.title, style="bold")
    if plan.subtitle:
        heading.append(f"\n{plan.subtitle}", style="italic")
    console.print(heading)
    slack = _(" ({end} med {minutes} min luft)").format(
        end=format_clock(plan.end_with_slack), minutes=plan.slack_minutes
    )
    people = plural("{n} deltaker", "{n} deltakere", plan.participants)
    console.print(
        _("Start {start} · {people} · {minutes} min · slutt {end}").format(
            start=format_clock(plan.start),
            people=people,
            minutes=plan.planned_minutes,
            end=format_clock(plan.end),
        )
        + (slack if plan.slack_minutes else "")
    )

    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column(_("Tid"), no_wrap=True)
    table.add_column(_("Minutter"), justify="right", no_wrap=True)
    table.add_column(_("Del"), no_wrap=True)
    table.add_column(_("Innhold"), overflow="fold")
    for part in plan.parts:
        table.add_row("", "", "", "")
        table.add_row(
            f"{format_clock(part.start)}–{format_clock(part.end)}",
            part.minutes_text,
            Text(part.label, style="bold"),
            Text(part.title_line, style="bold"),
        )
        for phase in part.phases:
            line = Text(f"{phase.kind_label}: {phase.title}")
            if phase.turn is not None:
                line.append(f" – {phase.turn.describe()}", style="cyan")
                steps = phase.turn.describe_steps()
                if steps:
                    line.append(f" ({steps})", style="dim")
                turn = phase.turn
                if turn.per_person and not turn.fits:
                    share = format_duration(turn.share_seconds)
                    line.append(
                        _("; delens tid gir bare {share} per tur").format(share=share),
                        style="yellow",
                    )
                elif turn.per_person and turn.fitted_seconds < turn.seconds:
                    fitted = format_duration(turn.fitted_seconds)
                    line.append(
                        _("; for å rekke delens tid: {fitted} per tur").format(fitted=fitted),
                        style="dim",
                    )
            if phase.beyond_part:
                line.append(_(" (etter delens slutt)"), style="yellow")
            table.add_row(
                Text(f"  {format_clock(phase.start)}–{format_clock(phase.end)}", style="dim"),
                Text(_minutes(phase.seconds), style="dim"),
                "",
                line,
            )
        if part.warning:
            warning = Text(_("ADVARSEL: "), style="bold red")
            warning.append(part.warning, style="red")
            table.add_row("", "", "", warning)
    console.print(table)
    console.print()

    ends = Text(_("Planlagt slutt: {end}").format(end=format_clock(plan.end)))
    if plan.slack_minutes:
        ends.append(
            _(" (med {minutes} min luft/pause: {end})").format(
                minutes=plan.slack_minutes, end=format_clock(plan.end_with_slack)
            )
        )
    console.print(ends)
    if plan.end_with_slack != plan.planned_end:
        console.print(
            Text(
                _(
                    "Agendaen regner med slutt {planned}; med {people} blir det {end} "
                    "(se advarselen under hver del som går over)."
                ).format(
                    planned=format_clock(plan.planned_end),
                    people=plural("{n} deltaker", "{n} deltakere", plan.participants),
                    end=format_clock(plan.end_with_slack),
                ),
                style="yellow",
            )
        )
    if plan.warnings:
        console.print(
            Text(
                plural("{n} ADVARSEL", "{n} ADVARSLER", len(plan.warnings))
                + ": "
                + ", ".join(label for label, _text in plan.warnings),
                style="bold red",
            )
        )
    if plan.materials:
        console.print()
        console.print(Text(_("Materiell"), style="bold"))
        for item in plan.materials:
            console.print(Text(f"  • {item}"))


def _minutes(seconds: float) -> str:
    from startpakke.agenda.runsheet import format_duration

    if round(seconds) % 60 == 0:
        return str(round(seconds) // 60)
    return format_duration(seconds)
