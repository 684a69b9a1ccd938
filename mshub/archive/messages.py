"""Messages of records parsed before their codes were kept, in the reader's language.

New records keep each warning and error with its code and parameters (``problems.py``) and are
shown from those. A sentence without a code (an older record, or one edited by hand) is shown
through ``localize``, which recognises each sentence the archive has written and renders it with
gettext; a message it does not know is shown as it is.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from mshub.archive.models import genre_label


def _patterns() -> list[tuple[re.Pattern[str], Any]]:
    # Each template is looked up at render time (in the active language), hence the lambdas.
    return [
        (re.compile(r"the file is empty"), lambda g: _("the file is empty")),
        (
            re.compile(r"the file is larger than (?P<mb>\d+) MB"),
            lambda g: _("the file is larger than %(mb)s MB") % g,
        ),
        (
            re.compile(r"a ZIP archive that is not a Word document"),
            lambda g: _("a ZIP archive that is not a Word document"),
        ),
        (
            re.compile(r"the file could not be read: it expands too much \(more than (?P<mb>\d+) MB unpacked\)"),
            lambda g: _("the file could not be read: it expands too much (more than %(mb)s MB unpacked)") % g,
        ),
        (
            re.compile(
                r"the file could not be read: it expands too much \(a part is compressed more than (?P<n>\d+) to 1\)"
            ),
            lambda g: (
                _("the file could not be read: it expands too much (a part is compressed more than %(n)s to 1)") % g
            ),
        ),
        (
            re.compile(r"the file could not be read: it has too many parts \(more than (?P<n>\d+)\)"),
            lambda g: _("the file could not be read: it has too many parts (more than %(n)s)") % g,
        ),
        (
            re.compile(r"the file could not be read: it needs too much memory"),
            lambda g: _("the file could not be read: it needs too much memory"),
        ),
        (
            re.compile(r"the file could not be read: it takes too long \(more than (?P<s>\d+) seconds\)"),
            lambda g: _("the file could not be read: it takes too long (more than %(s)s seconds)") % g,
        ),
        (re.compile(r"cannot be read \((?P<detail>.*)\)"), lambda g: _("cannot be read (%(detail)s)") % g),
        (re.compile(r"the PDF is encrypted"), lambda g: _("the PDF is encrypted")),
        (re.compile(r"a damaged PDF \((?P<detail>.*)\)"), lambda g: _("a damaged PDF (%(detail)s)") % g),
        (
            re.compile(r"no text layer \(a scanned PDF; OCR is not supported\)"),
            lambda g: _("no text layer (a scanned PDF; OCR is not supported)"),
        ),
        (re.compile(r"not text, PDF, HTML or DOCX"), lambda g: _("not text, PDF, HTML or DOCX")),
        (re.compile(r"unknown genre “(?P<genre>.*)”"), lambda g: _("unknown genre “%(genre)s”") % g),
        (
            re.compile(r"could not be parsed as (?P<genre>\w+) \((?P<detail>.*)\)"),
            lambda g: (
                _("could not be parsed as %(genre)s (%(detail)s)")
                % {"genre": genre_label(g["genre"]), "detail": g["detail"]}
            ),
        ),
        (
            re.compile(r"not stored \((?P<detail>.*)\)"),
            lambda g: _("not stored (%(detail)s)") % {"detail": localize(g["detail"])},
        ),
        (
            re.compile(r"a meeting needs its number and date to be stored"),
            lambda g: _("a meeting needs its number and date to be stored"),
        ),
        (
            re.compile(
                r"(?P<meeting>.+) already exists in “(?P<series>.+)” and was not imported from the archive; "
                r"store the document into another series"
            ),
            lambda g: (
                _(
                    "%(meeting)s already exists in “%(series)s” and was not imported from the archive; "
                    "store the document into another series"
                )
                % g
            ),
        ),
        (
            re.compile(
                r"the document has no number and “(?P<meeting>.+)” of (?P<date>[\d-]+) comes after it in "
                r"“(?P<series>.+)”; give its number on the review page"
            ),
            lambda g: (
                _(
                    "the document has no number and “%(meeting)s” of %(date)s comes after it in “%(series)s”; "
                    "give its number on the review page"
                )
                % g
            ),
        ),
        (
            re.compile(
                r"the document has no number and number (?P<number>\d+) \(its place by date\) is taken in "
                r"“(?P<series>.+)”; give its number on the review page"
            ),
            lambda g: (
                _(
                    "the document has no number and number %(number)s (its place by date) is taken in "
                    "“%(series)s”; give its number on the review page"
                )
                % g
            ),
        ),
        (
            re.compile(
                r"the printed weekday \((?P<printed>.)\) does not match (?P<date>[\d-]+) \((?P<actual>.)\); "
                r"the date is kept"
            ),
            lambda g: _("the printed weekday (%(printed)s) does not match %(date)s (%(actual)s); the date is kept") % g,
        ),
        (
            re.compile(r"impossible date “(?P<text>.*)”: ignored"),
            lambda g: _("impossible date “%(text)s”: ignored") % g,
        ),
        (
            re.compile(r"attendee “(?P<name>.*)” is not in the registry: not recorded as attending"),
            lambda g: _("attendee “%(name)s” is not in the registry: not recorded as attending") % g,
        ),
    ]


_PREFIX = re.compile(r"^(?P<file>[^:]{1,300}?\.[A-Za-z0-9]{1,5}): (?P<rest>.*)$", re.S)


def localize(message: str) -> str:
    """``message`` in the active language (with a leading “file name: ” kept as it is)."""
    prefix, rest = "", message
    m = _PREFIX.match(message)
    if m:
        prefix, rest = f"{m['file']}: ", m["rest"]
    for pattern, render in _patterns():
        found = pattern.fullmatch(rest)
        if found:
            return prefix + str(render(found.groupdict()))
    return message


def localize_joined(messages: str) -> list[str]:
    """An import item's errors, stored joined by “; ”, one by one in the active language (a
    message that itself holds “; ” is recognised whole first)."""
    if not messages:
        return []
    whole = localize(messages)
    if whole != messages:
        return [whole]
    return [localize(m) for m in messages.split("; ") if m]
