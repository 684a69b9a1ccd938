"""The documentation states what the code does."""

from pathlib import Path

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
