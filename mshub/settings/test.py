"""Settings for the test suite: fast hashing, in-memory mail, eager tasks."""

import os

os.environ.setdefault("SECRET_KEY", "test-insecure-key-for-the-test-suite-only-0123456789")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ["CELERY_BROKER_URL"] = ""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = VAR_DIR / "test-media"
# Tasks run at once, inside the caller; tests/core/test_background.py runs them on threads.
TASK_THREADS = 0
# No process loads WeasyPrint before it renders (tests/meetings/test_pdf_warm_up.py starts processes with it on).
PDF_WARM_UP = False
# Archive files are read in this process (a child per file costs a second on a busy machine);
# tests/archive/test_limits.py turns the capped child process back on and tests it.
ARCHIVE_PARSE_MEMORY_BYTES = 0

# A file, not SQLite's shared in-memory database: concurrent-writer tests need real file locking
# (busy_timeout, BEGIN IMMEDIATE), as in production. PostgreSQL runs keep their own test database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # MSHUB_TEST_SQLITE names another file, for two test runs side by side in one checkout.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("MSHUB_TEST_SQLITE", str(VAR_DIR / "test.sqlite3"))}

# Tests read messages in the source language; the Japanese catalogue and the production default
# (LANGUAGE_CODE=ja) are tested explicitly in tests/core/test_i18n.py.
LANGUAGE_CODE = "en"

# A test database need not survive a power cut: PostgreSQL returns from COMMIT before the WAL reaches
# the disk (the many transactions of live-server and concurrency tests wait on fsync otherwise).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
