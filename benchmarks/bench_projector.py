"""The room's screens: how fast a facilitator's key reaches both projector views, and what
the browser projector costs in memory. Prints figures; tests nothing.

    python benchmarks/bench_projector.py            # 40 key presses, 1 and 20 tabs
    python benchmarks/bench_projector.py --presses 10

Real processes throughout: the facilitator's app (`startpakke run`, 120×40) and the
terminal projector (`startpakke projector`, 100×30) in tmux on the private server
`-L projector`, the browser projector (`startpakke projector --web`) with a headless
Chromium on its page. See `benchmarks/README.md` («Projektorvisningene») for the method.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from tests.projector_helpers import (  # noqa: E402
    STARTPAKKE,
    WebServer,
    browser,
    facilitator,
)

TITLES = {"n": "Valg av fasilitator", "p": "Velkommen og innsjekk"}
WATCH_TITLE = """(() => {
  // The moment the page has painted a new part title (the frame after the change).
  window.benchTitles = [];
  const title = document.getElementById("title");
  new MutationObserver(() => {
    const text = title.textContent;
    requestAnimationFrame(() => window.benchTitles.push([text, Date.now()]));
  }).observe(title, { childList: true, characterData: true, subtree: true });
  return true;
})()"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def vm_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def mb(kib: float) -> str:
    return f"{kib / 1024:.1f} MB"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def key_to_views(presses: int, folder: Path) -> dict[str, list[float]]:
    """Seconds from `tmux send-keys` to each view showing the new part, per press."""
    session = folder / "okt.json"
    data = folder / "data"
    terminal: list[float] = []
    page_times: list[float] = []
    with facilitator(session, data) as app, WebServer(session) as server:
        app.start("projektor", [str(STARTPAKKE), "projector", "--session", str(session)], (100, 30))
        app.wait_for("Velkommen og innsjekk", session="projektor")
        async with browser(folder / "chromium", (1280, 720)) as page:
            await page.send("Page.enable")
            await page.send("Page.navigate", url=server.url)
            first = TITLES["p"]
            await page.wait_for(f"document.getElementById('title').textContent === {first!r}")
            await page.evaluate(WATCH_TITLE)
            for index in range(presses):
                key = "n" if index % 2 == 0 else "p"
                title = TITLES[key]
                await asyncio.sleep(0.5)  # let both views settle
                await page.evaluate("window.benchTitles = []")
                sent = time.time()
                app.keys(key)
                # The terminal view: the first capture that shows the new title.
                while title not in app.screen("projektor"):
                    if time.time() - sent > 10:
                        raise RuntimeError(f"the terminal projector did not show {title}")
                    await asyncio.sleep(0.005)
                terminal.append(time.time() - sent)
                painted = await page.wait_for(
                    "(() => { const t = window.benchTitles.find(e => e[0] === "
                    f"{title!r}); return t ? t[1] : 0; }})()",
                    timeout=10,
                    every=0.01,
                )
                page_times.append(painted / 1000 - sent)
    return {"terminal": terminal, "browser": page_times}


async def memory(tabs: list[int], folder: Path) -> dict[str, int]:
    """The web server's resident memory with n tabs, and one Textual projector's."""
    from tests.projector_helpers import TmuxSessions, session_file

    session = folder / "okt-mem.json"
    session_file(session, 4)
    figures: dict[str, int] = {}
    with WebServer(session) as server:
        await asyncio.sleep(1.0)
        figures["server, 0 faner"] = vm_kib(server.pid, "VmRSS")
        origin = f"http://127.0.0.1:{server.port}"
        url = f"ws://127.0.0.1:{server.port}/{server.secret}/ws"
        async with aiohttp.ClientSession() as http:
            open_sockets: list[aiohttp.ClientWebSocketResponse] = []
            for count in tabs:
                while len(open_sockets) < count:
                    ws = await http.ws_connect(url, origin=origin)
                    await ws.receive()  # the room's data, as a tab gets it
                    open_sockets.append(ws)
                await asyncio.sleep(1.0)
                figures[f"server, {count} faner"] = vm_kib(server.pid, "VmRSS")
            # The tabs get the next change, all of them.
            figures["server, topp"] = vm_kib(server.pid, "VmHWM")
            for ws in open_sockets:
                await ws.close()
    # One Textual projector app: what textual-serve started for every tab before.
    tmux = TmuxSessions({"STARTPAKKE_DATA_DIR": str(folder / "data"), "LANG": "C.UTF-8"})
    tmux.name = f"projektor-minne-{os.getpid()}"
    try:
        tmux.start(tmux.name, [str(STARTPAKKE), "projector", "--session", str(session)], (120, 40))
        tmux.wait_for("Spilleregler i gruppen")
        await asyncio.sleep(1.0)
        figures["Textual-projektor (én prosess)"] = vm_kib(tmux.pid(tmux.name), "VmRSS")
    finally:
        tmux.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="startpakke-bench-projector-") as tmp:
        folder = Path(tmp)
        times = asyncio.run(key_to_views(args.presses, folder))
        mem = asyncio.run(memory([1, 10, 20], folder))
    print(f"Belastning (1 min load average) før/etter: {load:.2f}/{os.getloadavg()[0]:.2f}")
    print()
    print("| måling | median | 95. persentil | verste | n | mål |")
    print("|---|---|---|---|---|---|")
    targets = {"terminal": "< 0.3 s (median)", "browser": ""}
    names = {"terminal": "tast → terminalprojektoren", "browser": "tast → nettleserprojektoren"}
    for view, values in times.items():
        print(
            f"| {names[view]} | {ms(statistics.median(values))} | "
            f"{ms(percentile(values, 0.95))} | {ms(max(values))} | {len(values)} | "
            f"{targets[view]} |"
        )
    both = [max(t, b) for t, b in zip(times["terminal"], times["browser"], strict=True)]
    print(
        f"| tast → begge visningene | {ms(statistics.median(both))} | "
        f"{ms(percentile(both, 0.95))} | {ms(max(both))} | {len(both)} | < 0.3 s (median) |"
    )
    print()
    textual = mem["Textual-projektor (én prosess)"]
    idle = mem["server, 0 faner"]
    print("| minne (VmRSS) | verdi | mot én Textual-projektor |")
    print("|---|---|---|")
    for name, kib in mem.items():
        print(f"| {name} | {mb(kib)} | {kib / textual:.2f}× |")
    for count in (10, 20):
        extra = mem[f"server, {count} faner"] - idle
        print(f"| {count} faner utover serveren alene | {mb(extra)} | {extra / textual:.3f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
