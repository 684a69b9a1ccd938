"""The documentation states what the code does, and stands alone in a clone of the repository."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from mshub.core.management.commands.permissions import markdown_table, permission_matrix

ROOT = Path(__file__).resolve().parents[2]


def test_roles_doc_embeds_the_current_permission_table():
    doc = (ROOT / "docs" / "roles.md").read_text(encoding="utf-8")
    embedded = doc.split("<!-- permissions:start -->\n")[1].split("<!-- permissions:end -->")[0]
    assert embedded == markdown_table(), "docs/roles.md is stale: paste `python manage.py permissions` into it"


def test_private_forum_grants_the_public_nothing():
    assert not any(allowed[0] for _name, allowed in permission_matrix(public_forum=False))


def test_rights_only_grow_with_rank():
    for name, allowed in permission_matrix():
        first = allowed.index(True) if True in allowed else len(allowed)
        assert all(allowed[first:]), f"{name} is granted to a lower role but not a higher one"


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:10]
    assert any(line.startswith("make demo") for line in head)
    assert any(line.startswith("make test") for line in head)


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Hosts that stand for "your server" in examples: reserved example domains (RFC 2606) and this machine.
PLACEHOLDER_HOSTS = re.compile(r"^(localhost|127\.0\.0\.1|\[::1\]|([\w-]+\.)*example(\.(org|com|net))?)$")
# Well-known public sites a page may link to. None is linked today; add one here only for a good reason.
PUBLIC_SITES: set[str] = set()
# Paths on a developer's machine (the repository's surroundings), never on the server being set up.
MACHINE_PATHS = re.compile(r"(\.\./|~/|file:|(?<![\w.])/(work|home|Users|root|tmp|mnt)/)")


def test_docs_do_not_leave_the_repository():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        name = doc.relative_to(ROOT)
        assert not MACHINE_PATHS.search(text), f"{name}: {MACHINE_PATHS.search(text)}"
        for url in re.findall(r"https?://[^\s)`'\"<>|]+", text):
            host = urlsplit(url).hostname or ""
            assert PLACEHOLDER_HOSTS.match(host) or host in PUBLIC_SITES, f"{name} links to {url}"
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http://", "https://", "#", "mailto:")):
                continue
            path = (doc.parent / target.split("#")[0]).resolve()
            assert path.is_relative_to(ROOT), f"{name} links to {target}, outside the repository"
            assert path.exists(), f"{name} links to {target}, which does not exist"


def test_the_domain_is_explained_inside_the_repository():
    domain = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    for term in ("IGF", "NRI", "secretariat", "steering group", "第N回", "Q.", "A.", "C.", "意見募集", "意見書"):
        assert term in domain, term
    assert "(docs/domain.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_permissions_command_prints_the_table_and_rewrites_only_its_copy(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    printed = StringIO()
    call_command("permissions", stdout=printed)
    assert printed.getvalue() == markdown_table()
    doc = tmp_path / "roles.md"
    doc.write_text("# Roles\n<!-- permissions:start -->\n| stale |\n<!-- permissions:end -->\nafter\n", "utf-8")
    call_command("permissions", update=str(doc), stdout=StringIO())
    text = doc.read_text(encoding="utf-8")
    assert "| stale |" not in text
    assert text == f"# Roles\n<!-- permissions:start -->\n{markdown_table()}<!-- permissions:end -->\nafter\n"
