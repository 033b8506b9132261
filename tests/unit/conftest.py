"""What the document tests read from, made once per test module: the built-in `startpakke`
agenda (`agenda`) and the example session (`session`). A module that wants another agenda
or session defines its own fixture of that name, which pytest uses instead."""

from __future__ import annotations

import pytest

from startpakke.agenda.model import Agenda
from startpakke.session.model import Session
from tests.documents_session import example_session, load_builtin_agenda


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return load_builtin_agenda("startpakke")


@pytest.fixture(scope="module")
def session() -> Session:
    return example_session()
