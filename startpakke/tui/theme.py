"""The app's two themes: a dark one for the laptop, a light high-contrast one for projectors.

Light backgrounds project better, and the projector theme keeps contrast high enough to
read across a room. Colour is never the only signal: every state also has a text label.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="startpakke",
    primary="#5AA9E6",
    secondary="#7FC8A9",
    accent="#F2C14E",
    warning="#F2A541",
    error="#F25F5C",
    success="#7FC8A9",
    foreground="#EEF1F4",
    background="#14181D",
    surface="#1D232A",
    panel="#26303A",
    dark=True,
)

PROJECTOR = Theme(
    name="startpakke-projektor",
    primary="#0B4F8A",
    secondary="#1E6B52",
    accent="#8A4B00",
    warning="#A85800",
    error="#B00020",
    success="#1E6B52",
    foreground="#000000",
    background="#FFFFFF",
    surface="#F2F2F2",
    panel="#E0E6EC",
    dark=False,
)

THEMES = (DARK, PROJECTOR)
