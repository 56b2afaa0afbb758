"""Writing output files safely: atomically, never over the user's plan, with clear errors.

A town-hall user often has last week's workbook open in Excel on a network share; Excel
locks it, and a half-written file would be worse than none. So every writer renders into a
temporary file next to the target and only then replaces the target with ``os.replace``
(atomic on the same file system). Any failure becomes an :class:`OutputError` whose
message says which file and what to do, with the operating system's reason in German
(:func:`os_reason`).

Files that belong together (the workbook, the page and the PDF of ``roadmap build``) are
written as an :class:`OutputSet`: all to temporary names, renamed only when all are
complete, so a failure never leaves a new workbook beside an old page. Temporary files
of a killed run are removed by a later run once they are :data:`STALE_SECONDS` old.
"""
from __future__ import annotations

import errno
import glob
import io
import os
import secrets
import shutil
import stat
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable

from roadmap.text.messages import Message as M


class OutputError(OSError):
    """An output file that cannot be written; the message (a catalog message, German by
    default) names the file and the fix."""


#: A temporary file of a run that was killed is removed by a later run once it is this old
#: (seconds); a younger one may belong to a run still writing.
STALE_SECONDS = 600

_OS_REASONS = {
    errno.ENOENT: "os.enoent", errno.EACCES: "os.eacces", errno.EPERM: "os.eacces",
    errno.EROFS: "os.erofs", errno.ENOSPC: "os.enospc", errno.EDQUOT: "os.edquot",
    errno.ELOOP: "os.eloop", errno.ENAMETOOLONG: "os.enametoolong", errno.ENOTDIR: "os.enotdir",
    errno.EISDIR: "os.eisdir", errno.EEXIST: "os.eexist", errno.EBUSY: "os.ebusy",
    errno.ETXTBSY: "os.ebusy", errno.EIO: "os.eio", errno.EPIPE: "os.epipe",
}


def os_reason(error: BaseException) -> M:
    """Why the operating system refused a path, as a catalog message (German by default):
    the ``strerror`` of an :class:`OSError` is English, so it is never shown as it is."""
    if isinstance(error, UnicodeError):
        return M("os.encoding")
    if isinstance(error, ValueError):  # "embedded null byte"
        return M("os.nul")
    if isinstance(error, RuntimeError):  # pathlib's "Symlink loop from ..."
        return M("os.eloop")
    number = getattr(error, "errno", None)
    if number in _OS_REASONS:
        return M(_OS_REASONS[number])
    return M("os.other", code=errno.errorcode.get(number, str(number)) if number else type(error).__name__)


#: What a path can raise besides OSError: a NUL byte (ValueError), a name that cannot be
#: encoded (UnicodeError), a symlink loop met by ``Path.resolve`` (RuntimeError).
PATH_ERRORS = (OSError, ValueError, UnicodeError, RuntimeError)


def _reason(error: BaseException, target: Path) -> M:
    number = getattr(error, "errno", None)
    if number in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY):
        return M("output.locked", target=target)
    if number == errno.EROFS:
        return M("output.read-only", target=target)
    if number == errno.ENOSPC:
        return M("output.disk-full", target=target)
    return M("output.other", target=target, reason=os_reason(error))


def _failure(error: BaseException, target: Path) -> OutputError:
    """:class:`OutputError` for writing ``target``; it keeps the ``errno``, so a caller that
    wrote to a temporary name (:class:`OutputSet`) can name the real file instead."""
    failure = OutputError(_reason(error, target))
    failure.errno = getattr(error, "errno", None)
    return failure


def check_not_input(target, inputs) -> None:
    """Refuse to write over one of the input files (the plan, an .ics)."""
    try:
        resolved = Path(target).resolve()
    except PATH_ERRORS:
        return  # a path that cannot be resolved is no input either; writing it fails later
    for source in inputs:
        try:
            same = bool(source) and Path(source).exists() and Path(source).resolve() == resolved
        except PATH_ERRORS:
            same = False
        if same:
            raise OutputError(M("output.is-input", target=target, source=source))


def prepare(path, inputs=()) -> Path:
    """Check that ``path`` may be written and make its folder: not an input, not a folder,
    a folder that exists or can be made. Stale temporary files of ``path`` from killed
    runs are removed. Raises :class:`OutputError`; nothing is written."""
    target = Path(path)
    check_not_input(target, inputs)
    try:
        if target.is_dir():
            raise OutputError(M("output.is-folder", target=target))
    except OutputError:
        raise
    except PATH_ERRORS as error:
        raise OutputError(_reason(error, target)) from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except PATH_ERRORS as error:
        raise OutputError(M("output.mkdir", folder=target.parent, reason=os_reason(_why(error, target.parent)))) from None
    clean_stale(target)
    return target


def _why(error: BaseException, folder: Path) -> BaseException:
    """The real reason a folder could not be made: ``mkdir(exist_ok=True)`` on a symlink
    loop says "exists"; ``stat`` says why."""
    if getattr(error, "errno", None) == errno.EEXIST:
        try:
            os.stat(folder)
        except PATH_ERRORS as real:
            return real
    return error


def temp_name(target: Path) -> str:
    """A new, empty temporary file next to ``target`` (``.name.xlsx.abc123.tmp``)."""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except PATH_ERRORS as error:
        raise _failure(error, target) from None
    os.close(handle)
    return temp


def clean_stale(target: Path, age: float = STALE_SECONDS) -> list[Path]:
    """Remove ``target``'s temporary files left by killed runs (older than ``age`` seconds):
    ``.name.xlsx.*.tmp`` and the nested ``..name.xlsx.*.tmp``. Returns what was removed;
    a file that cannot be removed stays (it is harmless)."""
    removed = []
    name = glob.escape(target.name)
    limit = time.time() - age
    try:
        found = [*target.parent.glob(f".{name}.*.tmp"), *target.parent.glob(f"..{name}.*.tmp")]
    except PATH_ERRORS:
        return removed
    for stale in found:
        try:
            info = stale.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                stale.unlink()
                removed.append(stale)
        except PATH_ERRORS:
            pass
    return removed


def _finish(temp: str) -> None:
    """Give a finished temporary file the permissions a normal new file gets (mkstemp
    makes it 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)


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
    target = prepare(path, inputs)
    temp = temp_name(target)
    try:
        write_fn(temp)
        _finish(temp)
        os.replace(temp, target)
    except OSError as error:
        _discard(temp)
        raise _failure(error, target) from None
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


class OutputSet:
    """Files that belong together (``roadmap build``: the workbook, the page, the PDF),
    written as one: each to a temporary name first, and renamed only when all of them
    are complete, so a failure never leaves a new workbook beside an old page.

    Use it as a context manager: :meth:`temp` gives the temporary path to write each
    target to, :meth:`commit` renames them all; leaving the block without a commit (an
    error) removes every temporary file and leaves the old files as they were::

        with OutputSet([xlsx, html], inputs=[plan]) as outputs:
            save(outputs.temp(xlsx)); write(outputs.temp(html))
            outputs.commit()

    The renames are atomic one by one. Should one of them fail (the file is locked), the
    targets already replaced get their old files back (kept as hard links, else copies),
    and :class:`OutputError` says that nothing was replaced.
    """

    def __init__(self, targets, inputs=()):
        self.targets = [Path(target) for target in targets]
        self.temps: dict[Path, str] = {}
        for target in self.targets:  # every target is checked before anything is written
            try:
                prepare(target, inputs)
            except OutputError as error:
                raise self.failed(error, target) from None

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.discard()

    def temp(self, target) -> str:
        """The temporary file to write ``target`` to (made on first request)."""
        target = Path(target)
        if target not in self.temps:
            self.temps[target] = temp_name(target)
        return self.temps[target]

    def discard(self) -> None:
        """Remove every temporary file not yet renamed."""
        for temp in self.temps.values():
            _discard(temp)
        self.temps = {}

    def failed(self, error: BaseException, target) -> OutputError:
        """The error to raise when writing ``target`` failed with ``error``: what went wrong,
        and that none of the files was replaced."""
        if isinstance(error, OutputError) and error.errno is None and error.args:
            reason = error.args[0]  # a refusal (an input, a folder) that names its file
        else:  # an OS error, perhaps on a temporary name: name the real file
            reason = _reason(error, Path(target))
        return OutputError(M("output.none-replaced", error=reason, files=self.names()))

    def names(self) -> str:
        return ", ".join(f"'{target}'" for target in self.targets)

    def commit(self) -> list[Path]:
        """Rename every temporary file to its target; all or none."""
        missing = [target for target in self.targets if target not in self.temps]
        if missing:
            raise ValueError(f"nothing was written for {missing}")
        done: list[tuple[Path, str | None]] = []
        for target in self.targets:
            temp = self.temps[target]
            try:
                _finish(temp)
                old = _keep_old(target)
                try:
                    os.replace(temp, target)
                except OSError:
                    if old:
                        _discard(old)
                    raise
            except OSError as error:
                self._restore(done)
                self.discard()
                raise self.failed(error, target) from None
            done.append((target, old))
            del self.temps[target]
        for _, old in done:
            if old:
                _discard(old)
        return list(self.targets)

    @staticmethod
    def _restore(done) -> None:
        for target, old in reversed(done):
            try:
                if old:
                    os.replace(old, target)
                else:
                    os.unlink(target)
            except OSError:
                pass


def _keep_old(target: Path) -> str | None:
    """A second name for the file ``target`` is about to replace (a hard link, else a
    copy), so it can be put back; ``None`` if there is no old file or no way to keep it."""
    if not os.path.lexists(target):
        return None
    for _ in range(5):
        keep = target.parent / f".{target.name}.{secrets.token_hex(4)}.old.tmp"
        try:
            os.link(target, keep, follow_symlinks=False)
            return str(keep)
        except FileExistsError:
            continue
        except OSError:
            try:
                shutil.copy2(target, keep, follow_symlinks=False)
                return str(keep)
            except OSError:
                _discard(str(keep))
                return None
    return None


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
