"""startpakke — the facilitator's companion for establishing a barnevernledernettverk."""

__version__ = "0.1.0"
