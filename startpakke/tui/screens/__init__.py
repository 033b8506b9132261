"""Screens of the facilitator's app, one per module."""
