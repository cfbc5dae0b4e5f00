"""Production logging: every 500 reaches stderr with its traceback, and ADMINS by e-mail.

Logging is configured once per process from the settings module, so the production
settings are loaded in a process of their own: a real request through Django's handler
to a view that fails, and what that process wrote to stderr and sent by e-mail.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

REQUEST_A_500 = r"""
import json, sys, types
import django
django.setup()
from django.core import mail
from django.test import Client, override_settings
from django.urls import path

from django.core.exceptions import PermissionDenied

def broken_view(request):
    raise RuntimeError("the view broke on purpose")

def forbidden_view(request):
    raise PermissionDenied

urls = types.ModuleType("error_logging_urls")
urls.urlpatterns = [path("broken/", broken_view), path("forbidden/", forbidden_view)]
sys.modules["error_logging_urls"] = urls
with override_settings(ROOT_URLCONF="error_logging_urls"):
    client = Client(raise_request_exception=False, HTTP_HOST="school.example")
    status = client.get("/broken/", secure=True).status_code
    forbidden = client.get("/forbidden/", secure=True).status_code
sys.stdout.write(json.dumps({
    "status": status,
    "forbidden": forbidden,
    "admins": [list(admin) for admin in django.conf.settings.ADMINS],
    "mails": [
        {"to": m.to, "subject": m.subject, "body": m.body} for m in getattr(mail, "outbox", [])
    ],
}))
"""


def run_production(tmp_path, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
        "SECRET_KEY": "error-logging-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "school.example",
        "WAGTAILADMIN_BASE_URL": "https://school.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DATA_DIR": str(tmp_path),
        # The test's database has no tables: nothing in front of the view may read it
        # (the page cache, and the site frame kept beside the page fragments, are off).
        "PAGE_CACHE": "off",
        "PAGE_FRAGMENTS": "off",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **extra,
    }
    result = subprocess.run(
        [sys.executable, "-c", REQUEST_A_500],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


@pytest.mark.parametrize("admins", ["", "Web team <web@trust.example>, ops@trust.example"])
def test_a_500_is_logged_to_stderr_with_its_traceback(tmp_path, admins):
    outcome, stderr = run_production(tmp_path, ADMINS=admins)
    assert outcome["status"] == 500
    assert "ERROR django.request Internal Server Error: /broken/" in stderr
    assert "Traceback (most recent call last):" in stderr
    assert ", in broken_view\n" in stderr  # the frame that raised
    assert "RuntimeError: the view broke on purpose" in stderr
    # A refusal (403) is not an error of the site: not logged as one.
    assert outcome["forbidden"] == 403
    assert "/forbidden/" not in stderr


def test_admins_come_from_the_environment_and_get_each_500(tmp_path):
    outcome, _ = run_production(tmp_path, ADMINS="Web team <web@trust.example>, ops@trust.example")
    assert outcome["admins"] == [
        ["Web team", "web@trust.example"],
        ["ops@trust.example", "ops@trust.example"],
    ]
    (message,) = outcome["mails"]
    assert message["to"] == ["web@trust.example", "ops@trust.example"]
    assert "Internal Server Error: /broken/" in message["subject"]
    assert "RuntimeError at /broken/\nthe view broke on purpose" in message["body"]


def test_without_admins_no_one_is_emailed(tmp_path):
    outcome, _ = run_production(tmp_path, ADMINS="")
    assert outcome["admins"] == [] and outcome["mails"] == []


def test_an_address_that_is_not_one_is_refused_at_start(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
        "SECRET_KEY": "error-logging-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "school.example",
        "WAGTAILADMIN_BASE_URL": "https://school.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DATA_DIR": str(tmp_path),
        "ADMINS": "the web team",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ADMINS: 'the web team' is not an e-mail address." in result.stderr
