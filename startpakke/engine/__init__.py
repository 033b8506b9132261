"""The run engine: position, turns and timers over an agenda, with an injected clock."""
