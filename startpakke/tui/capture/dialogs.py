"""The capture dialogs by name, so the capture area can open them without importing them all."""

from __future__ import annotations

from textual.screen import Screen

from startpakke.controller import MeetingController


def dialog(name: str, controller: MeetingController, item_id: str | None = None) -> Screen[None]:
    """The dialog `name` (note, park, action, contract, plan, participants, objection)."""
    if name == "note":
        from startpakke.tui.screens.capture_note import NoteScreen

        return NoteScreen(controller)
    if name == "action":
        from startpakke.tui.screens.capture_action import ActionScreen

        return ActionScreen(controller, item_id)
    if name == "contract":
        from startpakke.tui.screens.capture_contract import ContractScreen

        return ContractScreen(controller)
    if name == "plan":
        from startpakke.tui.screens.plan import PlanScreen

        return PlanScreen(controller)
    if name == "participants":
        from startpakke.tui.screens.participants import ParticipantsScreen

        return ParticipantsScreen(controller, item_id)
    if name == "park":
        from startpakke.tui.screens.park import ParkScreen

        return ParkScreen(controller)
    if name == "objection" and item_id is not None:
        from startpakke.tui.screens.capture_objection import ObjectionScreen

        return ObjectionScreen(controller, item_id)
    raise ValueError(f"unknown dialog {name!r}")
