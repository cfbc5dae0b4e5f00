"""The test suite and the browser tests' server."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-4f2a9e61"  # noqa: S105
# ".localhost": every school of a multi-school demo or test (larkspur-hill.localhost...).
ALLOWED_HOSTS = ["127.0.0.1", ".localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The browser tests' server serves static files straight from the source folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
