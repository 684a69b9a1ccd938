"""Text normalisation shared by every area: width folding, squashing, kana folding.

One place for what matching and search need from Japanese text, so that no area imports another's
helpers for it (the archive's parsers, the people registry's matching and search all use these).
Values are stored as typed; these functions only make the forms that are compared.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Full-width ASCII variants → ASCII, for matching structure (values keep their own text).
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDE[0x3000] = 0x20  # ideographic space
_WIDE.update({0x301C: 0x7E, 0x2212: 0x2D, 0x2010: 0x2D, 0x2013: 0x2D, 0x2014: 0x2D, 0xFF5E: 0x7E})  # 〜 − ‐ – —
_SPACE = re.compile(r"\s+")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")  # kana, kanji, half-width kana
_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}
_KATAKANA = {code: code + 0x60 for code in range(ord("ぁ"), ord("ゖ") + 1)}


@lru_cache(maxsize=65536)
def narrow(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (２０１６年 → 2016年, ： → :, 〜 → ~)."""
    return text.translate(_WIDE)


def squash(text: str) -> str:
    """``text`` as compared: narrowed, without any whitespace, lower-cased (Ｊ Ｐ ＮＩＣ → jpnic)."""
    return _SPACE.sub("", narrow(text or "")).lower()


def hiragana(text: str) -> str:
    """Katakana as hiragana (ヤマダ → やまだ); everything else as it is."""
    return text.translate(_HIRAGANA)


def katakana(text: str) -> str:
    """Hiragana as katakana (やまだ → ヤマダ); everything else as it is."""
    return text.translate(_KATAKANA)


def kana_variants(word: str) -> set[str]:
    """``word`` as typed, in hiragana and in katakana (readings are stored in either)."""
    return {word, hiragana(word), katakana(word)}


def url_key(url: str | None) -> str:
    """A web address as compared: without its scheme, a leading ``www.`` or a trailing slash,
    the host lower-cased (``https://www.IGF.org/x/`` and ``http://igf.org/x`` are one page).
    The path and query are kept as typed: they name the page."""
    text = (url or "").strip()
    text = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", text)
    host, slash, rest = text.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return f"{host}{slash}{rest}".rstrip("/")


def language_of(text: str) -> str:
    """ "ja" for text with Japanese characters (kana, kanji), else "en": which of a record's
    ``_ja``/``_en`` fields an imported text goes into."""
    return "ja" if _JAPANESE.search(text) else "en"
