"""The browser projector in a real headless Chromium, following the real facilitator's app.

The facilitator's app runs in tmux (`-L projector`) and is driven with its keys; the web
server is `startpakke projector --web`; Chromium loads the address the server printed.
The page must show the part and a running clock, follow `n` and `b`, say the part and the
speaker to a screen reader, and ask nothing of any other machine.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.projector_helpers import (
    ARTIFACTS,
    CHROMIUM,
    STARTPAKKE,
    WebServer,
    browser,
    facilitator,
    page_text,
)

COUNT_LIVE_CHANGES = """(() => {
  window.liveChanges = 0;
  const live = document.querySelector('[aria-live=polite]');
  new MutationObserver(() => { window.liveChanges += 1; })
    .observe(live, { childList: true, characterData: true, subtree: true });
  return true;
})()"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


async def test_the_page_follows_n_and_b_from_the_facilitators_app(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    session = tmp_path / "okt.json"
    with facilitator(session, _private_data_dir) as app, WebServer(session) as server:
        terminal = f"projektor-{tmp_path.name}"[:40]
        app.start(terminal, [str(STARTPAKKE), "projector", "--session", str(session)], (100, 30))
        app.wait_for("Velkommen og innsjekk", session=terminal)
        async with browser(tmp_path / "chromium", (1280, 720)) as page:
            await page.send(
                "Emulation.setDeviceMetricsOverride",
                width=1280,
                height=720,
                deviceScaleFactor=1,
                mobile=False,
            )
            await page.send("Network.enable")
            await page.send("Page.enable")
            await page.send("Page.navigate", url=server.url)

            assert await page.wait_for(f"{page_text('title')} === 'Velkommen og innsjekk'")
            assert await page.evaluate(page_text("part-label")) == "Innsjekk"
            assert await page.evaluate(page_text("now-speaking")) == "Anne"
            # The clock counts down in the page by itself: two readings a second apart.
            first = await page.evaluate(page_text("clock"))
            second = await page.wait_for(
                f"(() => {{ const t = {page_text('clock')}; return t !== {first!r} && t; }})()",
                timeout=3,
            )
            assert first[:2].isdigit() and second < first
            # A screen reader hears the part and the speaker, in one calm live region.
            live = await page.evaluate("document.querySelector('[aria-live=polite]').textContent")
            assert "Velkommen og innsjekk" in live and "Ordet har: Anne" in live
            assert await page.evaluate("document.getElementById('clock').getAttribute('role')") == (
                "timer"
            )
            # Calm: while only the clock runs, the live region says nothing new.
            await page.evaluate(COUNT_LIVE_CHANGES)
            await page.wait_for(f"{page_text('clock')} !== {second!r}", timeout=3)
            await page.wait_for(f"{page_text('clock')} < {second!r}", timeout=3)
            assert await page.evaluate("window.liveChanges") == 0

            # n in the facilitator's app: the next part, with its own clock.
            app.keys("n")
            assert await page.wait_for(f"{page_text('title')} === 'Valg av fasilitator'", 5)
            assert await page.evaluate(page_text("part-label")) == "Steg 1 av 7"
            clock = await page.evaluate(page_text("clock"))
            assert clock in ("05:00", "04:59", "04:58")
            assert "Valg av fasilitator" in await page.evaluate(
                "document.querySelector('[aria-live=polite]').textContent"
            )

            # b blanks the room's screen: the network's name and the time, nothing else.
            app.keys("b")
            assert await page.wait_for("document.body.classList.contains('-blank')", 5)
            text = await page.evaluate("document.body.innerText")
            assert await page.evaluate(page_text("title"))  # the network's (or meeting's) name
            for hidden in ("Valg av fasilitator", "Steg 1", "Anne", "Fase"):
                assert hidden not in text
            assert ":" in await page.evaluate(page_text("clock"))  # the time of day
            app.wait_for("blank skjerm")  # and the facilitator is told
            app.wait_for("Klokken er", session=terminal, timeout=5)  # the terminal view too
            assert "Valg av fasilitator" not in app.screen(terminal)
            # b again: back to the meeting.
            app.keys("b")
            assert await page.wait_for(f"{page_text('title')} === 'Valg av fasilitator'", 5)
            app.wait_for("Valg av fasilitator", session=terminal, timeout=5)

            shot = await page.send("Page.captureScreenshot", format="png")
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / "projector-web.png").write_bytes(base64.b64decode(shot["data"]))

            # Every request the page made went to this machine, to this server.
            urls = page.request_urls()
            assert any(url.endswith("/ws") for url in urls)
            assert {urlsplit(url).netloc for url in urls} == {f"127.0.0.1:{server.port}"}
    assert "Traceback" not in server.err


async def test_the_page_is_readable_at_1920x1080(tmp_path: Path) -> None:
    from tests.projector_helpers import session_file

    session = tmp_path / "okt.json"
    session_file(session, 4)
    with WebServer(session) as server:
        async with browser(tmp_path / "chromium", (1920, 1080)) as page:
            await page.send(
                "Emulation.setDeviceMetricsOverride",
                width=1920,
                height=1080,
                deviceScaleFactor=1,
                mobile=False,
            )
            await page.send("Page.enable")
            await page.send("Page.navigate", url=server.url)
            assert await page.wait_for(f"{page_text('title')} === 'Spilleregler i gruppen'")
            assert await page.wait_for(f"{page_text('board-heading')}.includes('2 forslag')")
            # The clock is the largest thing on the page, and everything fits on it.
            size = await page.evaluate(
                "parseFloat(getComputedStyle(document.getElementById('clock')).fontSize)"
            )
            assert size >= 180
            overflow = await page.evaluate(
                "document.documentElement.scrollHeight <= innerHeight + 1 && "
                "[...document.querySelectorAll('main *')].every(e => "
                "e.getBoundingClientRect().right <= innerWidth + 1)"
            )
            assert overflow
            shot = await page.send("Page.captureScreenshot", format="png")
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / "projector-web-1920.png").write_bytes(base64.b64decode(shot["data"]))


async def test_too_many_post_its_are_counted_and_nothing_overlaps(tmp_path: Path) -> None:
    from startpakke.session.edit import add_rule
    from tests.projector_helpers import session_file

    session = tmp_path / "okt.json"
    controller = session_file(session, 4)
    controller.next_phase()  # the round: the speaker's line too
    for number in range(20):
        add_rule(controller.session, f"Regel nummer {number} som gruppen har foreslått")
    controller.changed()
    with WebServer(session) as server:
        async with browser(tmp_path / "chromium", (1280, 720)) as page:
            await page.send(
                "Emulation.setDeviceMetricsOverride",
                width=1280,
                height=720,
                deviceScaleFactor=1,
                mobile=False,
            )
            await page.send("Page.enable")
            await page.send("Page.navigate", url=server.url)
            heading = await page.wait_for(
                f"(() => {{ const t = {page_text('board-heading')}; "
                "return t.includes('får ikke plass') ? t : ''; })()"
            )
            assert heading.startswith("Spilleregler · 22 forslag")
            boxes = await page.evaluate(
                "['clock', 'turn', 'board', 'prompts'].map(id => "
                "{ const r = document.getElementById(id).getBoundingClientRect(); "
                "return [r.top, r.bottom]; })"
            )
            clock, turn, board, prompts = boxes
            assert prompts[1] <= clock[0] + 1 and clock[1] <= turn[0] + 1
            assert turn[1] <= board[0] + 1 and board[1] <= 721
            # No note is drawn half: those that do not fit are hidden and counted.
            cut = await page.evaluate(
                "[...document.querySelectorAll('.postit')].filter(n => "
                "n.style.visibility !== 'hidden' && n.getBoundingClientRect().bottom > 721)"
                ".length"
            )
            assert cut == 0
