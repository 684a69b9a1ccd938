"""CSV downloads a spreadsheet opens safely: UTF-8 with a byte-order mark (so that Excel in Japanese
reads the Japanese), and no cell that it would run as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

# A cell that a spreadsheet would read as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: a leading = + - @ (or tab, CR) gets a leading '."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_response(filename: str, rows: Iterable[Iterable[Any]]) -> HttpResponse:
    """An attachment ``filename`` with ``rows``, every cell through :func:`csv_cell`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    csv.writer(response).writerows([csv_cell(cell) for cell in row] for row in rows)
    return response
