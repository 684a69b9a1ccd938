"""Shared text normalisation: one core module, which the people registry uses without the archive."""

from __future__ import annotations

import ast
from pathlib import Path

from mshub.core.text import hiragana, kana_variants, katakana, narrow, squash
from mshub.people.matching import squash as squash_name

ROOT = Path(__file__).resolve().parents[2] / "mshub"


def test_width_folding_squashing_and_kana_folding():
    assert narrow("２０１６年　第１回：ＪＰＮＩＣ〜") == "2016年 第1回:JPNIC~"
    assert squash(" Ｊ Ｐ ＮＩＣ\t会議 ") == "jpnic会議"
    assert squash("") == squash(None) == ""  # type: ignore[arg-type]
    assert hiragana("ヤマダ タロウ") == "やまだ たろう"
    assert katakana("やまだ Taro") == "ヤマダ Taro"
    assert kana_variants("やまだ") == {"やまだ", "ヤマダ"}


def test_names_are_matched_without_honorifics_spaces_or_width():
    assert squash_name("山田　太郎 様") == squash_name("山田太郎") == "山田太郎"
    assert squash_name("Ｓｕｚｕｋｉ 氏") == "suzuki"
    assert squash_name("さん") == ""


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_people_and_core_do_not_import_the_archive_for_shared_helpers():
    offenders = [
        str(path.relative_to(ROOT))
        for area in ("people", "core")
        for path in (ROOT / area).rglob("*.py")
        # the demo builds every area's sample data, the archive's too (the area contract's concern)
        if path.name != "demo.py"
        and any(m == "mshub.archive" or m.startswith("mshub.archive.") for m in imported_modules(path))
    ]
    assert offenders == []
