"""Local development and ``make demo``: debug on, a throw-away key, mail to the console."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "dev-insecure-key-only-for-local-demo-never-in-production")

from .base import *  # noqa: F403
