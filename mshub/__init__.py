"""mshub: the workspace for multistakeholder Internet-governance forums."""

from .celery import app as celery_app

__all__ = ["celery_app"]
