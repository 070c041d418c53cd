"""Settings for Rung, read from the environment with safe embedded defaults.

The embedded default (no variables set) is SQLite in WAL mode in ./var, local-memory
cache, console email. `DATABASE_URL`, `REDIS_URL` and the `EMAIL_*` variables move the
same code onto PostgreSQL, Redis and SMTP. Every variable read here is listed in the
README's Configuration table (a test checks). Importing this module writes nothing:
`rung.embedded.prepare()`, called by manage.py and rung/wsgi.py, makes ./var and its key.
"""

import json
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from rung import embedded
from rung.core.languages import CHINESE, ENGLISH

BASE_DIR = embedded.BASE_DIR
VAR_DIR = embedded.var_dir()


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Anything but an explicit "off" keeps a switch on (`env_on`).
_OFF = {"off", "0", "false", "no"}


def env_on(name: str) -> bool:
    """Read a switch that is on unless the environment says off."""
    return os.environ.get(name, "on").strip().lower() not in _OFF


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def json_over(text: str, defaults: dict[str, object]) -> dict[str, object]:
    """Return `defaults` with the keys of a JSON object (an environment variable's text) over them.

    Nested objects are merged one level down, so `{"leader": {"posts": 80}}` changes one
    threshold and keeps the rest.
    """
    merged: dict[str, object] = {
        key: dict(value) if isinstance(value, dict) else value for key, value in defaults.items()
    }
    if not text.strip():
        return merged
    given = json.loads(text)
    if not isinstance(given, dict):
        raise ValueError("expected a JSON object")
    for key, value in given.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            current.update(value)
        else:
            merged[key] = value
    return merged


def _secret_key() -> str:
    """Return SECRET_KEY from the environment, else the key kept in var/, else a throwaway one."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    try:
        return embedded.read_secret_key(VAR_DIR)
    except FileNotFoundError:
        # Only a process started some other way than manage.py or rung.wsgi gets here (the
        # test suite, a bare django-admin): both make the kept key before settings load.
        # Such a process signs with a key of its own that dies with it, so its sessions,
        # CSRF tokens and reset links mean nothing to any other process. Refusing to start
        # instead would make every fresh checkout set SECRET_KEY before its first test.
        return secrets.token_urlsafe(50)


DEBUG = env_bool("DEBUG")
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Translated content fields (name_en, name_zh_hans columns); must come before the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rung.core",
    "rung.accounts",
    "rung.ladder",
    "rung.qa",
    "rung.search",
    "rung.growth",
    "rung.languages",
    "rung.demo",
    "rung.moderation",
    "rung.notifications",
    "rung.learn",
    "rung.reputation",
    "django_tasks_db",
]

MIDDLEWARE = [
    "rung.core.middleware.HeadMiddleware",
    # Next: everything after it sees the client's address, not the proxy's.
    "rung.core.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a visitor's stored page is answered here (rung/qa/visitor_pages.py).
    "rung.qa.middleware.VisitorPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rung.core.middleware.ResolvedUserMiddleware",
    # After LocaleMiddleware and authentication: a member's chosen language wins.
    "rung.languages.middleware.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "rung.accounts.middleware.AccountFormErrorsMiddleware",
    "rung.core.middleware.HtmxMiddleware",
    "rung.core.middleware.RateLimitedMiddleware",
]

ROOT_URLCONF = "rung.urls"
WSGI_APPLICATION = "rung.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "rung" / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                # `csp_nonce` for the few elements the content security policy lets run.
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rung.core.context_processors.site",
                # The moderation queue's link and count in the header, for moderators.
                "rung.moderation.context_processors.moderation",
                # The bell and its unread count, for members.
                "rung.notifications.context_processors.bell",
                # Last, so it replaces Django's `csrf_token`: one masking per response.
                "rung.core.page_csrf.csrf",
            ],
        },
    }
]
_TEMPLATE_LOADERS = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
# Compiled templates are cached per process unless DEBUG wants edits picked up.
TEMPLATES[0]["OPTIONS"]["loaders"] = (  # type: ignore[index]
    _TEMPLATE_LOADERS if DEBUG else [("django.template.loaders.cached.Loader", _TEMPLATE_LOADERS)]
)

# --- database -------------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "rung.sqlite3"
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_on(
        "RUNG_PG_PREPARED"
    ):
        # Parameters sent apart from the SQL, and a statement a connection has run five
        # times prepared: PostgreSQL then stops parsing and planning it for every request.
        # Planning the question page's joined read cost several times running it, and most
        # pages run the same few queries. RUNG_PG_PREPARED=off sends SQL with its values
        # written in, for a pooler that cannot keep prepared statements (PgBouncer before
        # 1.21 in transaction mode). Measured in docs/benchmarks.md.
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["ENGINE"] = "rung.core.sqlite_backend"
else:
    # rung.embedded.prepare() creates VAR_DIR; SQLite does not create folders.
    DATABASES = {
        "default": {
            # Django's, with each statement's placeholders rewritten once per process
            # (rung/core/sqlite_backend/base.py).
            "ENGINE": "rung.core.sqlite_backend",
            "NAME": str(SQLITE_PATH),
            # Reuse connections: opening one reruns the PRAGMAs and drops the page cache.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # WAL lets readers proceed while one writer commits; IMMEDIATE makes
                # writers queue on busy_timeout instead of failing mid-transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    # A 64 MB page cache per connection and no memory-mapping: mapped
                    # pages of a large database count in every worker's resident memory.
                    "PRAGMA cache_size=-65536;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache and sessions -----------------------------------------------------------------
# Rate limits live in a store every worker shares ("limits"): Redis when configured, else a
# table in the database. Rung's own limits (rung/core/ratelimit.py) and allauth's use it.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "limits",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        # Shared by every worker process and the task worker, and kept across restarts:
        # rendered pages and fragments stay until evicted (docs/architecture.md).
        "default": {
            "BACKEND": "rung.core.sqlite_cache.SQLiteCache",
            "LOCATION": str(VAR_DIR / "cache.sqlite3"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("RUNG_CACHE_ENTRIES", "50000"))},
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "rung_limits_cache",
            # Culling would forget live limits; expired entries are replaced as keys recur.
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }
    # Sessions are read from the cache and written through to the database, so a
    # restart keeps members logged in and a page view costs no session query.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- auth -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses every log-in (member or admin) for an account or address that failed
    # too often, before a password is checked.
    "rung.accounts.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
# With a mail server, a new member confirms their address before logging in ("mandatory").
# Without one (the embedded demo) no mail would arrive, so sign-up logs them in at once
# ("optional"). Either way sign-up answers the same for a registered address as for a new
# one: with mandatory confirmation allauth mails the address's owner instead of creating an
# account; without it ("strict") a second account with that address is made unconfirmed,
# and an unconfirmed address opens nothing (growth invitations need a confirmed one).
ACCOUNT_EMAIL_VERIFICATION = os.environ.get(
    "RUNG_EMAIL_VERIFICATION", "mandatory" if os.environ.get("EMAIL_HOST") else "optional"
)
ACCOUNT_PREVENT_ENUMERATION: bool | str = (
    True if ACCOUNT_EMAIL_VERIFICATION == "mandatory" else "strict"
)
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:profile_edit"
ACCOUNT_USER_DISPLAY = "rung.accounts.models.user_display"
# Writes every account email in the recipient's language.
ACCOUNT_ADAPTER = "rung.accounts.adapter.AccountAdapter"
# Days a confirmed work address shows "✓ Company" before the member confirms it again
# (docs/reputation.md, "Verified employers").
RUNG_EMPLOYER_VERIFICATION_DAYS = max(
    1, int(os.environ.get("RUNG_EMPLOYER_VERIFICATION_DAYS", "365"))
)
# --- limits -----------------------------------------------------------------------------
# RUNG_RATE_LIMITS=off lifts the posting and request-rate limits (imports, load tests).
# Failed log-ins stay limited: a load test does not type wrong passwords.
# Anything but an explicit "off" keeps them on.
RUNG_RATE_LIMITS = env_on("RUNG_RATE_LIMITS")
# Failed log-ins, through the member and the admin log-in alike: per account (whatever
# name or address it is tried under) and per client address (offices share one).
RUNG_LOGIN_FAILURES_PER_ACCOUNT = os.environ.get("RUNG_LOGIN_FAILURES_PER_ACCOUNT", "5/15m")
RUNG_LOGIN_FAILURES_PER_ADDRESS = os.environ.get("RUNG_LOGIN_FAILURES_PER_ADDRESS", "30/15m")
# allauth's own limits on sign-ups, reset mails and so on (its defaults), in the shared
# store; failed log-ins are counted by Rung instead (rung/accounts/login_throttle.py).
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = {} if RUNG_RATE_LIMITS else False
# How many reverse proxies of the operator's own stand in front of Rung. Each appends the
# address it got the request from to X-Forwarded-For, so the client is that many entries
# from the right; 0 (the default) trusts no header and uses the connecting address.
RUNG_TRUSTED_PROXIES = int(os.environ.get("RUNG_TRUSTED_PROXIES", "0"))

# --- moderation (docs/moderation.md) ----------------------------------------------------
# What a member needs to reach each trust level (new is where everyone starts): days since
# joining, days they visited, posts written, likes received, flags of theirs upheld.
RUNG_TRUST_LEVELS = json_over(
    os.environ.get("RUNG_TRUST_LEVELS", ""),
    {
        "member": {"days": 1, "visits": 2, "posts": 1, "likes": 0, "flags_upheld": 0},
        "regular": {"days": 14, "visits": 10, "posts": 10, "likes": 5, "flags_upheld": 0},
        "leader": {"days": 60, "visits": 40, "posts": 50, "likes": 25, "flags_upheld": 3},
    },
)
# Each limit per trust level: new, member, regular, leader. RUNG_RATE_LIMITS=off lifts them.
RUNG_POSTING_LIMITS = json_over(
    os.environ.get("RUNG_POSTING_LIMITS", ""),
    {
        "questions_per_10_minutes": [2, 5, 10, 20],
        "questions_per_hour": [3, 10, 20, 40],
        "questions_per_day": [10, 30, 60, 120],
        "answers_per_10_minutes": [3, 10, 20, 40],
        "answers_per_hour": [10, 30, 60, 120],
        "answers_per_day": [30, 100, 300, 600],
        "links_per_post": [4, 10, 30, 50],
        "images_per_post": [1, 5, 20, 40],
        "edits_per_hour": [10, 30, 60, 120],
        "flags_per_day": [5, 10, 20, 50],
    },
)
# A create form sent again with the same values within this many seconds (Back, then
# Post) gets the row already saved instead of a second one (rung/core/submit_once.py).
RUNG_REPOST_WINDOW_SECONDS = int(os.environ.get("RUNG_REPOST_WINDOW_SECONDS", "600"))
# Weeks after asking when the asker is asked what happened (rung/qa/outcomes.py); the
# outcome form opens then, or as soon as the question has an answer. At least one.
RUNG_OUTCOME_PROMPT_WEEKS = max(1, int(os.environ.get("RUNG_OUTCOME_PROMPT_WEEKS", "6")))
# A new member's post with this many links or more waits for review.
RUNG_SPAM_HOLD_LINKS = int(os.environ.get("RUNG_SPAM_HOLD_LINKS", "3"))
# Sign-up forms sent back faster than this many seconds are refused as automated.
RUNG_SIGNUP_MIN_SECONDS = int(os.environ.get("RUNG_SIGNUP_MIN_SECONDS", "3"))
# A member's first few questions, answers and replies carry the same checks: sent back
# sooner than this many seconds after the form was shown, they are refused as automated.
RUNG_FIRST_POST_MIN_SECONDS = int(os.environ.get("RUNG_FIRST_POST_MIN_SECONDS", "5"))
RUNG_FIRST_POSTS_CHECKED = int(os.environ.get("RUNG_FIRST_POSTS_CHECKED", "3"))
# The flag weight that hides a post until a moderator reviews it.
RUNG_FLAG_HIDE_WEIGHT = float(os.environ.get("RUNG_FLAG_HIDE_WEIGHT", "2"))
# An outside spam check run after a post is saved: off (default) or akismet, an
# Akismet-style comment-check endpoint at RUNG_SPAM_CHECK_URL.
RUNG_SPAM_CHECK = os.environ.get("RUNG_SPAM_CHECK", "off").strip().lower()
RUNG_SPAM_CHECK_URL = os.environ.get("RUNG_SPAM_CHECK_URL", "")
RUNG_SPAM_CHECK_KEY = os.environ.get("RUNG_SPAM_CHECK_KEY", "")
# Sign-up asks for a honeypot and a fill time; a suspended member's log-in says why.
ACCOUNT_FORMS = {
    "signup": "rung.moderation.forms.SignupForm",
    "login": "rung.moderation.forms.LoginForm",
}

# --- email ----------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Rung <rung@localhost>")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
elif os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "rung.core.mail.FileBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "rung.core.mail.ConsoleBackend"
# Without a mail server and with DEBUG on, the last 50 messages are also kept here for
# /-/mail/ (rung/core/mail.py says why in files).
RUNG_KEPT_MAIL_DIR = VAR_DIR / "kept-mail"

# --- i18n -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [(ENGLISH, _("English")), (CHINESE, _("Simplified Chinese"))]
# Project strings (templates and code under rung/) are translated in one catalogue here;
# `manage.py i18n_check` reports its coverage. .mo files are built by `make setup`.
LOCALE_PATHS = [BASE_DIR / "rung" / "locale"]
# Career content (ladder, topics, rubric) is stored in both languages; an empty Chinese
# field falls back to English so a half-translated row never shows blank.
MODELTRANSLATION_DEFAULT_LANGUAGE = ENGLISH
MODELTRANSLATION_LANGUAGES = (ENGLISH, CHINESE)
MODELTRANSLATION_FALLBACK_LANGUAGES = (ENGLISH,)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- static and media -------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "rung" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads beyond this are refused before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- security (docs/architecture.md, "Headers and content policy") --------------------
SECURE_COOKIES = env_bool("SECURE_COOKIES")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# A site that sets secure cookies is served over HTTPS: plain HTTP is redirected, and
# browsers are told to use HTTPS for a year (HSTS) without asking the network again.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE_COOKIES)
SECURE_HSTS_SECONDS = (
    int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if SECURE_COOKIES else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The directive only makes the host eligible for browsers' preload lists; nobody is
# enrolled until the operator submits the domain.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Load balancers probe over plain HTTP and expect 200, not a redirect (patterns match the
# path without its leading slash).
SECURE_REDIRECT_EXEMPT = [r"^-/health$"]
# Behind a proxy that ends TLS, Django sees plain HTTP; the proxy names the original scheme
# in a header such as X-Forwarded-Proto. Trust it only when the proxy always sets it.
if proxy_header := os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip():
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_header.upper().replace("-", "_"), "https")
# Scripts and styles come from this site, plus the few elements a page marks with its
# per-response nonce; images from this site or data: URLs, so a post cannot make readers'
# browsers fetch from elsewhere (rung/core/markdown.py turns such images into links).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# --- Rung -----------------------------------------------------------------------------
# Where members reach this site; links in mail sent by the task worker start with it.
RUNG_SITE_URL = os.environ.get("RUNG_SITE_URL", "http://127.0.0.1:8000")
# Invitations to see a growth plan one member may send, per window (comma-separated).
RUNG_SHARE_INVITATION_LIMITS = os.environ.get("RUNG_SHARE_INVITATION_LIMITS", "10/h,30/d")
# The same for members at the lowest trust level (docs/moderation.md).
RUNG_NEW_MEMBER_INVITATION_LIMITS = os.environ.get("RUNG_NEW_MEMBER_INVITATION_LIMITS", "3/h,5/d")
# Invitations to answer: members one question may have invited, and invitations one asker
# may send in 24 hours. RUNG_RATE_LIMITS=off lifts both.
RUNG_INVITES_PER_QUESTION = int(os.environ.get("RUNG_INVITES_PER_QUESTION", "5"))
RUNG_INVITES_PER_DAY = int(os.environ.get("RUNG_INVITES_PER_DAY", "20"))
# Seconds between flushes of buffered question views; 0 writes each view at once.
RUNG_VIEW_FLUSH_SECONDS = float(os.environ.get("RUNG_VIEW_FLUSH_SECONDS", "5"))
# A page view that fills the buffer to this many wakes the flusher early.
RUNG_VIEW_BUFFER_MAX = int(os.environ.get("RUNG_VIEW_BUFFER_MAX", "500"))

# --- notification mail (docs/notifications.md) ------------------------------------------
# Seconds a notice waits before it is mailed, so several arriving close together go in one
# mail (with a task backend that can defer; RUNG_TASKS=immediate mails at once).
RUNG_MAIL_COLLAPSE_SECONDS = int(os.environ.get("RUNG_MAIL_COLLAPSE_SECONDS", "300"))
# Minutes to wait before each new try when the mail server fails; after the last, give up.
RUNG_MAIL_RETRY_MINUTES = [int(m) for m in env_list("RUNG_MAIL_RETRY_MINUTES", "1,5,30")]
# Days the unsubscribe link in a mail keeps working.
RUNG_UNSUBSCRIBE_LINK_DAYS = int(os.environ.get("RUNG_UNSUBSCRIBE_LINK_DAYS", "365"))

# --- background tasks and search ------------------------------------------------------
# Tasks are rows in the database, run by `manage.py db_worker`; RUNG_TASKS=immediate runs
# them inline instead (tests, or a one-process setup with no worker).
if os.environ.get("RUNG_TASKS") == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Sentence vectors and vector scans use numpy: one BLAS thread per process, so web workers
# and the task worker never fight over cores. Set before numpy loads, which reads it once.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
RUNG_SEARCH_DIR = Path(os.environ.get("RUNG_SEARCH_DIR", VAR_DIR / "search"))
# Seconds a process trusts its in-memory vectors before asking the database for new ones.
RUNG_SEARCH_REFRESH_SECONDS = float(os.environ.get("RUNG_SEARCH_REFRESH_SECONDS", "2"))
# After a write, the task worker renders the visitors' copies of the pages it changed
# (rung/qa/tasks.py), so the next reader is served from the cache.
RUNG_PRERENDER = os.environ.get("RUNG_PRERENDER", "1") != "0"
# `manage.py demo_content` also creates the demo lessons and queues their videos, which the
# task worker draws and narrates (rung/demo/lessons); 0 leaves them out.
RUNG_DEMO_LESSONS = os.environ.get("RUNG_DEMO_LESSONS", "1") != "0"
# Past this many vectors the worker writes the ANN file; past a tenth of it written since,
# it writes the file again. Scanning every vector costs about 0.11 ms per thousand, the
# file under 1 ms at any size (docs/search.md).
RUNG_SEARCH_ANN_THRESHOLD = int(os.environ.get("RUNG_SEARCH_ANN_THRESHOLD", "10000"))

# --- translating posts (docs: README "Configuration") -----------------------------------
# none (default: no translate button), libretranslate, or openai (any OpenAI-compatible
# chat-completions endpoint, such as Ollama or vLLM).
RUNG_TRANSLATION_PROVIDER = os.environ.get("RUNG_TRANSLATION_PROVIDER", "none")
RUNG_TRANSLATION_TIMEOUT = float(os.environ.get("RUNG_TRANSLATION_TIMEOUT", "10"))
# Provider calls one reader may cause per minute; cached translations do not count.
RUNG_TRANSLATION_RATE_LIMIT = int(os.environ.get("RUNG_TRANSLATION_RATE_LIMIT", "30"))
RUNG_LIBRETRANSLATE_URL = os.environ.get("RUNG_LIBRETRANSLATE_URL", "http://localhost:5000")
RUNG_LIBRETRANSLATE_API_KEY = os.environ.get("RUNG_LIBRETRANSLATE_API_KEY", "")
# "site=service" code pairs over the defaults en=en,zh-hans=zh (newer servers: zh-Hans).
RUNG_LIBRETRANSLATE_CODES = os.environ.get("RUNG_LIBRETRANSLATE_CODES", "")
RUNG_OPENAI_BASE_URL = os.environ.get("RUNG_OPENAI_BASE_URL", "http://localhost:11434/v1")
RUNG_OPENAI_MODEL = os.environ.get("RUNG_OPENAI_MODEL", "")
RUNG_OPENAI_API_KEY = os.environ.get("RUNG_OPENAI_API_KEY", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Lessons (rung/learn, docs/learn.md). Uploads larger than this are refused before their
# body is read; the worker gives a transcode this long before it is stopped and failed.
RUNG_LEARN_MAX_UPLOAD_BYTES = int(os.environ.get("RUNG_LEARN_MAX_UPLOAD_BYTES", str(4 * 1024**3)))
RUNG_LEARN_MAX_DURATION_SECONDS = int(os.environ.get("RUNG_LEARN_MAX_DURATION_SECONDS", "7200"))
RUNG_LEARN_TRANSCODE_SECONDS = int(os.environ.get("RUNG_LEARN_TRANSCODE_SECONDS", "14400"))
# Threads one transcode's ffmpeg may use; 0: two, or one on a single-core machine.
RUNG_LEARN_TRANSCODE_THREADS = int(os.environ.get("RUNG_LEARN_TRANSCODE_THREADS", "0"))
# Behind nginx, set to the internal location that maps onto MEDIA_ROOT (e.g. "/protected/"):
# Rung checks access and answers with X-Accel-Redirect, and nginx sends the bytes (and
# answers Range requests). Empty: Rung sends the file itself, Range included.
RUNG_MEDIA_ACCEL_PREFIX = os.environ.get("RUNG_MEDIA_ACCEL_PREFIX", "")
