"""A clock face drawn in block characters, scaled to fill the room's screen.

Each glyph is a 5×7 bitmap. A bitmap pixel becomes `scale` columns wide and `scale`
half-rows tall (half-block characters ▀ ▄ █ give two pixel rows per text row, and a
terminal cell is about twice as tall as it is wide, so pixels stay square). `fit()` picks
the largest scale that fits the space, so the clock grows with the window or the font.
"""

from __future__ import annotations

GLYPHS: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("####.", "....#", "....#", ".###.", "....#", "....#", "####."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "+": (".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    " ": ("..", "..", "..", "..", "..", "..", ".."),
}
GLYPH_HEIGHT = 7
GAP = 1
"""Pixels between two glyphs."""
_HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def _bitmap(face: str) -> list[list[bool]]:
    """The face at scale 1: rows of pixels, glyphs separated by `GAP` empty columns."""
    rows: list[list[bool]] = [[] for _ in range(GLYPH_HEIGHT)]
    for index, char in enumerate(face):
        glyph = GLYPHS.get(char, GLYPHS[" "])
        for row, line in zip(rows, glyph, strict=True):
            if index:
                row.extend([False] * GAP)
            row.extend(pixel == "#" for pixel in line)
    return rows


def size(face: str, scale: int) -> tuple[int, int]:
    """(columns, rows) the face takes at `scale`."""
    width = len(_bitmap(face)[0]) if face else 0
    return width * scale, (GLYPH_HEIGHT * scale + 1) // 2


def fit(face: str, width: int, height: int) -> int:
    """The largest scale at which `face` fits in `width`×`height` cells; 0 if none does."""
    scale = 0
    while True:
        columns, rows = size(face, scale + 1)
        if columns > width or rows > height:
            return scale
        scale += 1


def render(face: str, scale: int) -> list[str]:
    """The face as lines of block characters at `scale` (all lines the same length)."""
    if scale < 1 or not face:
        return []
    pixels = _bitmap(face)
    tall = [[pixel for pixel in row for _ in range(scale)] for row in pixels for _ in range(scale)]
    if len(tall) % 2:
        tall.append([False] * len(tall[0]))
    return [
        "".join(_HALF[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(tall[0::2], tall[1::2], strict=True)
    ]
