"""Reading the files a plan is made of, safely: regular files only, with a size limit.

A plan arrives by e-mail, a calendar file from a system nobody here controls; either may
be a FIFO, a device such as ``/dev/zero``, a symlink to one, or simply huge. The file is
opened without blocking, checked to be a regular file on the open descriptor (no race
between the check and the read), and read up to its limit, so no input can hang the
program or fill the memory. Text is then decoded with a line number for any problem.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from roadmap.text.messages import Message as M

MB = 1024 * 1024
#: The documented limits (docs/plan-format.md, "Grenzen").
PLAN_LIMIT_MB = 20
ICS_LIMIT_MB = 50

#: Characters YAML does not allow in a document (control characters, lone surrogates,
#: U+FFFE/U+FFFF); TAB, LF, CR and NEL are allowed.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


class FileProblem(Exception):
    """A file that cannot be used; ``code`` is the diagnostic code, ``message`` a catalog
    message, ``line`` the line of the file it concerns (0: the file as a whole)."""

    def __init__(self, code: str, message: M, line: int = 0, reason=None):
        super().__init__(message)
        self.code, self.message, self.line = code, message, line
        self.reason = message if reason is None else reason  # without the path: for the plan


def _kind(mode: int) -> M:
    if stat.S_ISDIR(mode):
        return M("file.kind.folder")
    if stat.S_ISFIFO(mode):
        return M("file.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return M("file.kind.device")
    if stat.S_ISSOCK(mode):
        return M("file.kind.socket")
    return M("file.kind.other")


def read_regular(path: str | Path, limit_mb: int, too_large: M, shown: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit_mb`` MB.

    Raises :class:`FileProblem`: ``unreadable`` for what is not a readable regular file,
    ``file-too-large`` (with the message ``too_large``) beyond the limit. ``shown`` is the
    path as the user wrote it (default: ``path``).
    """
    shown = str(path) if shown is None else shown
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except ValueError:  # a NUL byte in the path
        message = M("file.bad-path", path=shown.replace("\0", "\\0"))
        raise FileProblem("unreadable", message) from None
    except FileNotFoundError as error:
        raise FileProblem("unreadable", M("file.missing", path=shown, resolved=os.path.abspath(path)),
                          reason=error.strerror) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileProblem("unreadable", M("file.unreadable", path=shown, reason=reason), reason=reason) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileProblem("unreadable", M("file.not-regular", path=shown, kind=_kind(mode)),
                              reason=M("file.not-regular-short", kind=_kind(mode)))
        limit = limit_mb * MB
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise FileProblem("file-too-large", too_large)
        return data
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileProblem("unreadable", M("file.unreadable", path=shown, reason=reason), reason=reason) from None
    finally:
        os.close(fd)


def line_at(data: bytes | str, index: int) -> int:
    """The 1-based line of position ``index``."""
    return data.count(b"\n" if isinstance(data, bytes) else "\n", 0, index) + 1


def decode_plan(data: bytes) -> str:
    """A plan's text: UTF-8 (a BOM is dropped), or UTF-16 with a BOM.

    Raises :class:`FileProblem` with the line of the first problem: ``bad-encoding`` for
    UTF-16 without a BOM and for bytes that are not UTF-8 (a Windows-1252 file gets the
    character it would have been), ``bad-character`` for a NUL byte.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\0" in data:
        if _looks_like_utf16(data):
            raise FileProblem("bad-encoding", M("bad-encoding.utf16"), 1)
        index = data.index(b"\0")
        raise FileProblem("bad-character", M("bad-character.nul", column=_column(data, index)),
                          line_at(data, index))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = ""
        key = "bad-encoding.ansi" if char.isprintable() and char else "bad-encoding.binary"
        raise FileProblem("bad-encoding", M(key, char=char, byte=f"{byte:02X}"),
                          line_at(data, error.start)) from None


def _looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without BOM: every other byte of an ASCII text is 0."""
    sample = data[:4000]
    half = max(len(sample) // 2, 1)
    return max(sample[1::2].count(0), sample[0::2].count(0)) >= 0.3 * half


def _column(data, index: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return index - (data.rfind(newline, 0, index) + 1) + 1


def check_characters(text: str) -> None:
    """Raise :class:`FileProblem` (``bad-character``) at the first character YAML forbids."""
    found = _FORBIDDEN.search(text)
    if found:
        index = found.start()
        char = found.group()
        message = (M("bad-character.nul", column=_column(text, index)) if char == "\0" else
                   M("bad-character.control", column=_column(text, index), code=f"{ord(char):04X}"))
        raise FileProblem("bad-character", message, line_at(text, index))
