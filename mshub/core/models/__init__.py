from .events import ActivityEntry
from .forums import Forum, Membership, Role
from .vocabulary import VocabularyTerm

__all__ = ["ActivityEntry", "Forum", "Membership", "Role", "VocabularyTerm"]
