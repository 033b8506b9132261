"""Capture: what the facilitator writes down during the meeting.

`CaptureArea` sits at the bottom of the run screen and shows the capture that fits the
current part (rules, competences, plan, …); `c` puts the cursor in its field, Enter adds,
Esc returns to the meeting's keys.
"""

from startpakke.tui.capture.area import CaptureArea

__all__ = ["CaptureArea"]
