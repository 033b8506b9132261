"""The session: what is captured, saved atomically, and resumed."""
