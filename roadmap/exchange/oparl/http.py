"""The HTTP side of the OParl import: :class:`Client` (timeouts, retries, paging along
``links.next``), :func:`check_url`, the tunables :data:`TIMEOUT`, :data:`RETRIES`,
:data:`BACKOFF` and :data:`MAX_PAGES`, and :class:`OParlError` with the user's words for
why a server could not be reached.

``requests`` is imported only when a :class:`Client` is made, so importing the package
costs nothing for the other commands.
"""
from __future__ import annotations

from typing import Callable, Iterator
from urllib.parse import urlsplit

from roadmap.text.messages import Message as M

#: (connect, read) timeouts in seconds. Some RIS take long for big meeting pages.
TIMEOUT = (10, 60)
#: Retries after the first try, on connection errors and on 429/5xx answers.
RETRIES = 3
#: Exponential backoff factor in seconds: 0, 1, 2 s between the tries (urllib3 2.x).
BACKOFF = 1.0
#: A server that links pages in a circle or without end is stopped after this many pages.
MAX_PAGES = 10_000


class OParlError(Exception):
    """A failure of the OParl import; ``args[0]`` is one catalog sentence (a Message)."""

    def __init__(self, message: M):
        super().__init__(message)
        self.message = message

    def render(self, language: str | None = None) -> str:
        return self.message.render(language)


class Client:
    """GET JSON from an OParl server with timeouts, retries and paging.

    ``progress`` receives a catalog message for every further page of a long list
    (the CLI prints it to stderr).
    """

    def __init__(self, timeout=None, retries: int | None = None, backoff: float | None = None,
                 progress: Callable[[M], None] | None = None):
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        timeout = TIMEOUT if timeout is None else timeout
        retries = RETRIES if retries is None else retries
        backoff = BACKOFF if backoff is None else backoff
        self.timeout = timeout
        self.progress = progress or (lambda message: None)
        retry = Retry(total=retries, connect=retries, read=retries, status=retries, other=0,
                      backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                      allowed_methods=frozenset({"GET"}), respect_retry_after_header=True,
                      raise_on_status=False)
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"Accept": "application/json",
                                     "User-Agent": f"roadmap/{_version()} (OParl-Import)"})

    def get(self, url: str, params: dict | None = None) -> dict:
        """The JSON object at ``url``; :class:`OParlError` for anything else."""
        import requests

        check_url(url)
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema):
            raise OParlError(M("oparl.bad-url", url=url)) from None
        except requests.exceptions.RequestException as error:
            raise OParlError(M("oparl.unreachable", host=urlsplit(url).netloc or url,
                               reason=_reason(error))) from None
        if response.status_code >= 400:
            raise OParlError(M("oparl.http", url=url, status=response.status_code,
                               reason=response.reason or "")) from None
        try:
            data = response.json()
        except ValueError:
            raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-not-json"))) from None
        if not isinstance(data, dict):
            raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-not-object")))
        return data

    def items(self, url: str, params: dict | None = None, what: M | str = "") -> Iterator[dict]:
        """Every object of an external object list, page by page along ``links.next``.

        ``params`` (filters) are added to the first page only: the standard makes the
        server keep them in ``links``.
        """
        seen: set[str] = set()
        page_url, page_params, page = url, params, 0
        count = 0
        while page_url:
            if page_url in seen or page >= MAX_PAGES:
                raise OParlError(M("oparl.loop", url=url))
            seen.add(page_url)
            data = self.get(page_url, page_params)
            page += 1
            if not isinstance(data.get("data"), list):
                raise OParlError(M("oparl.bad-list", url=page_url))
            objects = [item for item in data["data"] if isinstance(item, dict)]
            count += len(objects)
            yield from objects
            links = data.get("links") if isinstance(data.get("links"), dict) else {}
            pagination = data.get("pagination") if isinstance(data.get("pagination"), dict) else {}
            next_url = links.get("next") if isinstance(links.get("next"), str) else None
            if page > 1 or next_url:  # only lists longer than one page say how far they are
                total = pagination.get("totalPages")
                if isinstance(total, int) and total > 0:
                    self.progress(M("oparl.page-of", what=what, page=page, pages=total, count=count))
                else:
                    self.progress(M("oparl.page", what=what, page=page, count=count))
            page_url, page_params = next_url, None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("roadmap")
    except PackageNotFoundError:
        return "dev"


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OParlError(M("oparl.bad-url", url=url))


def _reason(error) -> M:
    """Why a server could not be reached, in the user's words."""
    import requests

    text = repr(error)
    if isinstance(error, requests.exceptions.SSLError):
        return M("oparl.reason-ssl")
    if isinstance(error, requests.exceptions.Timeout) or "timed out" in text.lower():
        return M("oparl.reason-timeout")
    if "NameResolution" in text or "Name or service not known" in text or "getaddrinfo" in text:
        return M("oparl.reason-dns")
    if "refused" in text.lower():
        return M("oparl.reason-refused")
    return M("oparl.reason-other")
