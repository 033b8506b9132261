"""Errors meant for people: a Norwegian message, shown without a traceback, exit code 1."""

from __future__ import annotations

from startpakke.i18n import _


class UserError(Exception):
    """Bad input from the user (a file, an option, a path). `str(err)` is the message."""

    exit_code = 1


def report(error: UserError) -> int:
    """Print a user error to stderr and return its exit code."""
    import sys

    print(str(error), file=sys.stderr)
    return error.exit_code


def os_reason(err: OSError) -> str:
    """Why a file operation failed, in the current language («disken er full»).

    The system's own text (`strerror`) is English on most machines, so it is never shown:
    an error without a wording here is named by its code («systemfeil EXDEV»).
    """
    import errno

    reasons = {
        errno.ENOSPC: _("disken er full"),
        errno.EDQUOT: _("disken er full"),
        errno.EACCES: _("mangler tilgang"),
        errno.EPERM: _("mangler tilgang"),
        errno.EROFS: _("disken er skrivebeskyttet"),
        errno.ENOENT: _("mappen finnes ikke"),
        errno.EISDIR: _("det er en mappe"),
        errno.ENOTDIR: _("en del av stien er ikke en mappe"),
        errno.ENAMETOOLONG: _("filnavnet er for langt"),
        errno.EEXIST: _("finnes fra før"),
        errno.EBUSY: _("er i bruk"),
        errno.EIO: _("lese- eller skrivefeil på disken"),
        errno.ELOOP: _("stien peker i ring (symbolske lenker)"),
        errno.EMFILE: _("for mange åpne filer"),
        errno.ENOEXEC: _("kan ikke kjøres"),
    }
    if err.errno in reasons:
        return reasons[err.errno]
    code = errno.errorcode.get(err.errno or 0)
    return _("systemfeil {code}").format(code=code) if code else _("ukjent systemfeil")
