"""Models know their own pages (in the style of pretalx's ``urls``): ``meeting.urls.report``.

A model declares ``urls = PageURLs("meetings", lambda meeting: {...})``: the URL namespace and the
arguments its routes take. ``obj.urls.<name>`` is then the route ``<namespace>:<name>`` (underscores
as hyphens: ``urls.report_pdf`` is ``meetings:report-pdf``) reversed with those arguments, so a
template writes ``{{ meeting.urls.report }}`` instead of ``{% url 'meetings:report' forum=…
series=… number=… %}``. A name with no such route raises ``NoReverseMatch``, in templates too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, overload

from django.urls import reverse


class BoundPageURLs:
    """One record's pages; each attribute is reversed when read."""

    def __init__(self, namespace: str, kwargs: dict[str, Any]) -> None:
        self._namespace = namespace
        self._kwargs = kwargs

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return reverse(f"{self._namespace}:{name.replace('_', '-')}", kwargs=self._kwargs)


class PageURLs:
    """The descriptor a model declares its pages with (see the module's docstring)."""

    def __init__(self, namespace: str, kwargs: Callable[[Any], dict[str, Any]]) -> None:
        self.namespace = namespace
        self.kwargs = kwargs

    @overload
    def __get__(self, obj: None, owner: type) -> PageURLs: ...

    @overload
    def __get__(self, obj: object, owner: type) -> BoundPageURLs: ...

    def __get__(self, obj: object | None, owner: type) -> PageURLs | BoundPageURLs:
        if obj is None:
            return self
        return BoundPageURLs(self.namespace, self.kwargs(obj))


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
