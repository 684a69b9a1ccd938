"""Imports only point down the layers (pyproject.toml, [tool.importlinter]; docs/architecture.md)."""

from importlinter.cli import lint_imports


def test_imports_point_down_the_layers_and_areas_never_import_each_others_views():
    assert lint_imports(no_cache=True, no_logo=True) == 0
