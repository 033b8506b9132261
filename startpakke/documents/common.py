"""Small pieces of wording shared by the contract and the referat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from startpakke.documents.base import long_date
from startpakke.documents.registry import meeting_date as meeting_date
from startpakke.i18n import N_, _
from startpakke.text import clean

if TYPE_CHECKING:
    from startpakke.session.model import Competence, MeetingSlot, Session

# Quotations: they stay in the language Bufdir wrote them in (issue 17), in both målformer.
BUFDIR_PURPOSE = (  # i18n: not text
    "«Barnevernsledernettverk skal bidra til at barnevernsledere styrker egen lederrolle, og "
    "dermed styringen og ledelsen av barnevernstjenesten. Nettverkene skal bidra til "
    "erfaringsdeling, støtte og veiledning mellom barnevernslederne.»"
)
BUFDIR_SOURCE = (  # i18n: not text
    "Rammer og føringer for kommunale læringsnettverk, barnevernsledernettverk og for "
    "stimuleringsmidlene i tiltakene, Bufdir 2024"
)


def is_bufdir_purpose(text: str) -> bool:
    """The purpose is the Bufdir 2024 text itself (then it is shown as a quote with source)."""

    def words(value: str) -> list[str]:
        return "".join(c for c in value.lower() if c.isalnum() or c.isspace()).split()

    return words(text) == words(BUFDIR_PURPOSE)


DEFAULT_NETWORK = N_("Barnevernledernettverk")
CASE_TEXT = N_(
    "Alle tar med seg en relevant problemstilling, stor eller liten, som kan egne seg for "
    "kollegaveiledning (reflekterende team)."
)


def network_name(session: Session) -> str:
    return clean(session.network.name).strip() or _(DEFAULT_NETWORK)


def name(session: Session, participant_id: str | None, blank: str = "") -> str:
    return clean(session.name_of(participant_id, blank))


def is_rotating(session: Session) -> bool:
    """Leader and secretary go round, or some meeting has its own leader or referent."""
    plan = session.plan
    if plan.term == "rotating":
        return True
    return any(
        (slot.leader is not None and slot.leader != plan.leader)
        or (slot.secretary is not None and slot.secretary != plan.secretary)
        for slot in plan.meetings
    )


def leader_text(session: Session) -> str:
    plan = session.plan
    if plan.term == "rotating" and plan.leader is None:
        return _("Går på omgang (se møteplanen)")
    leader = name(session, plan.leader, _("Ikke valgt ennå"))
    if plan.term == "year":
        return _("{name} (for det neste året)").format(name=leader)
    return leader


def secretary_text(session: Session) -> str:
    plan = session.plan
    if plan.term == "rotating" and plan.secretary is None:
        return _("Går på omgang (se møteplanen)")
    secretary = name(session, plan.secretary, _("Ikke valgt ennå"))
    if plan.term == "year":
        return _("{name} (for det neste året)").format(name=secretary)
    return secretary


def slot_place(session: Session, slot: MeetingSlot) -> str:
    """The meeting's own place; else the platform, unless the group meets in person."""
    place = clean(slot.place).strip()
    if place or session.plan.format == "physical":
        return place or _("Ikke bestemt")
    return clean(session.plan.platform).strip() or _("Ikke bestemt")


def slot_when(slot: MeetingSlot) -> str:
    start, end = clean(slot.start), clean(slot.end)
    return f"{start}–{end}" if start and end else start or end


def slot_rows(session: Session, rotating: bool) -> tuple[list[str], list[list[str]]]:
    headers = [_("Dato"), _("Tid"), _("Sted")]
    if rotating:
        headers += [_("Leder møtet"), _("Skriver referat")]
    rows = []
    for slot in sorted(session.plan.meetings, key=lambda s: (s.date, s.start)):
        row = [long_date(slot.date).capitalize(), slot_when(slot), slot_place(session, slot)]
        if rotating:
            row += [name(session, slot.leader, "–"), name(session, slot.secretary, "–")]
        rows.append(row)
    return headers, rows


def competence_label(session: Session, item: Competence) -> str:
    from startpakke.labels import label

    return f"{clean(item.text)} – {name(session, item.participant)} ({label(item.category)})"


def top_three(session: Session) -> list[tuple[str, list[Competence]]]:
    """Each participant's «topp 3» post-its, in roster order: (name, post-its)."""
    tops = [c for c in session.competences if c.top and clean(c.text).strip()]
    people = []
    for person in session.participants:
        mine = [c for c in tops if c.participant == person.id]
        if mine:
            people.append((clean(person.name), mine))
    return people


def top_text(items: list[Competence]) -> str:
    """«Barnevernloven (teoretisk); Humor (personlig)»."""
    return "; ".join(f"{clean(c.text)} ({_(c.category.value)})" for c in items)


# The categories' short names as `top_text` shows them (the enum's values), for the catalogue.
_SHORT_CATEGORIES = (N_("teoretisk"), N_("yrkesspesifikk"), N_("personlig"))
