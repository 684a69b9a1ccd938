"""Settings shared by every environment, read from environment variables.

Defaults are safe for production: debug off, secure cookies, HSTS. ``dev`` and
``test`` relax a few of them; see docs/configuration.md for every variable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import django_stubs_ext
import environ

django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "mshub"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "mshub.core",
    "mshub.accounts",
    "mshub.people",
    "mshub.topics",
    "mshub.meetings",
    "mshub.calendar",
    "mshub.consultations",
    "mshub.trends",
    "mshub.workinggroups",
    "mshub.papers",
    "mshub.archive",
    "mshub.briefings",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mshub.core.params.BadInputMiddleware",
    "mshub.core.security.SecurityHeadersMiddleware",  # Content-Security-Policy; no-store when signed in
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mshub.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mshub.core.middleware.ForumMiddleware",
    "mshub.core.middleware.ReaderTimezoneMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a locked-out sign-in into the 429 page
    "mshub.core.pagecache.PageCacheMiddleware",  # last: the forum and the reader's zone are known
]

ROOT_URLCONF = "mshub.urls"
WSGI_APPLICATION = "mshub.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mshub.core.context_processors.forum",
            ],
        },
    },
]


def database_config(url: str) -> dict[str, Any]:
    """The DATABASES["default"] entry for a database URL.

    SQLite gets WAL journalling and IMMEDIATE transactions, so that concurrent
    writers queue instead of failing with "database is locked"; Django turns
    foreign-key enforcement on for every SQLite connection itself. A writer waits
    up to SQLITE_BUSY_TIMEOUT seconds (20) for the lock: under a burst of
    registrations with 16 writers or more at once, some waited past 5 s
    (docs/scaling.md); 20 s stays below gunicorn's 30 s worker timeout.
    """
    config: dict[str, Any] = dict(environ.Env.db_url_config(url))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        busy_ms = round(env.float("SQLITE_BUSY_TIMEOUT", default=20) * 1000)
        config.setdefault("OPTIONS", {}).update(
            {
                "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={busy_ms};",
                "transaction_mode": "IMMEDIATE",
            }
        )
    # Reuse connections across requests (for SQLite this also saves re-running the PRAGMAs).
    config["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    config["ATOMIC_REQUESTS"] = False
    return config


VAR_DIR = Path(env.str("MSHUB_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite, media and static live here; a fresh clone has none
DATABASES = {"default": database_config(env.str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'mshub.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache also holds the rate limits below: with several processes it must be shared (Redis).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

# The page cache (mshub.core.pagecache): anonymous readers' pages of public forums, kept in the cache
# above until anything they show changes, and at most PAGE_CACHE_SECONDS (pages that change with
# the clock move on). A reverse proxy in front may keep them PAGE_CACHE_PROXY_SECONDS (s-maxage).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
PAGE_CACHE_PROXY_SECONDS = env.int("PAGE_CACHE_PROXY_SECONDS", default=5)

# Sign-in lock-out: django-axes, counting failures in the cache (no rows naming people or addresses
# in the database), per account and per client address, each with its own limit
# (mshub.accounts.lockout). A counter lives AXES_COOLOFF_TIME after its latest failure, so the limits
# count failures less than that apart, and a pause lasts that long after the failure that caused it.
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=5)
LOGIN_FAILURES_PER_CLIENT = env.int("LOGIN_FAILURES_PER_CLIENT", default=20)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
AXES_HANDLER = "mshub.accounts.lockout.AccountAndClientCacheHandler"
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]  # in this order: the handler's limits follow it
AXES_FAILURE_LIMIT = max(LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_CLIENT)  # axes' own check; see the handler
AXES_COOLOFF_TIME = dt.timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # attempts while paused neither count nor extend it
AXES_RESET_ON_SUCCESS = False  # the handler clears the account's counter only, never the client's
AXES_USERNAME_FORM_FIELD = "username"  # Django's AuthenticationForm field (it holds the email address)
AXES_USERNAME_CALLABLE = "mshub.accounts.lockout.account_of"  # lower case: one account, however typed
AXES_CLIENT_IP_CALLABLE = "mshub.accounts.mail_limits.client_address"  # REMOTE_ADDR, or see BEHIND_PROXY
AXES_LOCKOUT_CALLABLE = "mshub.accounts.lockout.locked_out"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # the cache handler keeps no AccessAttempt rows to show
# Mail to addresses typed into forms (mshub.accounts.mail_limits).
MAIL_PER_ADDRESS = env.int("MAIL_PER_ADDRESS", default=3)
MAIL_PER_CLIENT = env.int("MAIL_PER_CLIENT", default=10)
MAIL_WINDOW_MINUTES = env.int("MAIL_WINDOW_MINUTES", default=60)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out attempt before any password check
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the UI speaks Japanese and English; every datetime is
# stored aware in UTC and shown in the zone of the thing it belongs to (or the
# reader's choice on public pages).
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="ja")
LANGUAGES = [("ja", "日本語"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_FORUM_TIMEZONE = env.str("DEFAULT_FORUM_TIMEZONE", default="Asia/Tokyo")

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = "media/"  # never served by path: every file goes out through a view that checks permission
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Behind nginx: the internal location that maps to MEDIA_ROOT (X-Accel-Redirect), e.g. "/_protected/".
# Behind Apache or lighttpd: the header name, "X-Sendfile". Empty: the application streams files itself.
MEDIA_ACCEL_REDIRECT = env.str("MEDIA_ACCEL_REDIRECT", default="")
MEDIA_SENDFILE = env.str("MEDIA_SENDFILE", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MATERIAL_MAX_BYTES = env.int("MATERIAL_MAX_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # form fields; files are limited by MATERIAL_MAX_BYTES
# The archive's upload takes up to 200 files; above that (to 500) its form says so clearly.
DATA_UPLOAD_MAX_NUMBER_FILES = 500
# Reading an archive file (docs/archive.md): a DOCX/ZIP is refused before unpacking when it would
# unpack to more than ARCHIVE_MAX_EXPANDED_BYTES in all, has a part (over 1 MB) compressed more than
# ARCHIVE_MAX_COMPRESSION_RATIO to 1, or more than ARCHIVE_MAX_ZIP_MEMBERS parts. Each file is then
# read in a child process capped at ARCHIVE_PARSE_MEMORY_BYTES of memory and ARCHIVE_PARSE_SECONDS.
ARCHIVE_MAX_EXPANDED_BYTES = env.int("ARCHIVE_MAX_EXPANDED_BYTES", default=200 * 1024 * 1024)
ARCHIVE_MAX_COMPRESSION_RATIO = env.int("ARCHIVE_MAX_COMPRESSION_RATIO", default=100)
ARCHIVE_MAX_ZIP_MEMBERS = env.int("ARCHIVE_MAX_ZIP_MEMBERS", default=1000)
ARCHIVE_PARSE_MEMORY_BYTES = env.int("ARCHIVE_PARSE_MEMORY_BYTES", default=1024 * 1024 * 1024)
ARCHIVE_PARSE_SECONDS = env.int("ARCHIVE_PARSE_SECONDS", default=300)

# Mail: EMAIL_URL such as smtp://user:pass@host:587/?tls=True, or consolemail://.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="mshub <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: Celery. With CELERY_BROKER_URL (redis://…) a worker runs them. Without it,
# TASK_THREADS threads in each application process run them after the request has returned
# (mshub/core/background.py); 0 runs each task at once, inside the caller (the test settings).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
TASK_THREADS = env.int("TASK_THREADS", default=1)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Days before a consultation closes at which its person in charge is reminded (send_deadline_reminders).
CONSULTATION_REMINDER_DAYS = env.list("CONSULTATION_REMINDER_DAYS", cast=int, default=[14, 7, 2])
# Report PDFs: the processes that render them (task threads without a broker, Celery workers) import
# WeasyPrint and load the fonts before their first job (mshub/meetings/reports/pdf.py; off in tests).
PDF_WARM_UP = env.bool("PDF_WARM_UP", default=True)
# Calendar feeds are fetched only from public addresses (mshub/core/fetch.py); networks listed here
# (e.g. FETCH_ALLOWED_NETWORKS=10.20.0.0/16 for a feed on the installation's intranet) are let through.
FETCH_ALLOWED_NETWORKS = env.list("FETCH_ALLOWED_NETWORKS", default=[])

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["mshub.core.rest.permissions.RulesPermission"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "mshub API",
    "DESCRIPTION": "Public records of multistakeholder Internet-governance forums.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# Security: production defaults; DEBUG/dev and test settings relax them.
# Behind our proxy: trust its X-Forwarded-Proto, and take the client address (sign-in lock-out, mail
# limits) from the last X-Forwarded-For entry, the one it appended.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_errors_without_traceback": {"()": "mshub.core.logfilters.ClientErrorsWithoutTraceback"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s: %(message)s"},
        "server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "server": {"class": "logging.StreamHandler", "formatter": "server"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    # One console handler, on the root, that every logger but runserver's propagates to. Django's
    # default config gives "django" a second console handler in DEBUG, which printed every start-up
    # line twice; naming the logger here replaces its handlers.
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        # runserver's request lines, as Django prints them (naming "django" above would reset it).
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
        # A refused request (403, 404, 400) is one warning line; a 5xx keeps its traceback.
        "django.request": {"filters": ["client_errors_without_traceback"]},
        # WeasyPrint and fontTools narrate every page at INFO.
        # axes: its start-up line and a line per successful sign-in (failures stay, names masked).
        **{name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "celery", "axes")},
    },
}
