"""Words of a text in either language, for matching topics: Japanese through SudachiPy, Latin words lower-cased.

``words(text)`` returns ``Word`` tuples (the normalised form, and where it stands in the cleaned
text). Japanese is split by SudachiPy with the core dictionary in its finest mode (A: 個人情報保護
gives 個人 / 情報 / 保護, so 個人情報 matches inside it) and read in its normalised form
(セキュリティ and セキュリティー are one word). Latin runs are split into letters and digits
(IGF2016 gives igf, 2016; IPv6 gives ipv, 6) and lightly stemmed (plural s). Punctuation and space
are dropped, so ・ and - never decide a match.

The dictionary is loaded once per process, on first use; each thread has its own tokenizer.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any, NamedTuple

# The distribution that provides the dictionary, and what SudachiPy calls it.
DICTIONARY_MODULE = "sudachidict_core"
DICTIONARY = "core"
MAX_CHARS = 60_000  # text beyond this is not read (a suggestion needs the gist, not a whole archive)
CHUNK_CHARS = 4_000  # one tokenize call: far below SudachiPy's ~49 KB input limit

_lock = threading.Lock()
_dictionary: Any = None
_local = threading.local()

_LATIN = re.compile(r"[a-z]+|[0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WORDLIKE = re.compile(r"[^\W_]")


class Word(NamedTuple):
    form: str
    start: int
    end: int


def clean(text: str) -> str:
    """NFKC (full-width Ｉ Ｐ ｖ ６ become IPv6), no control characters, no lone surrogates, capped."""
    text = text[: MAX_CHARS * 2].encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub(" ", unicodedata.normalize("NFKC", text))[:MAX_CHARS]


def _tokenizer() -> Any:
    global _dictionary
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import Dictionary, SplitMode  # type: ignore[import-untyped]

        with _lock:
            if _dictionary is None:
                _dictionary = Dictionary(dict=DICTIONARY)
            tokenizer = _local.tokenizer = _dictionary.tokenizer(mode=SplitMode.A)
    return tokenizer


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece): paragraphs, each cut to at most CHUNK_CHARS (at a line or a space if one is near)."""
    offset = 0
    for paragraph in re.split(r"(\n\s*\n)", text):
        start = 0
        while start < len(paragraph):
            end = min(len(paragraph), start + CHUNK_CHARS)
            if end < len(paragraph):
                cut = max(
                    paragraph.rfind("\n", start, end),
                    paragraph.rfind(" ", start, end),
                    paragraph.rfind("。", start, end),
                )
                if cut > start + CHUNK_CHARS // 2:
                    end = cut + 1
            yield offset + start, paragraph[start:end]
            start = end
        offset += len(paragraph)


def stem(word: str) -> str:
    """English plural s, lightly: policies → policy, addresses → address, CSIRTs → csirt; not 'ss' or short words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str, *, cleaned: bool = False) -> list[Word]:
    """The text's words, normalised, with their places in ``clean(text)``."""
    if not cleaned:
        text = clean(text)
    out: list[Word] = []
    tokenizer = _tokenizer()
    for offset, piece in chunks(text):
        if not piece.strip():
            continue
        for morpheme in tokenizer.tokenize(piece):
            surface = morpheme.surface()
            start = offset + morpheme.begin()
            if surface.isascii():
                # Latin: the surface itself (SudachiPy's normalised form turns 'and' into アンド).
                for match in _LATIN.finditer(surface.lower()):
                    out.append(Word(stem(match.group()), start + match.start(), start + match.end()))
            elif _WORDLIKE.search(surface):
                out.append(Word(morpheme.normalized_form().lower(), start, offset + morpheme.end()))
    return out


def forms(phrase: str) -> tuple[str, ...]:
    """A name or synonym as the sequence of normalised words a text must contain."""
    return tuple(word.form for word in words(phrase))
