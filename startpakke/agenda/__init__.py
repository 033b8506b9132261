"""The agenda: the meeting as validated data."""
