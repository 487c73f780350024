"""Settings for the Alliance 8.7 registry, read from the environment (see README.md)."""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
import pghistory
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_proxies(name: str) -> int | list[str]:
    """TRUSTED_PROXIES: a count of proxies in front of the app, or their comma-separated
    addresses; empty (the default) trusts none."""
    value = os.environ.get(name, "").strip()
    if value.isdigit():
        return int(value)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off unless DJANGO_DEBUG=1 says otherwise, so a server started without it is a production one;
# `make run` and `make test` set it, and pytest reads alliance87/settings_dev.py, which does.
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (debug is off unless "
            "DJANGO_DEBUG=1). In production set a long random DJANGO_SECRET_KEY; on a "
            "development machine use `make run` or set DJANGO_DEBUG=1."
        )
    # A development-only key: with debug off the project refuses to start without a real one.
    SECRET_KEY = "insecure-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")

INSTALLED_APPS = [
    # pghistory.admin must come before django.contrib.admin so its templates win.
    "pghistory.admin",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # sitemap.xml (portal/sitemaps.py): its views and templates.
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "pgtrigger",
    "pghistory",
    "axes",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "import_export",
    "core",
    "partners",
    "governance",
    "action_groups",
    "pathfinders",
    "portal",
    "seed",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer (CommonMiddleware's redirects), as django-cors-headers asks.
    "corsheaders.middleware.CorsMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # CSV exports and API answers name the data licence (CC BY 4.0) in a Link header.
    "core.middleware.DataLicenceLinkMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above ConditionalGetMiddleware, so a 304 carries the RateLimit headers too.
    "core.api.throttling.RateLimitHeadersMiddleware",
    # Above every middleware that changes a response, so the ETag is the hash of the final body.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, with the API's language read from `?lang=` or Accept-Language.
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "core.clients.LockoutRetryAfterMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliance87.urls"
WSGI_APPLICATION = "alliance87.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "core.context_processors.language_links",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://127.0.0.1:5432/alliance87"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django 6 makes https the default scheme of URL form fields; adopt it now.
FORMS_URLFIELD_ASSUME_HTTPS = True

REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis when REDIS_URL is set, falling back to each process's memory while it does not answer
# (core/cache.py): the cache speeds the site up and never takes it down.
CACHES = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache"
        if REDIS_URL
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": REDIS_URL,
        # An unreachable Redis costs a request half a second at most, once per outage.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5} if REDIS_URL else {},
        # A release's own prefix keeps the pages an earlier release rendered (its templates, its
        # static file names) out of its way.
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
    }
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS L1: at least 12 characters.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# How the client's address is found behind a reverse proxy (core/clients.py); every throttle,
# limit, lock-out and log uses it.
TRUSTED_PROXIES = env_proxies("TRUSTED_PROXIES")

# Failed admin logins lock the account and the address separately: one address cannot spray
# many accounts, nor many addresses guess one. The lock expires; staff can lift it sooner
# (Axes' access attempts in the admin).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
# Countries by the United Nations' short names (UNTERM, M49) where django-countries' differ
# ("Vietnam" beside "Government of Viet Nam"), so a country reads the same everywhere. The
# French and Spanish are the UN's own short names, in locale/*/LC_MESSAGES/django.po.
COUNTRIES_OVERRIDE = {
    "BO": _("Bolivia (Plurinational State of)"),
    "BN": _("Brunei Darussalam"),
    "BS": _("Bahamas"),
    "CD": _("Democratic Republic of the Congo"),
    "CI": _("Côte d'Ivoire"),
    "CZ": _("Czechia"),
    "FM": _("Micronesia (Federated States of)"),
    "GB": _("United Kingdom of Great Britain and Northern Ireland"),
    "IR": _("Iran (Islamic Republic of)"),
    "KP": _("Democratic People's Republic of Korea"),
    "KR": _("Republic of Korea"),
    "LA": _("Lao People's Democratic Republic"),
    "MD": _("Republic of Moldova"),
    "NL": _("Netherlands (Kingdom of the)"),
    "PS": _("State of Palestine"),
    "RU": _("Russian Federation"),
    "SY": _("Syrian Arab Republic"),
    "TR": _("Türkiye"),
    "TZ": _("United Republic of Tanzania"),
    "US": _("United States of America"),
    "VA": _("Holy See"),
    "VE": _("Venezuela (Bolivarian Republic of)"),
    "VN": _("Viet Nam"),
}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# History: inserts, updates and deletes, so a deleted record stays in history.
PGHISTORY_DEFAULT_TRACKERS = (
    pghistory.InsertEvent(),
    pghistory.UpdateEvent(),
    pghistory.DeleteEvent(),
)
# Who and where for the history of writes only: a read writes no history, and the context
# pghistory would otherwise attach to each of its queries costs every page a little.
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Triggers on auto-created many-to-many tables are not in migrations; install them after migrate.
PGTRIGGER_INSTALL_ON_MIGRATE = True

# ---------------------------------------------------------------- e-mail and tasks
# Mail to applicants and the secretariat (partners/mail.py) is queued in PostgreSQL and sent by
# the worker (`manage.py db_worker`), which retries a failed send (partners/tasks.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# EMAIL_URL, such as submission://user:password@smtp.example.org:587 (SMTP with STARTTLS) or
# smtp://host:25; without it, mail is printed on the worker's console.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    if "EMAIL_BACKEND" not in _email:
        raise ImproperlyConfigured(
            "EMAIL_URL must start with submission://, smtp://, console:// or another scheme "
            "dj-email-url knows."
        )
    # A mail server that stops answering must not hold the worker: give up after 30 s, retry.
    _email["EMAIL_TIMEOUT"] = _email["EMAIL_TIMEOUT"] or 30
    globals().update({k: v for k, v in _email.items() if v is not None})
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", globals().get("DEFAULT_FROM_EMAIL", "registry@alliance87.org")
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who is told of each new application; comma-separated. Empty: no notice is sent.
ALLIANCE87_SECRETARIAT_EMAIL = env_list("ALLIANCE87_SECRETARIAT_EMAIL", "")
MANAGERS = [("Alliance 8.7 secretariat", address) for address in ALLIANCE87_SECRETARIAT_EMAIL]
# The site's address as readers reach it, for the links in mail (sent with no request at hand).
ALLIANCE87_SITE_URL = os.environ.get("ALLIANCE87_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# ---------------------------------------------------------------- admin import and export
# Imports and exports in the admin (core.admin.RegistryAdmin, whose `formats` are CSV and xlsx).
# Importing needs the model's "change" permission (editors); exporting its "view" (viewers too).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Each import runs in one transaction: a refused row leaves the table as it was.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# ---------------------------------------------------------------- REST API
# Reads are open, writes need an API token (admin: "API tokens") and the model permission.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.RegistryAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["core.api.permissions.ModelPermissions"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.RegistryPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "core.api.renderers.CSVRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["core.api.parsers.StrictJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "core.api.renderers.RegistryContentNegotiation",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.api.throttling.AnonThrottle",
        "core.api.throttling.TokenThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "token": os.environ.get("API_THROTTLE_TOKEN", "1200/minute"),
        "applications": os.environ.get("API_THROTTLE_APPLICATIONS", "5/hour"),
    },
    "EXCEPTION_HANDLER": "core.api.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# CORS (django-cors-headers): any site's scripts may read the API anonymously, nothing else.
# Only GET, HEAD and the preflight, only under /api/v1/, never with cookies; no Authorization in
# the allowed headers, so a browser never sends a token cross-origin (tokens stay on servers).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
# What an integrator's script needs to read: validators, pagination, limits, deprecations.
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Link",
    "Content-Disposition",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    "Retry-After",
    "Deprecation",
    "Sunset",
]
SPECTACULAR_SETTINGS = {
    "TITLE": "Alliance 8.7 registry API",
    "DESCRIPTION": (
        "Partners, the Global Coordinating Group, Action Groups and pathfinder countries of "
        "Alliance 8.7, for integrators. Reads are open to anyone; writes need an API token "
        "(`Authorization: Token <key>`) issued by the secretariat and the matching permission. "
        "Lists filter with the same parameters as the web pages, paginate by page (`page`, "
        "`page_size` up to 200) or by cursor (`cursor=` for sync), and answer in CSV with "
        "`format=csv`. Text fields and messages answer in English, French or Spanish (`lang=` "
        "or `Accept-Language`); each text field is also given in every language (`name_en`, "
        "`name_fr`, `name_es`). `GET /api/v1/changes/?since=` lists what changed; "
        "`GET /api/v1/popolo/` exports the governance as Popolo JSON. Every public record is "
        "also a Frictionless data package at `/data/datapackage.json`, one CSV per resource."
    ),
    # What the API serves is the registry's data, under CC BY 4.0 (core/licences.py); the code is
    # under Apache-2.0 (LICENSE).
    "LICENSE": {"name": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Nothing the docs load may leave the site: no validator badge from validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "PartnerStatusEnum": "partners.models.PartnerStatus",
        "ApplicationStatusEnum": "partners.models.ApplicationStatus",
        "WorkPlanStatusEnum": "action_groups.models.WorkPlanStatus",
        "ActivityStatusEnum": "action_groups.models.ActivityStatus",
        "ActivityKindEnum": "action_groups.models.ActivityKind",
        "RoadMapStatusEnum": "pathfinders.models.RoadMapStatus",
        "MilestoneStatusEnum": "pathfinders.models.MilestoneStatus",
        "EventKindEnum": "governance.models.EventKind",
        "PledgeProgressEnum": "governance.models.PledgeProgress",
        "StageEnum": "pathfinders.models.Stage",
        "DatePrecisionEnum": "core.models.DatePrecision",
    },
}
# ---------------------------------------------------------------- end of REST API

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # NONCE, the sentinel, not the string "'nonce'": django-csp replaces only the sentinel
        # with the request's nonce ('nonce-…'), and drops it when no page asked for one.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

SECURE_SSL = env_bool("DJANGO_SECURE_SSL", not DEBUG)
if SECURE_SSL:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "database_outage": {"()": "core.logs.DatabaseOutageFilter"},
        "client": {"()": "core.logs.ClientAddressFilter"},
    },
    "formatters": {"plain": {"format": "%(levelname)s %(name)s [%(client)s] %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["database_outage", "client"],
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
