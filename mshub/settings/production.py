"""Production settings: everything from the environment, nothing relaxed."""

from .base import *  # noqa: F403
