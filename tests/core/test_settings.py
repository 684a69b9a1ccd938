"""Configuration from the environment: SQLite by default (WAL, foreign keys), deploy checks clean."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import IntegrityError
from django.db.backends.sqlite3.base import DatabaseWrapper

from mshub.settings.base import database_config

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_sqlite_connections_use_wal_and_enforce_foreign_keys(tmp_path):
    config = database_config(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    config.update(TIME_ZONE=None, AUTOCOMMIT=True, CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=False, TEST={})
    wrapper = DatabaseWrapper(config, alias="probe")
    try:
        with wrapper.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20000  # SQLITE_BUSY_TIMEOUT's default
            cursor.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            cursor.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))")
            with pytest.raises(IntegrityError):
                cursor.execute("INSERT INTO child (parent_id) VALUES (42)")
    finally:
        wrapper.close()


def test_postgres_url_selects_postgres_with_persistent_connections():
    config = database_config("postgres://mshub:secret@db.example:5432/mshub")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "mshub"
    assert config["HOST"] == "db.example"
    assert config["CONN_HEALTH_CHECKS"] is True


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # The test settings module relaxed these in this process; the child must not inherit that.
    relaxed = {
        "DEBUG",
        "SECRET_KEY",
        "DJANGO_SETTINGS_MODULE",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "CELERY_BROKER_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests in this process
    }
    clean = {k: v for k, v in os.environ.items() if k not in relaxed}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="mshub.settings.production",
        SECRET_KEY="x" * 20 + "production-grade-secret-key-with-enough-entropy-4f8a1c",
        ALLOWED_HOSTS="forum.example.org",
        MSHUB_VAR_DIR=str(tmp_path),
        CACHE_URL="rediscache://127.0.0.1:6379/1",  # shared sign-in lock-out counters (docs/deploy.md)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    result = _manage("check", DJANGO_SETTINGS_MODULE="mshub.settings.production", MSHUB_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked(settings):
    assert settings.DEBUG is False
    assert settings.USE_TZ is True
    assert settings.TIME_ZONE == "UTC"


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_demo_on_another_port_links_to_that_port(tmp_path):
    """`make demo PORT=8101`: the demo loader and the server both get SITE_URL for 8101 (mail, .ics)."""
    plan = subprocess.run(
        ["make", "-n", "demo", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    [loaddemo] = [line for line in plan if " loaddemo " in line]
    [runserver] = [line for line in plan if " runserver " in line]
    assert runserver.endswith("runserver 127.0.0.1:8101")
    for line in (loaddemo, runserver):
        assert line.startswith("SITE_URL=http://127.0.0.1:8101 "), line
    # That variable is what the settings read.
    name, value = runserver.split()[0].split("=", 1)
    shown = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SITE_URL)",
        DJANGO_SETTINGS_MODULE="mshub.settings.dev",
        MSHUB_VAR_DIR=str(tmp_path),
        **{name: value},
    )
    assert shown.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8101", shown.stderr
