"""Local development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
# Development only; production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-not-secret-7b1d0c3e"  # noqa: S105
# ".localhost" also serves the second demo school (seed_demo --schools 2).
ALLOWED_HOSTS = ["127.0.0.1", ".localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
