"""Every runtime dependency in pyproject.toml is used: nothing is installed in production for nothing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Distribution name → the module the code imports, where they differ.
MODULE = {
    "django-environ": "environ",
    "djangorestframework": "rest_framework",
    "python-docx": "docx",
    "django-filter": "django_filters",
    "django-axes": "axes",
    "python-dateutil": "dateutil",
    "sudachidict-core": "sudachidict_core",
    "markdown-it-py": "markdown_it",
}
# Run as programs or loaded by name from settings, never imported.
NOT_IMPORTED = {"gunicorn": "runs the site (docs/deploy.md)", "psycopg": "DATABASE_URL=postgres://… (Django's backend)"}


def test_every_runtime_dependency_is_imported_somewhere():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "mshub").rglob("*.py"))
    unused = []
    for requirement in declared:
        name = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower()
        if name in NOT_IMPORTED:
            continue
        module = MODULE.get(name, name.replace("-", "_"))
        if not re.search(rf"^\s*(?:from|import)\s+{module}\b|[\"']{module}[\"'.]", source, re.MULTILINE):
            unused.append(name)
    assert unused == []
