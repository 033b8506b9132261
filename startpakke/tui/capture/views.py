"""What each capture kind shows and does, for the capture area to render.

One small class per `CaptureKind`: a heading for the title line, the rows of its list,
and what Enter (in the field or in the list), `r`, `x`, `u` and ctrl+↑/↓ mean for it.
The views hold no session state of their own — they read the controller's session and
call the controller's capture intents — so the widget around them stays thin.
A refused edit raises `EditError`; the capture area shows its message. What only some
views need (rounds, roles, revision, privacy) is imported where used, after the first
frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from startpakke.agenda.model import CaptureKind
from startpakke.controller import MeetingController
from startpakke.i18n import N_, _, plural
from startpakke.labels import capitalised, category_colour, label
from startpakke.session import edit as ops
from startpakke.session.edit import TOP_LIMIT, EditError
from startpakke.session.model import (
    Action,
    AgreementLevel,
    Competence,
    CompetenceCategory,
    Participant,
    ReviewDecision,
    Rule,
    RuleReview,
)

CATEGORIES = list(CompetenceCategory)
# The deck's post-it colours, as terminal colours; always shown with the colour's name.
CATEGORY_STYLES: dict[CompetenceCategory, str] = {
    CompetenceCategory.teoretisk: "black on #f2dc5d",
    CompetenceCategory.yrkesspesifikk: "black on #8ab8f0",
    CompetenceCategory.personlig: "black on #f29cc8",
}
# A sign beside each level's word: the level is never told by colour or sign alone.
LEVEL_MARKS: dict[AgreementLevel, str] = {
    AgreementLevel.agree: "✓",
    AgreementLevel.accept: "≈",
    AgreementLevel.objection: "✗",
}
MARK_WIDTH = max(len(f"{mark} {label(level)}") for level, mark in LEVEL_MARKS.items())
"""Every rule's mark takes the same room, so the rules line up."""
# Marked here, translated where shown (`_(TOP)`): the language may be chosen after import.
TOP = N_("★ topp 3")
CHOSEN = N_("✓ valgt")
PRIVATE = N_("🔒 privat")
SHARED = N_("✓ kan stå i referatet")


@dataclass(frozen=True)
class Row:
    """One line of the capture list: an item's id and how it reads."""

    id: str
    text: Text


def one_line(text: str, limit: int = 200) -> str:
    """User text on one line (newlines and tabs as spaces), cut at `limit`."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def category_badge(category: CompetenceCategory) -> Text:
    """« gul · teoretisk » on the post-it colour: the colour named, never colour alone."""
    return Text(f" {category_colour(category)} · {category.value} ", CATEGORY_STYLES[category])


def category_label(category: CompetenceCategory) -> Text:
    """The badge followed by the category's full name, for the field's label."""
    return Text.assemble(category_badge(category), " ", capitalised(category))


def genitive(name: str) -> str:
    """«Annes», «Hans'» (bokmål: an apostrophe after s, x and z)."""
    return f"{name}'" if name and name[-1].lower() in "sxz" else f"{name}s"


def format_date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""  # type: ignore[attr-defined]


class CaptureView:
    """The default behaviour: a list without a field; subclasses fill in what applies."""

    kind: CaptureKind = CaptureKind.notes
    title = ""
    """The kind's name for the title line (marked with `N_()`, translated in `name`)."""
    has_input = False
    list_first = False
    """`c` goes to the list (toggling is the main thing), not to the field."""
    dialog: str | None = None
    """`c` opens this dialog instead (`plan`, `contract`)."""
    space_toggles = False
    can_cycle_category = False
    can_cycle_person = False
    can_mark_timekeeper = False
    edit_dialog: str | None = None
    """`r` on an item opens this dialog (`action`, `participants`) instead of the field."""
    adds_from_field = True
    """The field adds new items (Tab from the list opens it); False: it only edits (`r`)."""
    field: str | None = None
    """The session field the field writes (`notes[].text`), for the room view."""
    list_field: str | None = None
    """The session field the list is made of, when the room may not see it whole."""
    room_view = False
    """The room sees the screen (set by the capture area): `shows` hides what is private."""

    def __init__(self, controller: MeetingController) -> None:
        self.controller = controller

    def shows(self, path: str) -> bool:
        """May the list show the session field `path` now (`startpakke.view.privacy`)?"""
        from startpakke.view.privacy import may_project

        return not self.room_view or may_project(path)

    empty = N_("(ingenting skrevet ned ennå)")
    """What the list says while it has no rows (translated where shown)."""

    @property
    def rows_hidden(self) -> bool:
        """The room sees the screen and may not see this list: the area shows none of it."""
        return self.list_field is not None and not self.shows(self.list_field)

    @property
    def session(self):  # type: ignore[no-untyped-def]
        return self.controller.session

    @property
    def name(self) -> str:
        """The title in the language of the moment, not of the import."""
        return _(self.title) if self.title else ""

    def speaker(self) -> Participant | None:
        return self.controller.current_speaker()

    def heading(self) -> str:
        return ""

    def placeholder(self) -> str:
        return _("Skriv og trykk Enter (Esc: tilbake til møtet, Tab: listen)")

    def prefix(self) -> Text | None:
        """A label in front of the field (the competence category)."""
        return None

    def rows(self) -> list[Row]:
        return []

    def submit(self, text: str) -> str | None:
        raise EditError(_("Her skrives det ikke inn tekst."))

    def activate(self, item_id: str) -> str | None:
        return None

    def activate_dialog(self, item_id: str) -> str | None:
        """A dialog to open instead of `activate` (None: activate at once)."""
        return None

    def edit_text(self, item_id: str) -> str | None:
        """The text to put in the field for `r`; None when the item is not edited there."""
        return None

    def save_edit(self, item_id: str, text: str) -> None:
        raise EditError(_("Dette kan ikke redigeres her."))

    def delete(self, item_id: str) -> str:
        raise EditError(_("Dette kan ikke slettes her."))

    def move(self, item_id: str, delta: int) -> None:
        raise EditError(_("Rekkefølgen kan ikke endres her."))

    def cycle_category(self, delta: int) -> None:
        return None

    def cycle_person(self, delta: int) -> None:
        return None

    def mark_timekeeper(self, item_id: str) -> str | None:
        return None

    reviews_rules = False
    """`g` (the level) and `w` (why) work on the list (the revision's rule review)."""

    def level_needs_why(self, item_id: str) -> bool:
        """`g` would set an objection that has no why yet: ask for it first."""
        return False

    def cycle_level(self, item_id: str) -> str | None:
        return None

    def why_text(self, item_id: str) -> str:
        return ""

    def save_why(self, item_id: str, text: str, level: AgreementLevel | None = None) -> None:
        raise EditError(_("Her skrives det ikke inn hvorfor."))

    def editing_hint(self) -> str:
        return _("Rediger og trykk Enter (Esc: avbryt)")


# -- people -------------------------------------------------------------------------------


class AttendanceView(CaptureView):
    kind = CaptureKind.attendance
    title = N_("Oppmøte")
    list_first = True
    space_toggles = True
    edit_dialog = "participants"

    def heading(self) -> str:
        people = self.session.participants
        here = sum(1 for p in people if p.present)
        return _("{here} av {total} til stede · Enter/mellomrom: til stede/borte").format(
            here=here, total=len(people)
        )

    def rows(self) -> list[Row]:
        rows = []
        for person in self.session.participants:
            mark = Text(_("✓ til stede"), "bold") if person.present else Text("✗ borte   ", "dim")
            label = Text.assemble(mark, "  ", one_line(person.name))
            if person.service:
                label.append(f" ({one_line(person.service, 40)})", "dim")
            if person.role.value == "deputy":
                label.append(" · vara", "dim")
            rows.append(Row(person.id, label))
        return rows

    def activate(self, item_id: str) -> str | None:
        person = ops.participant(self.session, item_id)
        self.controller.set_present(item_id, not person.present)
        said = _("{name} er til stede") if person.present else _("{name} er borte")
        return said.format(name=person.name)

    def delete(self, item_id: str) -> str:
        raise EditError(_("Deltakere fjernes i deltakerlisten (d)."))

    def move(self, item_id: str, delta: int) -> None:
        self.controller.edit_roster(ops.move_participant, item_id, delta)


class FacilitatorView(CaptureView):
    kind = CaptureKind.facilitator
    title = N_("Fasilitator")
    list_first = True
    edit_dialog = "participants"

    def heading(self) -> str:
        chosen = self.session.participant(self.session.facilitator)
        if chosen is None:
            return _("ikke valgt ennå – c, velg i listen og trykk Enter")
        return _("{name} er valgt").format(name=one_line(chosen.name))

    def rows(self) -> list[Row]:
        return [
            Row(
                p.id,
                Text.assemble(
                    ("★ fasilitator  ", "bold") if p.id == self.session.facilitator else " " * 15,
                    one_line(p.name),
                ),
            )
            for p in self.session.participants
        ]

    def activate(self, item_id: str) -> str | None:
        if self.session.facilitator == item_id:
            self.controller.edit(ops.set_facilitator, None)
            return _("Ingen fasilitator valgt")
        person = self.controller.edit(ops.set_facilitator, item_id)
        return _("{name} er fasilitator").format(name=person.name) if person else None


class FocusPersonsView(CaptureView):
    kind = CaptureKind.focus_persons
    title = N_("Fokuspersoner")
    list_first = True
    has_input = True
    adds_from_field = False
    can_mark_timekeeper = True
    field = "focus_rounds[].case_title"

    def heading(self) -> str:
        names = [self.session.name_of(pid) for pid in self.controller.focus_ids]
        keeper = self.session.participant(self.session.timekeeper)
        chosen = ", ".join(one_line(n, 30) for n in names) or _("ingen valgt")
        # How many focus rounds the time allows (issue 6: «fit the rounds and say so»).
        present = sum(1 for p in self.session.participants if p.present)
        from startpakke.engine.rounds import focus_fit_text

        fit = focus_fit_text(
            self.controller.agenda, self.controller.engine.pos.part, present, len(names)
        )
        return (f"{fit} · " if fit else "") + _(
            "{chosen} · tidtaker: {keeper}"
            " · Enter: fokusperson, r: sakens tittel, ctrl+↑/↓: rekkefølge, ctrl+t: tidtaker"
        ).format(chosen=chosen, keeper=one_line(keeper.name, 30) if keeper else _("går på omgang"))

    def placeholder(self) -> str:
        return _("Sakens tittel (valgfritt) – Enter lagrer · Esc: avbryt")

    def submit(self, text: str) -> str | None:
        raise EditError(_("Velg en fokusperson i listen og trykk r for å gi saken en tittel."))

    def edit_text(self, item_id: str) -> str | None:
        if item_id not in self.controller.focus_ids:
            raise EditError(_("Velg personen som fokusperson først (Enter)."))
        return self.controller.focus_round(item_id).case_title

    def save_edit(self, item_id: str, text: str) -> None:
        self.controller.focus_round(item_id).case_title = " ".join(text.split())
        self.controller.changed()

    def rows(self) -> list[Row]:
        focus = self.controller.focus_ids
        people = {p.id: p for p in self.session.participants}
        ordered = [people[pid] for pid in focus if pid in people]
        ordered += [p for p in self.session.participants if p.id not in focus]
        from startpakke.session.focus_roles import case_label, round_timekeepers

        keepers = round_timekeepers(self.session, focus)
        rows = []
        for person in ordered:
            if person.id in focus:
                number = focus.index(person.id) + 1
                mark = Text(f"{number}. fokusperson  ", "bold")
            else:
                mark = Text(" " * 15)
            label = Text.assemble(mark, one_line(person.name))
            if person.id in focus:
                round_ = self.controller.focus_round(person.id)
                case = case_label(self.session, round_, number)
                if not self.shows("focus_rounds[].case_title"):  # the person's to tell
                    case = _("Sak {number}").format(number=number)
                label.append(f" – {one_line(case, 40)}")
                keeper = keepers[number - 1]
                if keeper:
                    label.append(
                        _(" · tidtaker {name}").format(
                            name=one_line(self.session.name_of(keeper), 20)
                        ),
                        "dim",
                    )
            if person.id == self.session.timekeeper:
                label.append(_("  · valgt tidtaker"), "bold")
            rows.append(Row(person.id, label))
        return rows

    def activate(self, item_id: str) -> str | None:
        focus = self.controller.focus_ids
        if item_id in focus:
            focus.remove(item_id)
        else:
            focus.append(item_id)
        self.controller.choose_focus(focus)
        return None

    def move(self, item_id: str, delta: int) -> None:
        focus = self.controller.focus_ids
        if item_id not in focus:
            raise EditError(_("Velg personen som fokusperson først (Enter)."))
        index = focus.index(item_id)
        target = max(0, min(len(focus) - 1, index + delta))
        focus.insert(target, focus.pop(index))
        self.controller.choose_focus(focus)

    def mark_timekeeper(self, item_id: str) -> str | None:
        if self.session.timekeeper == item_id:
            self.controller.edit(ops.set_timekeeper, None)
            return _("Ingen tidtaker valgt")
        person = self.controller.edit(ops.set_timekeeper, item_id)
        if person is None:
            return None
        from startpakke.session.focus_roles import timekeeper_of

        keeper = timekeeper_of(self.session, self.controller.focus_ids, person.id)
        if keeper is None:
            return _("{name} er tidtaker").format(name=person.name)
        # Never the focus person of the round: say who keeps the time in their own round.
        # `owner` is the bokmål genitive; nynorsk says «i runden til {name}».
        return _("{name} er tidtaker – {keeper} tar tiden i {owner} egen runde").format(
            name=person.name, keeper=self.session.name_of(keeper), owner=genitive(person.name)
        )


# -- rules and the contract ------------------------------------------------------------------


def rule_row(controller: MeetingController, number: int, rule: Rule) -> Row:
    # The mark comes first: a message in the corner never covers it, and it lines up.
    mark = ""
    if rule.agreement is not None:
        mark = f"{LEVEL_MARKS[rule.agreement]} {label(rule.agreement)}"
    line = Text(mark.ljust(MARK_WIDTH) + "  ", "bold")
    line.append(f"{number}. ")
    line.append(one_line(rule.text))
    proposer = controller.session.participant(rule.proposed_by)
    if proposer is not None:
        line.append(f" – {one_line(proposer.name, 30)}", "dim")
    if rule.objections:
        who = ", ".join(one_line(controller.session.name_of(o.by), 20) for o in rule.objections)
        line.append(f" ({who})" if who else "", "bold")
    return Row(rule.id, line)


class RulesView(CaptureView):
    kind = CaptureKind.rules
    title = N_("Spilleregler")
    has_input = True

    def heading(self) -> str:
        rules = self.session.rules
        agreed = sum(1 for r in rules if r.agreed)
        speaker = self.speaker()
        who = _(" · forslag fra {name}").format(name=one_line(speaker.name, 30)) if speaker else ""
        proposals = plural("{n} forslag", "{n} forslag", len(rules))
        agreed_text = plural("{n} vedtatt", "{n} vedtatt", agreed)
        return f"{proposals}, {agreed_text}{who}"

    def placeholder(self) -> str:
        speaker = self.speaker()
        if speaker is None:
            return _("Ny spilleregel – Enter legger til · Tab: listen (Enter = enig) · Esc")
        return _(
            "Ny spilleregel fra {name} – Enter legger til · Tab: listen (Enter = enig) · Esc"
        ).format(name=one_line(speaker.name, 30))

    def rows(self) -> list[Row]:
        return [rule_row(self.controller, i, r) for i, r in enumerate(self.session.rules, 1)]

    def submit(self, text: str) -> str | None:
        self.controller.add_rule(text)
        return None

    def activate_dialog(self, item_id: str) -> str | None:
        # The next level is an objection: ask who objects and why before setting it.
        current = ops.rule(self.session, item_id).agreement
        return "objection" if ops.NEXT_LEVEL[current] is AgreementLevel.objection else None

    def activate(self, item_id: str) -> str | None:
        """Enter cycles the level: enig → kan leve med → innsigelse → bare foreslått."""
        current = ops.rule(self.session, item_id).agreement
        rule = self.controller.edit(ops.set_rule_agreement, item_id, ops.NEXT_LEVEL[current])
        level = capitalised(rule.agreement) if rule.agreement else _("Bare foreslått")
        return f"{level}: {one_line(rule.text, 40)}"

    def edit_text(self, item_id: str) -> str | None:
        return ops.rule(self.session, item_id).text

    def save_edit(self, item_id: str, text: str) -> None:
        self.controller.edit(ops.edit_rule, item_id, text)

    def delete(self, item_id: str) -> str:
        return self.controller.delete(ops.delete_rule, item_id)

    def move(self, item_id: str, delta: int) -> None:
        self.controller.edit(ops.move_rule, item_id, delta)


class AgreeRulesView(RulesView):
    kind = CaptureKind.agree_rules
    title = N_("Spilleregler – enighet")
    list_first = True

    def heading(self) -> str:
        rules = self.session.rules
        agreed = sum(1 for r in rules if r.agreed)
        return _(
            "vedtatt {agreed} av {count} · Enter i listen: enig → kan leve med → "
            "innsigelse → bare foreslått · Tab: ny regel fra diskusjonen"
        ).format(agreed=agreed, count=len(rules))

    def placeholder(self) -> str:
        return _("Ny regel fra diskusjonen (legges inn som enig) – Enter · Tab: listen · Esc")

    def submit(self, text: str) -> str | None:
        self.controller.add_rule(text, agreed=True)
        return None


class ContractView(RulesView):
    kind = CaptureKind.contract
    title = N_("Nettverkskontrakt")
    has_input = False
    dialog = "contract"

    def heading(self) -> str:
        contract = self.session.contract
        parts = [
            _("formål ✓") if contract.purpose.strip() else _("formål: Bufdir 2024"),
            _("tekst: ") + plural("{n} linje", "{n} linjer", len(contract.text.splitlines()))
            if contract.text.strip()
            else "",
            _("evalueres {date}").format(date=format_date(contract.review_date))
            if contract.review_date
            else "",
            plural(
                "{n} vedtatt spilleregel",
                "{n} vedtatte spilleregler",
                len(self.session.agreed_rules),
            ),
        ]
        return " · ".join(p for p in parts if p) + _(" · c: skriv kontrakten")


# -- the revision meeting: each rule kept, adjusted or dropped -------------------------------

DECISION_MARKS: dict[ReviewDecision, str] = {
    ReviewDecision.keep: "=",
    ReviewDecision.adjust: "✎",
    ReviewDecision.drop: "✗",
}
"""A sign beside each decision's word (never the sign alone)."""


def decision_width() -> int:
    """Every decision's mark takes the same room, in the language of the moment."""
    return max(len(f"{mark} {label(d)}") for d, mark in DECISION_MARKS.items())


def review_row(number: int, rule: Rule, review: RuleReview | None, *, why: bool = True) -> Row:
    """«✎ endres  ≈ kan leve med  3. Gammel tekst → Ny tekst · hvorfor: …»."""
    decision = ""
    level = ""
    if review is not None:
        decision = f"{DECISION_MARKS[review.decision]} {label(review.decision)}"
        if review.level is not None:
            level = f"{LEVEL_MARKS[review.level]} {label(review.level)}"
    line = Text(decision.ljust(decision_width()) + "  ", "bold")
    line.append(level.ljust(MARK_WIDTH) + "  ", "bold")
    line.append(f"{number}. ")
    line.append(one_line(rule.text))
    if review is not None and review.decision is ReviewDecision.adjust:
        new = one_line(review.new_text)
        if new and new != one_line(rule.text):
            line.append(" → ", "bold")
            line.append(new)
        elif not new:
            line.append(_(" → (r: skriv den nye formuleringen)"), "dim")
    if why and review is not None and review.why.strip():
        line.append(_(" · hvorfor: {why}").format(why=one_line(review.why, 60)), "dim")
    return Row(rule.id, line)


class RuleReviewView(CaptureView):
    """Each agreed rule of the contract: beholdes, endres or tas ut, with the level."""

    kind = CaptureKind.rule_review
    list_first = True
    has_input = True
    adds_from_field = False
    reviews_rules = True
    field = "rule_reviews[].new_text"

    title = N_("Gjennomgang av spillereglene")

    def _rules(self) -> list[Rule]:
        from startpakke.session.revision import rules_under_review

        return rules_under_review(self.session)

    def heading(self) -> str:
        rules = self._rules()
        decided = sum(1 for r in rules if ops.review_of(self.session, r.id) is not None)
        return _(
            "vurdert {decided} av {count} · Enter: beholdes → endres → tas ut · "
            "r: ny formulering · g: enighet · w: hvorfor"
        ).format(decided=decided, count=len(rules))

    def placeholder(self) -> str:
        return _("Velg en regel i listen (Enter: beholdes, endres, tas ut) · Esc")

    def editing_hint(self) -> str:
        return _("Ny formulering – Enter lagrer (Esc: avbryt)")

    def rows(self) -> list[Row]:
        return [
            review_row(
                number,
                rule,
                ops.review_of(self.session, rule.id),
                why=self.shows("rule_reviews[].why"),
            )
            for number, rule in enumerate(self._rules(), 1)
        ]

    def submit(self, text: str) -> str | None:
        raise EditError(_("Velg regelen i listen og trykk r for å skrive en ny formulering."))

    def _said(self, item_id: str) -> str:
        review = ops.review_of(self.session, item_id)
        rule = ops.rule(self.session, item_id)
        what = capitalised(review.decision) if review else _("Ikke vurdert")
        return f"{what}: {one_line(rule.text, 40)}"

    def activate(self, item_id: str) -> str | None:
        """Enter cycles the decision: beholdes → endres → tas ut → ikke vurdert."""
        self.controller.edit(ops.cycle_rule_review, item_id)
        return self._said(item_id)

    def edit_text(self, item_id: str) -> str | None:
        review = ops.review_of(self.session, item_id)
        if review is not None and review.new_text:
            return review.new_text
        return ops.rule(self.session, item_id).text

    def save_edit(self, item_id: str, text: str) -> None:
        self.controller.edit(ops.set_rule_review, item_id, ReviewDecision.adjust, new_text=text)

    def _next_level(self, item_id: str) -> AgreementLevel | None:
        review = ops.review_of(self.session, item_id)
        return ops.NEXT_LEVEL[review.level if review else None]

    def level_needs_why(self, item_id: str) -> bool:
        review = ops.review_of(self.session, item_id)
        return self._next_level(item_id) is AgreementLevel.objection and not (
            review is not None and review.why.strip()
        )

    def cycle_level(self, item_id: str) -> str | None:
        """`g`: enig → kan leve med → innsigelse → ikke spurt (as Enter does for a rule)."""
        review = self.controller.edit(ops.set_review_level, item_id, self._next_level(item_id))
        level = capitalised(review.level) if review.level else _("Enighet ikke spurt")
        return f"{level}: {one_line(ops.rule(self.session, item_id).text, 40)}"

    def why_text(self, item_id: str) -> str:
        review = ops.review_of(self.session, item_id)
        return review.why if review else ""

    def save_why(self, item_id: str, text: str, level: AgreementLevel | None = None) -> None:
        if level is None:
            self.controller.edit(ops.set_review_why, item_id, text)
            return
        review = ops.review_of(self.session, item_id)
        decision = review.decision if review else ReviewDecision.keep
        self.controller.edit(ops.set_rule_review, item_id, decision, level=level, why=text)


# -- competences ----------------------------------------------------------------------------


def competence_text(competence: Competence, *, with_person: str = "") -> Text:
    label = Text.assemble(category_badge(competence.category), " ")
    # The marks come before the text: a message in the corner never covers them.
    marks = [_(mark) for mark, on in ((TOP, competence.top), (CHOSEN, competence.chosen)) if on]
    if marks:
        label.append("  ".join(marks) + "  ", "bold")
    if with_person:
        label.append(f"{with_person}: ", "bold")
    label.append(one_line(competence.text))
    return label


class _CompetenceItems(CaptureView):
    """Editing, deleting and undoing post-its: the same in both competence views."""

    def edit_text(self, item_id: str) -> str | None:
        return ops.competence(self.session, item_id).text

    def save_edit(self, item_id: str, text: str) -> None:
        self.controller.edit(ops.edit_competence, item_id, text=text)

    def delete(self, item_id: str) -> str:
        return self.controller.delete(ops.delete_competence, item_id)


class CompetencesView(_CompetenceItems):
    kind = CaptureKind.competences
    title = N_("Kompetanse")
    has_input = True
    can_cycle_category = True
    can_cycle_person = True

    def __init__(self, controller: MeetingController) -> None:
        super().__init__(controller)
        self.category = CATEGORIES[0]
        self._chosen_person: str | None = None
        self._seen_speaker: str | None = None

    def person(self) -> Participant | None:
        """Whose post-its: the current speaker, unless another was chosen with PgUp/PgDn."""
        speaker = self.controller.engine.current_speaker
        if speaker != self._seen_speaker:
            self._seen_speaker = speaker
            self._chosen_person = None
            self.category = CATEGORIES[0]  # each turn starts with the first category
        wanted = self._chosen_person or speaker
        person = self.session.participant(wanted)
        if person is None and self.session.participants:
            person = self.session.participants[0]
        return person

    def heading(self) -> str:
        person = self.person()
        if person is None:
            return _("legg til deltakere først (d)")
        tops = len(ops.tops_of(self.session, person.id))
        turn = _(" (har ordet)") if person.id == self.controller.engine.current_speaker else ""
        return _("{name}{turn} · topp 3: {tops} av {limit}").format(
            name=one_line(person.name, 30), turn=turn, tops=tops, limit=TOP_LIMIT
        )

    def placeholder(self) -> str:
        person = self.person()
        if person is None:
            return _("Lapp – Enter · ↑/↓ kategori · PgUp/PgDn person · Esc")
        return _("Lapp for {name} – Enter · ↑/↓ kategori · PgUp/PgDn person · Esc").format(
            name=one_line(person.name, 20)
        )

    def prefix(self) -> Text | None:
        return category_label(self.category)

    def rows(self) -> list[Row]:
        person = self.person()
        if person is None:
            return []
        items = ops.competences_of(self.session, person.id)
        items.sort(key=lambda c: CATEGORIES.index(c.category))
        return [Row(c.id, competence_text(c)) for c in items]

    def submit(self, text: str) -> str | None:
        person = self.person()
        if person is None:
            raise EditError(_("Legg til deltakere først (d)."))
        self.controller.add_competence(self.category, text, person.id)
        return None

    def activate(self, item_id: str) -> str | None:
        item = self.controller.edit(ops.toggle_competence_top, item_id)
        said = _("Blant de tre viktigste: {text}") if item.top else _("Ikke blant de tre: {text}")
        return said.format(text=item.text)

    def move(self, item_id: str, delta: int) -> None:
        """Move within the person's own post-its (the list shows only theirs)."""
        mine = [r.id for r in self.rows()]
        if item_id not in mine:
            return
        target_index = max(0, min(len(mine) - 1, mine.index(item_id) + delta))
        if mine[target_index] == item_id:
            return
        everyone = [c.id for c in self.session.competences]
        steps = everyone.index(mine[target_index]) - everyone.index(item_id)
        self.controller.edit(ops.move_competence, item_id, steps)

    def cycle_category(self, delta: int) -> None:
        self.person()  # notice a new speaker before choosing
        index = CATEGORIES.index(self.category)
        self.category = CATEGORIES[(index + delta) % len(CATEGORIES)]

    def cycle_person(self, delta: int) -> None:
        people = self.session.participants
        current = self.person()
        if not people or current is None:
            return
        index = next(i for i, p in enumerate(people) if p.id == current.id)
        self._chosen_person = people[(index + delta) % len(people)].id


class ChosenCompetencesView(_CompetenceItems):
    kind = CaptureKind.chosen_competences
    title = N_("Kompetanse vi vil bruke")
    list_first = True

    def heading(self) -> str:
        chosen = sum(1 for c in self.session.competences if c.chosen)
        notes = plural("{n} lapp", "{n} lapper", len(self.session.competences))
        return _("{chosen} valgt av {notes} · Enter: valgt").format(chosen=chosen, notes=notes)

    def rows(self) -> list[Row]:
        order = {p.id: i for i, p in enumerate(self.session.participants)}
        items = sorted(
            self.session.competences,
            key=lambda c: (not c.top, order.get(c.participant, 99), CATEGORIES.index(c.category)),
        )
        return [
            Row(c.id, competence_text(c, with_person=one_line(self.session.name_of(c.participant))))
            for c in items
        ]

    def activate(self, item_id: str) -> str | None:
        item = self.controller.edit(ops.toggle_competence_chosen, item_id)
        said = _("Valgt: {text}") if item.chosen else _("Ikke valgt: {text}")
        return said.format(text=one_line(item.text, 40))


# -- plan, actions and notes ---------------------------------------------------------------


def action_row(controller: MeetingController, action: Action) -> Row:
    label = Text(_("☑ utført  ") if action.done else "☐ ", "bold" if action.done else "")
    label.append(one_line(action.what))
    if action.who:
        label.append(f" – {one_line(controller.session.name_of(action.who), 30)}", "dim")
    if action.due:
        label.append(_(" – innen {date}").format(date=format_date(action.due)), "dim")
    return Row(action.id, label)


class ActionsView(CaptureView):
    kind = CaptureKind.actions
    title = N_("Oppfølging")
    has_input = True
    edit_dialog = "action"
    # Also under the plan (steg 7), whose own answers are in the heading, not in this list.
    empty = N_("(ingen oppfølgingspunkter ennå)")

    def heading(self) -> str:
        actions = self.session.actions
        done = sum(1 for a in actions if a.done)
        earlier = sum(1 for t in self.session.parked if t.from_session)
        parked = _(" · {n} parkert fra forrige møte (i)").format(n=earlier) if earlier else ""
        count = plural("{n} punkt", "{n} punkter", len(actions))
        return _("{count}, {done} utført{parked} · h: med ansvarlig og frist").format(
            count=count, done=done, parked=parked
        )

    def placeholder(self) -> str:
        return _("Nytt oppfølgingspunkt – Enter legger til (r i listen: ansvarlig og frist) · Esc")

    def rows(self) -> list[Row]:
        return [action_row(self.controller, a) for a in self.session.actions]

    def submit(self, text: str) -> str | None:
        self.controller.edit(ops.add_action, text)
        return None

    def activate(self, item_id: str) -> str | None:
        item = self.controller.edit(ops.toggle_action_done, item_id)
        said = _("Utført: {text}") if item.done else _("Ikke utført: {text}")
        return said.format(text=one_line(item.what, 40))

    def delete(self, item_id: str) -> str:
        return self.controller.delete(ops.delete_action, item_id)

    def move(self, item_id: str, delta: int) -> None:
        self.controller.edit(ops.move_action, item_id, delta)


class PlanView(ActionsView):
    kind = CaptureKind.plan
    title = N_("Plan for videre arbeid")
    has_input = False
    dialog = "plan"

    def heading(self) -> str:
        plan = self.session.plan
        term = label(plan.term) if plan.term else ""
        form = label(plan.format) if plan.format else ""
        parts = [
            _("leder {name}").format(name=one_line(self.session.name_of(plan.leader), 20))
            if plan.leader
            else "",
            _("sekretær {name}").format(name=one_line(self.session.name_of(plan.secretary), 20))
            if plan.secretary
            else "",
            term,
            one_line(plan.frequency, 30),
            form,
            one_line(plan.platform, 20),
            plural("{n} dato", "{n} datoer", len(plan.meetings)) if plan.meetings else "",
            plural("{n} tema", "{n} temaer", len(plan.themes)) if plan.themes else "",
        ]
        summary = " · ".join(p for p in parts if p) or _("ikke fylt ut ennå")
        return _("{summary} · c: skjemaet · h: oppfølging").format(summary=summary)


class NotesView(CaptureView):
    kind = CaptureKind.notes
    title = N_("Notater")
    has_input = True
    field = list_field = "notes[].text"

    def heading(self) -> str:
        notes = self._notes()
        count = plural("{n} notat", "{n} notater", len(notes))
        return _("{count} i denne delen · Enter i listen: privat / i referatet").format(count=count)

    def placeholder(self) -> str:
        return _("Notat – Enter legger til · Tab: listen · Esc: tilbake til møtet")

    def _notes(self):  # type: ignore[no-untyped-def]
        part = self.controller.part.id
        return [n for n in self.session.notes if n.part == part and n.about is None]

    def rows(self) -> list[Row]:
        rows = []
        for note in self._notes():
            label = Text(one_line(note.text))
            if note.private:
                label.append(f"  {_(PRIVATE)}", "bold")
            rows.append(Row(note.id, label))
        return rows

    def submit(self, text: str) -> str | None:
        self.controller.add_note(text)
        return None

    def activate(self, item_id: str) -> str | None:
        note = self.controller.toggle_note_private(item_id)
        return _("Privat – står ikke i referatet") if note.private else _("Står i referatet")

    def edit_text(self, item_id: str) -> str | None:
        return ops.note(self.session, item_id).text

    def save_edit(self, item_id: str, text: str) -> None:
        self.controller.edit(ops.edit_note, item_id, text)

    def delete(self, item_id: str) -> str:
        return self.controller.delete(ops.delete_note, item_id)


class TakeawaysView(CaptureView):
    kind = CaptureKind.takeaways
    title = N_("Tar med seg")
    has_input = True
    field = list_field = "focus_rounds[].takeaway"

    def heading(self) -> str:
        speaker = self.speaker()
        if speaker is None:
            return _("for fokuspersonen som har ordet · Enter i listen: kan stå i referatet")
        # Read only: rendering must not create a focus round for whoever has the word.
        shared = any(
            r.share_takeaway for r in self.session.focus_rounds if r.participant == speaker.id
        )
        status = _(SHARED) if shared else _(PRIVATE)
        from startpakke.session.focus_roles import timekeeper_of

        keeper = timekeeper_of(self.session, self.controller.focus_ids, speaker.id)
        clock = (
            _(" · tidtaker {name}").format(name=one_line(self.session.name_of(keeper), 20))
            if keeper
            else ""
        )
        return _("{name}{clock} · {status} · Enter i listen bytter").format(
            name=one_line(speaker.name, 30), clock=clock, status=status
        )

    def placeholder(self) -> str:
        speaker = self.speaker()
        who = one_line(speaker.name, 20) if speaker else _("fokuspersonen")
        return _("Hva {who} tar med seg (privat) – Enter legger til · Esc").format(who=who)

    def rows(self) -> list[Row]:
        rows = []
        shared = {r.participant for r in self.session.focus_rounds if r.share_takeaway}
        for note in self.session.notes:
            if note.about is None:
                continue
            label = Text(f"{one_line(self.session.name_of(note.about), 20)}: ", "bold")
            label.append(one_line(note.text))
            label.append(f"  {_(SHARED) if note.about in shared else _(PRIVATE)}", "dim")
            rows.append(Row(note.id, label))
        return rows

    def submit(self, text: str) -> str | None:
        self.controller.add_takeaway(text)
        return None

    def activate(self, item_id: str) -> str | None:
        about = ops.note(self.session, item_id).about
        if about is None:
            return None
        shared = self.controller.toggle_takeaway_shared(about)
        name = self.session.name_of(about)
        said = (
            _("{name}: kan stå i referatet") if shared else _("{name}: privat – ikke i referatet")
        )
        return said.format(name=name)

    def edit_text(self, item_id: str) -> str | None:
        return ops.note(self.session, item_id).text

    def save_edit(self, item_id: str, text: str) -> None:
        self.controller.edit_takeaway(item_id, text)

    def delete(self, item_id: str) -> str:
        return self.controller.delete_takeaway(item_id)


VIEWS: dict[CaptureKind, type[CaptureView]] = {
    view.kind: view
    for view in (
        AttendanceView,
        FacilitatorView,
        FocusPersonsView,
        RulesView,
        AgreeRulesView,
        ContractView,
        RuleReviewView,
        CompetencesView,
        ChosenCompetencesView,
        ActionsView,
        PlanView,
        NotesView,
        TakeawaysView,
    )
}
