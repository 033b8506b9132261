"""What must not be typed into a meeting: fødselsnummer anywhere, phone numbers in a case.

Kollegaveiledning cases are under confidentiality (taushetsplikt): the program records no
case content by default, and when typed text looks like it identifies a child or a family
the facilitator is warned before it is kept.

- A **fødselsnummer** is 11 digits (`010190 12345` with a space after the date too) whose
  two last digits are the mod-11 check digits of the nine before; other 11-digit numbers
  (an invoice number) do not pass both and are left alone.
- A **phone number** is 8 digits, maybe after +47 or 0047, in groups («412 34 567»,
  «41 23 45 67»). Contact details belong in the participant list; in a case field they are
  most likely a client's.
"""

from __future__ import annotations

import re

from startpakke.i18n import N_, _

_ELEVEN = re.compile(r"(?<![\d])(\d{6})[ ]?(\d{5})(?![\d])")
_PHONE = re.compile(r"(?<![\d+])(?:(?:\+|00)47[ ]?)?(?:\d[ ]?){7}\d(?![\d])")

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Catalogue message ids (`warnings()` translates them when it is called).
FNR_WARNING = N_(
    "Teksten ser ut til å inneholde et fødselsnummer. Skriv ikke personopplysninger om "
    "barn, familier eller andre i møtet – fjern det før du lagrer."
)
PHONE_WARNING = N_(
    "Teksten ser ut til å inneholde et telefonnummer. Saker i kollegaveiledningen skal "
    "være anonyme – fjern nummeret."
)
CASE_TITLE_NOTE = N_(
    "Skriv bare en kort tittel, og bare om fokuspersonen ønsker det. Hold den anonym: "
    "ingen navn, steder eller detaljer som kan kjenne igjen et barn eller en familie."
)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    value = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    if value == 11:
        return 0
    return None if value == 10 else value


def is_fodselsnummer(number: str) -> bool:
    """11 digits whose check digits (mod 11, both) are right."""
    if len(number) != 11 or not number.isascii() or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    first = _check_digit(digits[:9], _K1)
    if first is None or first != digits[9]:
        return False
    second = _check_digit(digits[:10], _K2)
    return second is not None and second == digits[10]


def has_fodselsnummer(text: str) -> bool:
    return any(is_fodselsnummer(a + b) for a, b in _ELEVEN.findall(text))


def has_phone_number(text: str) -> bool:
    return _PHONE.search(text) is not None


def warnings(text: str, *, case_field: bool = False) -> list[str]:
    """The warnings for `text` typed into a field (`case_field`: a kollegaveiledning case)."""
    found = []
    if has_fodselsnummer(text):
        found.append(_(FNR_WARNING))
    if case_field and has_phone_number(text):
        found.append(_(PHONE_WARNING))
    return found
