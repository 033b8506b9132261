"""The test-only cache of parsed CSS (tests/css_once.py) gives the rules Textual would."""

from __future__ import annotations

import inspect
from pathlib import Path

from textual.app import App
from textual.css.stylesheet import Stylesheet

import startpakke.tui
from tests.css_once import parse_rules_once

APP_CSS = (Path(startpakke.tui.__file__).parent / "styles" / "app.tcss").read_text()
CSS = "Static { color: $primary; padding: 1 2; }\n#clock { text-style: bold; }"


def _rules(stylesheet: Stylesheet, css: str) -> list[str]:
    stylesheet.add_source(css, read_from=("test", "CSS"))
    stylesheet.parse()
    return [rule.css for rule in stylesheet.rules]


def test_the_tests_parse_through_the_cache_and_textuals_method_is_still_there() -> None:
    """If this fails, Textual renamed or changed what the cache wraps: update css_once.py."""
    textuals = getattr(Stylesheet._parse_rules, "textuals", None)
    assert textuals is not None, "tests/conftest.py installs the cache"
    names = list(inspect.signature(textuals).parameters)
    assert names == ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]


def test_a_cached_parse_gives_the_rules_of_a_fresh_one() -> None:
    textuals = Stylesheet._parse_rules.textuals  # type: ignore[attr-defined]
    cached = parse_rules_once(textuals)
    variables = App().get_css_variables()
    fresh = Stylesheet(variables=variables)
    fresh._parse_rules = textuals.__get__(fresh)  # type: ignore[method-assign]
    first, second = Stylesheet(variables=variables), Stylesheet(variables=variables)
    for sheet in (first, second):
        sheet._parse_rules = cached.__get__(sheet)  # type: ignore[method-assign]
    expected = _rules(fresh, APP_CSS)
    assert len(expected) > 10
    assert _rules(first, APP_CSS) == expected
    assert _rules(second, APP_CSS) == expected  # from the cache
    assert second.rules[0] is first.rules[0]


def test_other_css_variables_are_parsed_again() -> None:
    cached = parse_rules_once(Stylesheet._parse_rules.textuals)  # type: ignore[attr-defined]
    sheets = [Stylesheet(variables={"primary": colour}) for colour in ("#ff0000", "#0000ff")]
    for sheet in sheets:
        sheet._parse_rules = cached.__get__(sheet)  # type: ignore[method-assign]
    red, blue = (_rules(sheet, CSS) for sheet in sheets)
    assert red != blue
    assert "#FF0000" in red[0].upper() and "#0000FF" in blue[0].upper()
