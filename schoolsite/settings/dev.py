"""Local development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
# Development only; production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-not-secret-7b1d0c3e"  # noqa: S105
# ".localhost" also serves the second demo school (seed_demo --schools 2).
ALLOWED_HOSTS = ["127.0.0.1", ".localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Off while developing, so that a template change shows on the next reload; PAGE_CACHE=on
# tries it.
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE", False)  # noqa: F405
