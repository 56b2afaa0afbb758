"""Writing output files safely: atomically, never over the user's plan, with clear errors.

A town-hall user often has last week's workbook open in Excel on a network share; Excel
locks it, and a half-written file would be worse than none. So every writer renders into a
temporary file next to the target and only then replaces the target with ``os.replace``
(atomic on the same file system). Any failure becomes an :class:`OutputError` whose
message says which file and what to do.
"""
from __future__ import annotations

import errno
import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from roadmap.text.messages import Message as M


class OutputError(OSError):
    """An output file that cannot be written; the message (a catalog message, German by
    default) names the file and the fix."""


def _reason(error: OSError, target: Path) -> M:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY):
        return M("output.locked", target=target)
    if error.errno == errno.EROFS:
        return M("output.read-only", target=target)
    if error.errno == errno.ENOSPC:
        return M("output.disk-full", target=target)
    return M("output.other", target=target, reason=error.strerror or error)


def check_not_input(target, inputs) -> None:
    """Refuse to write over one of the input files (the plan, an .ics)."""
    resolved = Path(target).resolve()
    for source in inputs:
        if source and Path(source).exists() and Path(source).resolve() == resolved:
            raise OutputError(M("output.is-input", target=target, source=source))


def atomic_write(path, write_fn: Callable[[str], object], inputs=()) -> Path:
    """Call ``write_fn(temp_path)`` and move the finished file to ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        The target file. Its folder is created if missing.
    write_fn : callable
        Writes the complete file to the temporary path it is given.
    inputs : iterable of paths
        Input files that must never be overwritten (the plan).

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    OutputError
        If the target is an input file, the folder cannot be created or written, or the
        target is locked; the target is then left as it was.
    """
    target = Path(path)
    check_not_input(target, inputs)
    if target.is_dir():
        raise OutputError(M("output.is-folder", target=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(M("output.mkdir", folder=target.parent,
                            reason=(error.strerror or str(error)).lower())) from None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OutputError(_reason(error, target)) from None
    os.close(handle)
    try:
        write_fn(temp)
        # mkstemp creates the file 0600; give it the permissions a normal file would get
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as error:
        _discard(temp)
        raise OutputError(_reason(error, target)) from None
    except BaseException:
        _discard(temp)
        raise
    return target


def atomic_write_text(path, text: str, inputs=()) -> Path:
    """:func:`atomic_write` for a UTF-8 text file with Unix line ends."""
    return atomic_write(path, lambda temp: Path(temp).write_text(text, encoding="utf-8", newline="\n"), inputs)


def _discard(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


#: Timestamp of every member of a zip written by :func:`write_stable_zip`.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def write_stable_zip(archive: bytes, path) -> None:
    """Write the zip ``archive`` (an .xlsx or .docx) to ``path`` so the same content gives
    the same bytes: every member gets a fixed time, mode 0644 and one compression pass.
    The libraries stamp members with the clock, which would make every run's file differ."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
