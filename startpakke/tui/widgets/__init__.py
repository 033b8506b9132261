"""Widgets of the facilitator's app: each shows a piece of engine or session state."""
