"""Production: every secret and host name comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated), WAGTAILADMIN_BASE_URL.
Optional: DATABASE_URL (PostgreSQL recommended), REDIS_URL, AWS_STORAGE_BUCKET_NAME and
friends (S3-compatible media), FRONTEND_CACHE_* (CDN purge), EMAIL_HOST and friends.
docs/deployment.md lists every variable.
"""

import os
from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

try:
    SECRET_KEY = os.environ["SECRET_KEY"]
except KeyError as exc:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.") from exc
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must not be empty.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS, e.g. www.example-school.sch.uk")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
if not WAGTAILADMIN_BASE_URL:
    raise ImproperlyConfigured("Set WAGTAILADMIN_BASE_URL, e.g. https://www.example-school.sch.uk")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Images and documents in S3-compatible object storage (django-storages), so that every app
# server sees the same files. Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read
# by boto3 from the environment (or the machine's role).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # Objects are private; pages link to them through signed URLs, except where a custom
    # (CDN) domain serves them publicly. Wagtail serves documents through its own view,
    # which checks collection privacy first.
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = not AWS_S3_CUSTOM_DOMAIN
    AWS_S3_FILE_OVERWRITE = False
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    # Let public pages show images from the bucket or its CDN.
    _media_origin = (
        f"https://{AWS_S3_CUSTOM_DOMAIN}"
        if AWS_S3_CUSTOM_DOMAIN
        else AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    )
    for _policy in (CONTENT_SECURITY_POLICY, EDITOR_CONTENT_SECURITY_POLICY):  # noqa: F405
        for _directive in ("img-src", "media-src"):
            _policy["DIRECTIVES"][_directive].append(_media_origin)

# HTTPS, behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Editors are logged out after 8 hours, or when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
for _policy in (CONTENT_SECURITY_POLICY, EDITOR_CONTENT_SECURITY_POLICY):  # noqa: F405
    _policy["DIRECTIVES"]["upgrade-insecure-requests"] = True

if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() != "false"

# Errors. Every 500 is logged by `django.request` with its traceback to stderr, where
# gunicorn and systemd (or the container runtime) keep it. ADMINS (comma-separated
# addresses, "Name <address>" or just the address) also get each one by e-mail, from
# SERVER_EMAIL.
ADMINS = []
for _entry in env_list("ADMINS"):  # noqa: F405
    _name, _address = parseaddr(_entry)
    if "@" not in _address:
        raise ImproperlyConfigured(f"ADMINS: {_entry!r} is not an e-mail address.")
    ADMINS.append((_name or _address, _address))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
LOGGING["handlers"]["stderr"] = {  # noqa: F405
    "class": "logging.StreamHandler",
    "stream": "ext://sys.stderr",
    "formatter": "plain",
}
LOGGING["handlers"]["mail_admins"] = {  # noqa: F405
    "level": "ERROR",
    "class": "django.utils.log.AdminEmailHandler",
}
LOGGING["loggers"]["django.request"] = {  # noqa: F405
    "handlers": ["stderr", "mail_admins"],
    "level": "ERROR",
    "propagate": False,
}

# Background tasks from the database: the web processes enqueue (the compliance results'
# refresh after a publish, Wagtail's own tasks), a worker runs them: `manage.py db_worker`
# (docs/deployment.md). Finished results are pruned by `manage.py prune_db_task_results`.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks", "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
