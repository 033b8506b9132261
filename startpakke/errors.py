"""Errors meant for people: a Norwegian message, shown without a traceback, exit code 1."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user (a file, an option, a path). `str(err)` is the message."""

    exit_code = 1


def report(error: UserError) -> int:
    """Print a user error to stderr and return its exit code."""
    import sys

    print(str(error), file=sys.stderr)
    return error.exit_code
