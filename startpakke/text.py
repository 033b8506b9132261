"""One place where user text is made safe for documents and files, and counted right.

Pasted text carries characters XML 1.0 forbids (vertical tab, NUL, other C0 controls,
lone surrogates, U+FFFE/U+FFFF); python-docx raises ValueError on them. Every user string
goes through `clean` before it reaches a document, so no writer needs to think about it.
"""

from __future__ import annotations

import re

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\x0b\x0c\u2028\u2029]")


def clean(value: object) -> str:
    """Return `value` as text that any document writer accepts.

    Vertical tabs, form feeds and Unicode line separators (what Word and PowerPoint put in
    pasted text for a soft line break) become newlines; other illegal characters are dropped.
    """
    if value is None:
        return ""
    text = str(value)
    text = _LINE_BREAKS.sub("\n", text)
    return _ILLEGAL.sub("", text)


def slug(value: str, fallback: str = "nettverk") -> str:
    """A file-name-safe slug that keeps æøå readable as ae/o/a."""
    table = str.maketrans(
        {"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"}
    )  # i18n: not text
    text = clean(value).translate(table).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60] or fallback


# What a terminal would act on instead of showing: C0 controls but tab and newline (ESC
# starts the sequences that retitle a window or move the cursor), DEL, and the C1 controls
# (U+0080–U+009F; U+009B alone is a CSI).
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """`text` without control characters: safe to show in either terminal view."""
    return _TERMINAL_CONTROLS.sub("", _LINE_BREAKS.sub("\n", text))


def without_controls(data: object) -> object:
    """Every string inside parsed JSON made `for_terminal`; the structure is kept.

    The projector reads session files through this, and `scrub_controls` does the same to
    a session the run screen opens, so a name or rule holding ESC ]2;… (from a paste or a
    hostile file) reaches neither terminal view raw. The session store itself keeps text
    exactly as written.
    """
    if isinstance(data, str):
        return for_terminal(data) if _TERMINAL_CONTROLS.search(data) else data
    if isinstance(data, list):
        return [without_controls(item) for item in data]
    if isinstance(data, dict):
        return {key: without_controls(value) for key, value in data.items()}
    return data


def scrub_controls(obj: object) -> None:
    """`for_terminal` on every string inside `obj` (dataclasses, lists, dicts), in place."""
    import dataclasses

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            value = getattr(obj, field.name)
            if isinstance(value, str):
                if _TERMINAL_CONTROLS.search(value):
                    setattr(obj, field.name, for_terminal(value))
            else:
                scrub_controls(value)
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            if isinstance(value, str):
                obj[index] = without_controls(value)
            else:
                scrub_controls(value)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if isinstance(value, str):
                obj[key] = without_controls(value)
            else:
                scrub_controls(value)
