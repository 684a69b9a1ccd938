from .events import Event
from .forums import Forum, Membership, Role
from .vocabulary import VocabularyTerm

__all__ = ["Event", "Forum", "Membership", "Role", "VocabularyTerm"]
