"""The browser projector in nynorsk (issue 17): `startpakke projector --web --lang nn` in a
real process, the page in a real headless Chromium. The page's own words (the rules and
competence boards, «Neste:», the clock's label, the html `lang`) come in the language of
the server; no bokmål marker word is on the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from startpakke import i18n
from tests.projector_helpers import CHROMIUM, WebServer, browser, page_text, session_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]

BOKMAL = re.compile(
    r"\b(ikke|hva|hvordan|hvem|jeg|fra|deltaker|deltakere|lagret|velg|bare|uten|flere|hver|"
    r"ennå|økten|klokken|listen|valgt|vedtatt|enige?|lapper|spilleregler|neste del)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("part", "heading"), [(4, "Spelereglar · 2 forslag, 1 vedteken"), (7, "Kompetansen vår")]
)
async def test_the_page_is_in_nynorsk(tmp_path: Path, part: int, heading: str) -> None:
    session = tmp_path / "okt.json"
    with i18n.using("nn"):  # the nynorsk agenda, as `run --lang nn` would have saved it
        controller = session_file(session, part)
    if part == 7:
        from startpakke.session.edit import add_competence

        add_competence(controller.session, controller.session.participants[0].id, "teoretisk", "X")
        controller.changed()
    with WebServer(session, "--lang", "nn") as server:
        async with browser(tmp_path / "chromium", (1280, 720)) as page:
            await page.send("Page.enable")
            await page.send("Page.navigate", url=server.url)
            assert await page.wait_for(f"{page_text('board-heading')}.startsWith({heading!r})")
            assert await page.evaluate("document.documentElement.lang") == "nn"
            text = await page.evaluate("document.body.innerText")
            live = await page.evaluate("document.getElementById('announce').textContent")
    assert BOKMAL.findall(text + "\n" + live) == [], text
