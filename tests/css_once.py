"""A test-only cache of parsed CSS, shared by the Apps one test process builds.

Textual keeps its cache of parsed CSS in each App's stylesheet, so every Pilot test parsed
the app's CSS and each widget's DEFAULT_CSS again: a sixth of the CPU of a short Pilot
test. The program builds one App per run and has nothing to gain. This wraps Textual's
private `Stylesheet._parse_rules` (tests/conftest.py installs it); its key is Textual's
own plus the CSS variables the text is parsed with, since `$primary` and the like are
substituted while parsing. tests/unit/test_layers_css_cache.py checks that the wrapped
method is still there and that the rules are those a fresh parse gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ParseRules = Callable[..., Any]


def parse_rules_once(textuals: ParseRules) -> ParseRules:
    """`Stylesheet._parse_rules` with one cache for every stylesheet of the process."""
    parsed: dict[tuple[object, ...], Any] = {}

    def _parse_rules(
        self: Any,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        variables = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        if key not in parsed:
            parsed[key] = textuals(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    _parse_rules.textuals = textuals  # type: ignore[attr-defined]
    return _parse_rules
