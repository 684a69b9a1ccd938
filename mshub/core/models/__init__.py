from .events import ActivityEntry
from .forums import Forum, Membership, Role
from .vocabulary import SiteVocabularyTerm, VocabularyTerm

__all__ = ["ActivityEntry", "Forum", "Membership", "Role", "SiteVocabularyTerm", "VocabularyTerm"]
