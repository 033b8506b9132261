"""Running a `startpakke …` command the way the CLI tests do: in this process, or as a real
process where the process itself is what is tested.

`startpakke(...)` calls `startpakke.cli.main` here, with the command's own standard output,
error and input, its folder and its environment, and returns what a real run would. It
costs a few milliseconds where a new interpreter cost half a second of CPU (most of the
suite's CLI tests, tests/README.md). `startpakke_process(...)` starts `python -m startpakke`:
for the console script, signals, terminals, locks between processes and output encoding.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIET = {"PYTHONUTF8": "1", "NO_COLOR": "1"}
"""What both ways add to the environment: UTF-8 output without colours."""


def startpakke(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the command to its end in this process (no terminal, no input) and return what
    it printed and its exit code, as `subprocess.run` would.

    Like a new process, it starts in the folder `cwd`, with `env` added to the environment
    and in the language that environment chooses; afterwards the folder, environment,
    language and standard streams are as before. An exception escaping `main` is a
    traceback a user would have seen: it fails the test. `timeout` is for the signature
    shared with `startpakke_process`.
    """
    from startpakke import i18n
    from startpakke.cli import main

    del timeout
    out, err = _text_stream(), _text_stream()
    language = i18n.current_language()
    with _environment({**QUIET, **(env or {})}), _folder(cwd), _no_input():
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code: object = main(list(args))
        except SystemExit as done:  # argparse: a usage error or --help
            code = done.code
        finally:
            i18n.set_language(language)
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): printed, exit status 1
        print(code, file=err)
        code = 1
    stdout, stderr = _read(out), _read(err)
    assert "Traceback" not in stderr, stderr
    assert "Traceback" not in stdout
    return subprocess.CompletedProcess(["startpakke", *args], code, stdout, stderr)


def startpakke_process(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m startpakke …` as a real process to its end (no terminal, no input)
    and return what it printed. A traceback fails the test here."""
    result = subprocess.run(
        [sys.executable, "-m", "startpakke", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, **QUIET, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout
    return result


def _text_stream() -> io.TextIOWrapper:
    # A real text stream over bytes, as a pipe is: `schema` reconfigures its encoding.
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


@contextmanager
def _environment(changes: dict[str, str]) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _folder(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@contextmanager
def _no_input() -> Iterator[None]:
    # stdin=DEVNULL: not a terminal, and input() meets the end of the file at once.
    before = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = before
