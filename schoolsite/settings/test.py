"""The test suite and the browser tests' server."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-4f2a9e61"  # noqa: S105
# ".localhost": every school of a multi-school demo or test (larkspur-hill.localhost...).
ALLOWED_HOSTS = ["127.0.0.1", ".localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The page cache's store is off for the unit tests, whose pinned query counts measure
# uncached renders; tests of the cache switch it on (tests/test_page_cache.py). The browser
# tests' server (two gunicorn workers) sets PAGE_CACHE=on and keeps base's shared file store
# in its own DATA_DIR, as a production machine would.
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE", False)  # noqa: F405
# Page fragments likewise: off unless a test (tests/test_page_fragments.py) turns them on,
# so that every other test renders, and counts the queries of, the whole page.
PAGE_FRAGMENTS_ENABLED = env_flag("PAGE_FRAGMENTS", False)  # noqa: F405
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": (
        CACHES["pages"]  # noqa: F405
        if PAGE_CACHE_ENABLED
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
    ),
    # Rate-limit counts: per process, so that one run's counts never reach the next.
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"},
}
# Login rate limiting needs the request, which the test client's login() does not pass:
# off for the unit tests except those of the lockout (tests/test_security.py), on for the
# browser tests' server (AXES=on), which signs in through the real form.
AXES_ENABLED = env_flag("AXES", False)  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The browser tests' server serves static files straight from the source folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# The tests never commit their transaction: rather than refreshing the stored compliance
# results on commit, a change deletes its site's rows at once and the next reader evaluates
# them (senreport/signals.py; tests/senreport/test_stored_results.py checks the on-commit
# path with this on).
COMPLIANCE_REFRESH_ON_COMMIT = False
