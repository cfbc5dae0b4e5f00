"""Settings shared by every environment.

Environment-specific files (dev, test, production) import from here and change only what
differs. Anything that varies between installations is read from the environment.
"""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
import django.conf.locale
from csp.constants import NONCE, NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))


def env_flag(name, default):
    """True for 1/true/yes/on, False for 0/false/no/off, `default` when unset or empty."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in ("1", "true", "yes", "on")


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "home",
    "senreport",
    "localoffer",
    "pagecache",
    # The demo schools (seed_demo, seed_schools): after the product apps it builds on.
    "demo",
    # Translations made by people (wagtail-localize): before Wagtail's apps, as it asks.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise directly below SecurityMiddleware, as its documentation requires.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for browsers that accept gzip (WhiteNoise compresses static files
    # itself). Outside the page cache, so the cache stores a page once, uncompressed.
    # Django pads the compressed body at random against BREACH-style length attacks.
    "django.middleware.gzip.GZipMiddleware",
    "schoolsite.middleware.PermissionsPolicyMiddleware",
    # A NUL character in the path, query string or a form field: 400, before the page cache
    # or any view sees it (PostgreSQL cannot take one: it would be a 500).
    "schoolsite.middleware.RejectNulCharactersMiddleware",
    # The page cache answers before sessions, CSRF and authentication run: a hit touches
    # no database. It sits outside every middleware that sets cookies, so it sees them
    # all, and outside the CSP middleware, so a stored page keeps its policy (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    # A page's site, home page, school details and private pages, kept as fresh as cached
    # pages for the renders the page cache does not answer (home/frame.py).
    "home.frame.SiteFrameMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address (/pl/...; English unprefixed), never from the browser's
    # Accept-Language or a cookie: i18n_patterns with prefix_default_language=False always
    # picks English for an unprefixed address, so the page cache's key (the address) already
    # says which language a stored page is in, and a hit (above) needs no language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A publish the guard refuses on any admin route becomes the message on the editor.
    "home.guard_admin.PublishRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "schoolsite.csp.SchoolCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    # AxesBackend rather than AxesStandaloneBackend: it can also load a user, so that
    # login(user) without an explicit backend (the test client's force_login) works.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "schoolsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "schoolsite.wsgi.application"

# SQLite in a git-ignored data folder unless DATABASE_URL names another database
# (postgres://user:password@host:port/name for PostgreSQL through psycopg 3).
if not os.environ.get("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
# SQLite under a long write (an import, a publish): readers must never fail.
# - WAL: readers read the last committed state while one writer writes, instead of
#   waiting for its lock (and answering 500 "database is locked" when the wait runs out);
#   synchronous=NORMAL is safe with WAL and spares an fsync per commit.
# - IMMEDIATE transactions take the write lock at BEGIN, so two writers queue for it
#   (waiting up to SQLITE_BUSY_TIMEOUT seconds) instead of deadlocking half-way through,
#   when SQLite would refuse one at once whatever the timeout.
# Long imports commit in batches (OPENREFERRAL_IMPORT_BATCH_SIZE) so another writer waits
# for one batch, not the whole import. PostgreSQL needs none of this.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", 20)),
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The languages a school may translate its pages into (school details: `languages`), each
# named in itself. English is the original every check judges (home/translation.py).
LANGUAGES = [
    ("en-gb", "English"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("so", "Soomaali"),
    ("ur", "اردو"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Django knows every language above but Somali: its name for get_language_info().
django.conf.locale.LANG_INFO.setdefault(
    "so", {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"}
)
TIME_ZONE = "Europe/London"
USE_I18N = True
# The fixed words of the public templates (skip link, breadcrumb, PDF link...), per language:
# locale/<lang>/LC_MESSAGES/django.po, compiled to the committed .mo beside it.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Caches. REDIS_URL (redis://host:6379/0) gives every app server one shared cache; without
# it the default cache is local memory. The page cache (pagecache/) must be shared by every
# worker, or a publish handled by one worker would leave the others serving the old page:
# without Redis it is a file cache in DATA_DIR, shared by the workers of one machine.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "pages", "renditions", "ratelimit")
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # Rate-limit counts (home/ratelimit.py) must be shared by the workers too.
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "rate-limits"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }

# The page cache (pagecache/): anonymous GETs of live public pages and of the Open Referral
# feed, purged on publish. PAGE_CACHE=off turns the server-side store off (the
# Cache-Control headers stay). Browsers and CDNs may keep a page PAGE_CACHE_MAX_AGE seconds;
# the server keeps it until a purge, or PAGE_CACHE_TIMEOUT seconds at most (pages that show
# dates, like "overdue", are rebuilt at least that often).
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", 60 * 60))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", 60))
# Each worker also keeps the cached pages it served last in its own memory, up to this many
# bytes of content (pagecache/store.py LocalEntries): a hit then reads only the site's
# generation token from the shared store. 0 turns it off.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))
# Page fragments (pagecache/fragments.py): the costly body of a page (the SEN Information
# Report, the Local Offer directory) remembered in the same store for the readers the page
# cache does not serve (signed-in readers), as fresh as cached pages. PAGE_FRAGMENTS=off
# builds every body every time.
PAGE_FRAGMENTS_ENABLED = env_flag("PAGE_FRAGMENTS", True)

# A CDN in front, purged on publish by wagtail.contrib.frontend_cache; off unless set.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("FRONTEND_CACHE_HTTP_LOCATION"):
    # A purging proxy such as Varnish or nginx with a PURGE handler.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_HTTP_LOCATION"],
    }

# Importing a council's Open Referral feed (localoffer/fetch.py, localoffer/importer.py).
# The importer fetches only public internet addresses over http(s); ALLOW_PRIVATE lets it
# fetch this machine or the local network (the tests' local server; a council feed inside
# the same network). One fetch, redirects included, must finish within DEADLINE seconds and
# send at most MAX_BYTES. Services are saved BATCH_SIZE to a transaction.
OPENREFERRAL_FETCH_ALLOW_PRIVATE = env_flag("OPENREFERRAL_FETCH_ALLOW_PRIVATE", False)
OPENREFERRAL_FETCH_DEADLINE = float(os.environ.get("OPENREFERRAL_FETCH_DEADLINE", 60))
OPENREFERRAL_FETCH_MAX_BYTES = int(
    os.environ.get("OPENREFERRAL_FETCH_MAX_BYTES", 20 * 1024 * 1024)
)
OPENREFERRAL_IMPORT_BATCH_SIZE = int(os.environ.get("OPENREFERRAL_IMPORT_BATCH_SIZE", 25))

# Security headers common to every environment; production adds HTTPS-only settings.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of this site uses, switched off (schoolsite/middleware.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

# Content-Security-Policy (django-csp 4). Public pages: scripts and styles only from this
# site or carrying the request's nonce (`nonce="{{ request.csp_nonce }}"`); nothing
# inline otherwise. Images may also come from the media host (S3 or a CDN). The admin and
# pages read by a logged-in editor (the Wagtail userbar and its accessibility checker) get
# EDITOR_CONTENT_SECURITY_POLICY instead: Wagtail's admin still needs inline scripts and
# styles (schoolsite/csp.py).
MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
EDITOR_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The page editor shows its preview in a same-origin frame.
        "frame-ancestors": [SELF],
    }
}

# Admin login: after 5 failed attempts for one username from one address, that pair is
# locked out for 30 minutes (django-axes, records in the database so every app server
# sees them). A successful login clears the count. The lockout page says what happened.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "schoolsite.middleware.lockout_response"
# django-axes' own setting for the client address: the lockout counts by the same address
# as the rate limits (home/ratelimit.py), one function for both. Its AXES_IPWARE_* settings
# would need django-ipware and only serve axes, not the feedback and password-reset limits.
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_ip"
# How many proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))


# Rate limits on what anonymous visitors can make the site do (home/ratelimit.py): at most
# N attempts in M minutes, set as "N/M" in the environment (N=0 turns a limit off). Counted
# per client address (as for the login lockout, behind TRUSTED_PROXY_COUNT proxies) and,
# for password resets, per e-mail address asked for as well.
def env_rate(name, default):
    value = os.environ.get(name, "").strip() or default
    count, _, minutes = value.partition("/")
    try:
        count, minutes = int(count), int(minutes or 60)
    except ValueError:
        count = minutes = -1
    if count < 0 or minutes < 1:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"{name} must be written N/M (at most N in M minutes), like {default}; "
            f"it is {value!r}."
        )
    return count, minutes


RATE_LIMIT_CACHE = "ratelimit"
RATE_LIMITS = {
    # Feedback messages stored and e-mailed to the school, per address.
    "feedback-address": env_rate("RATE_LIMIT_FEEDBACK", "10/60"),
    # Password reset e-mails asked for, per address and per e-mail address.
    "password-reset-address": env_rate("RATE_LIMIT_PASSWORD_RESET_ADDRESS", "10/60"),
    "password-reset-account": env_rate("RATE_LIMIT_PASSWORD_RESET_ACCOUNT", "3/60"),
}

# Complex page types (the SEN Information Report) exceed Django's default field limit.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "home": {"handlers": ["console"], "level": "INFO"},
        "senreport": {"handlers": ["console"], "level": "INFO"},
        "localoffer": {"handlers": ["console"], "level": "INFO"},
    },
}

# Wagtail
# Private pages and documents: only for logged-in users or groups, never a shared password
# (passwords get passed around and cannot be withdrawn from one person).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Gravatar would load images from a third party into the admin for every user.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_SITE_NAME = "School SEND information"
# The address `make run` serves on (HOST and PORT, as the Makefile passes them): the demo
# seed gives the demo site this address, and `ensure_admin` prints it.
SERVE_HOST = os.environ.get("HOST") or "127.0.0.1"
SERVE_PORT = int(os.environ.get("PORT") or 8000)
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or f"http://{SERVE_HOST}:{SERVE_PORT}"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Pages translated by people with wagtail-localize (no machine translator is configured:
# WAGTAILLOCALIZE_MACHINE_TRANSLATOR stays unset). English pages keep their addresses;
# a translation is served under its language's prefix (/pl/...), schoolsite/urls.py.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]
# Documents: office formats and PDFs only, at most 10 MB each.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The date by which a mainstream school that receives the Inclusive Mainstream Fund must
# publish its inclusion strategy (DfE guidance of 25 June 2026, a condition of grant).
# Everything reads it through senreport.inclusion.deadline(); nothing else names the date.
INCLUSION_STRATEGY_DEADLINE = date(2026, 12, 31)

# Background tasks (django-tasks; Wagtail uses them too): run at once in development and
# tests, so that the stored compliance results are fresh as soon as a page is published.
# Production runs them from the database with a worker (settings/production.py,
# docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
