"""Three-way merge of a paper's text after a conflicting save (diff-match-patch).

Shapes: ``base`` is the revision both editors started from, ``theirs`` the revision saved
meanwhile, ``mine`` what the second editor typed. The editor's changes (base → mine) are made into
patches and applied to ``theirs``; each patch either applies (fuzzy match, as diff-match-patch
does) or does not. The result is a proposal the editor reviews on the conflict page before saving:
nothing is saved by merging.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]


@dataclass(frozen=True)
class Merge:
    text: str  # ``theirs`` with every change of ``mine`` that applied
    applied: int
    failed: int  # changes of ``mine`` that could not be placed: the editor must carry them over

    @property
    def is_clean(self) -> bool:
        return self.failed == 0


def merge(base: str, mine: str, theirs: str) -> Merge:
    dmp = diff_match_patch()
    dmp.Match_Threshold = 0.3  # a change lands only where its context is close to what it was
    dmp.Patch_DeleteThreshold = 0.3
    patches = dmp.patch_make(base, mine)
    text, results = dmp.patch_apply(patches, theirs)
    applied = sum(1 for ok in results if ok)
    return Merge(text=text, applied=applied, failed=len(results) - applied)
