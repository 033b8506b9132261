"""`--lang` on every command, argparse's own words in Norwegian, and the order of choice."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from startpakke import cli, i18n

ENGLISH = re.compile(
    r"\b(usage|options|show|help message|version number|exit|arguments|positional|invalid|choose|"
    r"required|expected|error)\b",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def bokmal_afterwards(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[None]:
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", str(tmp_path))
    yield
    i18n.set_language("nb")


def subcommands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield sub
                yield from subcommands(sub)


def test_every_command_takes_lang() -> None:
    parser = cli.build_parser()
    commands = list(subcommands(parser))
    assert len(commands) >= 7
    for command in [parser, *commands]:
        assert "--lang" in command._option_string_actions, command.prog
        assert command._option_string_actions["--lang"].choices == i18n.LANGUAGES


def test_lang_before_or_after_the_command_reaches_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parser = cli.build_parser()
    assert parser.parse_args(["--lang", "nn", "validate", "x.yaml"]).lang == "nn"
    assert parser.parse_args(["validate", "--lang", "nn", "x.yaml"]).lang == "nn"
    assert parser.parse_args(["validate", "x.yaml"]).lang is None


@pytest.mark.parametrize("language", ["nb", "nn"])
@pytest.mark.parametrize("command", [[], ["agenda"], ["handouts"], ["export"], ["run"]])
def test_help_has_no_english(
    language: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--lang", language, "--help"])
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    assert ENGLISH.findall(shown.replace("--help", "").replace("-h,", "")) == [], shown


def test_version_help_is_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "vis versjonen og avslutt" in out
    assert "show program's version number" not in out


@pytest.mark.parametrize(("language", "expected"), [("nb", "ugyldig valg"), ("nn", "ugyldig val")])
def test_usage_errors_in_the_chosen_language(
    language: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--lang", language, "export", "x.json", "--format", "pdf"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert ENGLISH.findall(err) == [], err


def test_environment_then_setting_decide_without_lang(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = str(i18n.LOCALE_DIR.parent.parent / "agenda" / "revisjon.yaml")
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "nn")
    assert cli.main(["validate", agenda]) == 0
    assert "4 delar" in capsys.readouterr().out
    monkeypatch.delenv(i18n.LANGUAGE_ENV)
    i18n.save_language("nn")
    assert cli.main(["validate", agenda]) == 0
    assert "4 delar" in capsys.readouterr().out
    assert cli.main(["--lang", "nb", "validate", agenda]) == 0
    assert "4 deler" in capsys.readouterr().out


def test_a_builtin_agenda_by_name_is_the_languages_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--lang", "nn", "agenda", "--participants", "3"]) == 0
    out = capsys.readouterr().out
    assert "Velkomen og innsjekk" in out and "3 deltakarar" in out
    assert cli.main(["agenda", "--participants", "1"]) == 0
    out = capsys.readouterr().out
    assert "Velkommen og innsjekk" in out and "1 deltaker ·" in out
