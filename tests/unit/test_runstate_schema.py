"""The session schema describes the run state field by field: no free-form object."""

from __future__ import annotations

from typing import Any

from startpakke.session.model import json_schema


def _free_form(node: Any, path: str = "") -> list[str]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" not in node:
            found.append(path)
        if node.get("additionalProperties") not in (None, False):
            found.append(path)
        for key, value in node.items():
            found += _free_form(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _free_form(value, f"{path}[{index}]")
    return found


def test_no_free_form_object_in_the_session_schema() -> None:
    schema = json_schema()
    assert _free_form(schema) == []
    run = schema["$defs"]["RunState"]["properties"]
    assert {"position", "parts", "phase_timer", "order"} <= set(run)
    part = schema["$defs"]["PartRun"]["properties"]
    assert set(part) == {
        "id",
        "planned_seconds",
        "extended_seconds",
        "used_seconds",
        "started_at",
        "ended_at",
        "turns",
    }
