"""Models know their own pages (in the style of pretalx's ``urls``): ``meeting.urls.report``.

A model declares its pages once::

    urls = PageURLs("meetings", lambda meeting: {"forum": …, "series": …, "number": …},
                    "meeting", "agenda", "report", "report-pdf", …)

the URL namespace, the arguments its routes take, and the names of those routes. ``obj.urls.<name>``
is then the route ``<namespace>:<name>`` (underscores as hyphens: ``urls.report_pdf`` is
``meetings:report-pdf``) reversed with those arguments, so a template writes
``{{ meeting.urls.report }}`` instead of ``{% url 'meetings:report' forum=… series=… number=… %}``.

A route that takes other arguments than the model's usual ones is declared as a ``Page`` with its
own (e.g. a person's "add an affiliation" page takes ``person=``, a registration's cancel link its
token). A name the model does not declare raises ``NoReverseMatch``, in templates too (a silent
empty ``href`` would hide the typo). ``PageURLs.names`` lists what a model declares, so a test can
reverse every one of them (``tests/core/test_pages.py``).

The arguments are read from the record when a page is asked for: a list that links each row gives
the rows what the arguments need (``select_related``, or rows read through the parent's related
manager, which know their parent) so that reversing stays without queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, overload

from django.db.models import CharField, Value
from django.urls import NoReverseMatch, reverse

Arguments = Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class Page:
    """A route whose arguments are not the model's usual ones."""

    route: str
    kwargs: Arguments


class BoundPageURLs:
    """One record's pages; each attribute is reversed when read."""

    def __init__(self, declared: PageURLs, obj: object) -> None:
        self._declared = declared
        self._obj = obj

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        declared = self._declared
        page = declared.pages.get(name)
        if page is None:
            raise NoReverseMatch(f"{type(self._obj).__name__} declares no page {name!r} (PageURLs)")
        kwargs = page.kwargs if isinstance(page, Page) else declared.kwargs
        route = page.route if isinstance(page, Page) else page
        return reverse(f"{declared.namespace}:{route}", kwargs=kwargs(self._obj))

    def __dir__(self) -> list[str]:
        return sorted(self._declared.pages)


class PageURLs:
    """The descriptor a model declares its pages with (see the module's docstring)."""

    def __init__(self, namespace: str, kwargs: Arguments, *pages: str | Page) -> None:
        self.namespace = namespace
        self.kwargs = kwargs
        self.pages: dict[str, str | Page] = {
            (p.route if isinstance(p, Page) else p).replace("-", "_"): p for p in pages
        }

    @property
    def names(self) -> list[str]:
        """What ``obj.urls.<name>`` answers to: the declared routes, underscores for hyphens."""
        return list(self.pages)

    @overload
    def __get__(self, obj: None, owner: type) -> PageURLs: ...

    @overload
    def __get__(self, obj: object, owner: type) -> BoundPageURLs: ...

    def __get__(self, obj: object | None, owner: type) -> PageURLs | BoundPageURLs:
        if obj is None:
            return self
        return BoundPageURLs(self, obj)


# An id no record has: reversed in its place, then replaced (``url_for_each``).
_ID_MARK = 987654321987


def url_for_each(viewname: str, kwargs: dict[str, Any], key: str = "pk") -> Callable[[int], str]:
    """The URLs of many records of one route that differ only in the integer ``key`` (the materials
    of a meeting, …), with one ``reverse()`` for them all: ``url = url_for_each("meetings:material",
    meeting.url_kwargs()); url(material.pk)`` is ``reverse("meetings:material", kwargs={…, "pk":
    material.pk})``, without resolving the route again for every row of a list."""
    mark = str(_ID_MARK)
    head, found, tail = reverse(viewname, kwargs={**kwargs, key: _ID_MARK}).partition(mark)
    if not found or mark in tail:
        raise ValueError(f"{viewname}: cannot tell {key} apart in its URL")
    return lambda value: f"{head}{int(value)}{tail}"


def read_through(queryset: Any, forum: Any) -> Any:
    """Records every forum shares (an event, a consultation, a feed subscription, a shared vocabulary
    term), as read through ``forum``'s pages: each carries ``forum_slug``, so ``obj.urls`` link under
    that forum."""
    return queryset.annotate(forum_slug=Value(forum.slug, output_field=CharField()))
