"""What ``roadmap`` owes a terminal: click's own words in German, nothing from a plan that
drives the terminal, and a clear sentence when standard output cannot be written.

- :func:`install_click_texts` gives click's modules a translation function backed by the
  catalog (``click.<msgid>`` in :mod:`roadmap.text.catalog.robustness`). click wraps its
  texts ("Usage:", "No such option ...") in gettext's ``_()``; the function translates
  only while :func:`speaking` is active, i.e. inside ``roadmap``'s own command group, so
  another click program in the same process keeps its English.
- :class:`VisibleStream` wraps stdout and stderr (:func:`install_streams`, from
  :func:`roadmap.cli.app.main`): every text written, click's included, shows control
  characters as escapes (:func:`roadmap.exchange.tabular.visible`); bytes (the German
  CSV) pass as they are.
- :func:`finish_streams` flushes stdout at the end; a full disk or a closed pipe then gets
  a German sentence (or, for a closed pipe, silence) and exit status 1, never Python's
  "Exception ignored" lines.
"""
from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import sys

import click

from roadmap.exchange.tabular import visible
from roadmap.output import os_reason
from roadmap.text.catalog import CATALOG, LANGUAGES
from roadmap.text.messages import Message, choose_language

#: The language click's texts are translated to; ``None`` outside ``roadmap``'s commands.
_SPEAKING: contextvars.ContextVar[str | None] = contextvars.ContextVar("roadmap_click_language", default=None)

#: click's modules that call ``_()`` or ``ngettext()`` (8.0 to 8.3 all do, at module level).
CLICK_MODULES = ("core", "exceptions", "formatting", "parser", "types", "termui", "decorators", "utils",
                 "_termui_impl")


def gettext(message: str) -> str:
    """click's text ``message`` in the language of :func:`speaking`, if the catalog has it."""
    language = _SPEAKING.get()
    texts = CATALOG.get(f"click.{message}") if language else None
    return texts[LANGUAGES.index(language)] if texts else message


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


def install_click_texts() -> None:
    """Give click's modules :func:`gettext` and :func:`ngettext` in place of gettext's
    (idempotent). Texts outside the catalog stay click's English."""
    import importlib

    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if callable(getattr(module, "_", None)):
            module._ = gettext
        if callable(getattr(module, "ngettext", None)):
            module.ngettext = ngettext


@contextlib.contextmanager
def speaking(language: str):
    """Translate click's texts to ``language`` within the block."""
    token = _SPEAKING.set(language if language in LANGUAGES else None)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def language() -> str:
    """The language of what the command line says now: that of :func:`speaking`, else
    :func:`~roadmap.text.messages.choose_language`."""
    return _SPEAKING.get() or choose_language()


def argv_language(args) -> str | None:
    """The value of ``--lang`` among the command-line words ``args`` (``--lang en`` or
    ``--lang=en``), so click's errors, which come before the option is read, speak it."""
    words = [str(word) for word in args]
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(words) and words[index + 1] in LANGUAGES:
            return words[index + 1]
        if word.startswith("--lang=") and word[7:] in LANGUAGES:
            return word[7:]
    return None


class StreamError(OSError):
    """Writing to stdout or stderr failed (a full disk, a closed pipe); ``stderr`` says
    which."""

    stderr = False


class VisibleStream:
    """A text stream that shows control characters as escapes before they reach the
    terminal (:func:`~roadmap.exchange.tabular.visible`; line breaks and tabs stay) and
    turns a failed write into :class:`StreamError`. Everything else is the wrapped
    stream's, so click still finds its encoding, ``isatty`` and binary buffer."""

    def __init__(self, stream, stderr: bool = False):
        self._stream = stream
        self._stderr = stderr

    def _failed(self, error: OSError) -> StreamError:
        failure = StreamError(error.errno, error.strerror)
        failure.stderr = self._stderr
        return failure

    def write(self, text):
        if isinstance(text, str):
            text = visible(text, keep="\n\t")
        try:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:  # a terminal that cannot show "→" or "ä"
                encoding = getattr(self._stream, "encoding", None) or "ascii"
                return self._stream.write(text.encode(encoding, "replace").decode(encoding))
        except OSError as error:
            raise self._failed(error) from None

    def flush(self):
        try:
            return self._stream.flush()
        except OSError as error:
            raise self._failed(error) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


def install_streams() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` in :class:`VisibleStream` (once)."""
    if not isinstance(sys.stdout, VisibleStream) and sys.stdout is not None:
        sys.stdout = VisibleStream(sys.stdout)
    if not isinstance(sys.stderr, VisibleStream) and sys.stderr is not None:
        sys.stderr = VisibleStream(sys.stderr, stderr=True)


def finish_streams(code: int, failure: BaseException | None = None) -> int:
    """Flush stdout; return the exit status. If stdout could not be written (``failure``,
    or now), say why on stderr in one German sentence and return 1; a closed pipe
    (``roadmap schedule plan.yaml | head``) ends quietly with 1. The broken stdout is then
    pointed at /dev/null, so Python's own last flush has nothing to complain about."""
    if getattr(failure, "stderr", False):  # nowhere to say it; stdout may still be fine
        failure = None
        code = 1
    if failure is None:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except (OSError, ValueError) as error:
            failure = error
    if failure is None:
        return code
    if getattr(failure, "errno", None) != errno.EPIPE:
        with contextlib.suppress(OSError, ValueError):
            click.echo(Message("cli.stdout", reason=os_reason(failure)).render(language()), err=True)
            sys.stderr.flush()
    _silence_stdout()
    return 1


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)
