"""Real-browser harness: a real server process on a free 127.0.0.1 port, driven by the
system Chromium through Playwright.

- The server is gunicorn with the test settings, against a freshly seeded database:
  E2E_DATABASE_URL when set (CI points it at PostgreSQL), else SQLite in a temp folder.
- Chromium is CHROMIUM_PATH or /usr/bin/chromium. Without it the tests are skipped, unless
  REQUIRE_BROWSER=1, where a missing browser fails the run.
- SKIP_BROWSER=1 skips them on purpose (CI runs them once, against PostgreSQL).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ADMIN_USERNAME = "e2e-admin"
ADMIN_PASSWORD = "e2e-admin-password-123"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The server did not answer at {url} within {timeout}s")


@pytest.fixture(scope="session")
def chromium_path():
    if os.environ.get("SKIP_BROWSER") == "1" and os.environ.get("REQUIRE_BROWSER") != "1":
        pytest.skip("SKIP_BROWSER=1: the browser tests run in a separate step")
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not (Path(path).exists() or shutil.which(path)):
        reason = f"Chromium not found at {path}: install the Debian package 'chromium'"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def server_env(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("e2e-data")
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "schoolsite.settings.test",
            "DATA_DIR": str(data_dir),
            "MEDIA_ROOT": str(data_dir / "media"),
            "DATABASE_URL": os.environ.get(
                "E2E_DATABASE_URL", f"sqlite:///{data_dir / 'e2e.sqlite3'}"
            ),
            "ADMIN_USERNAME": ADMIN_USERNAME,
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            # As in production: the page cache (shared by both workers through a file
            # store in DATA_DIR) and login rate limiting.
            "PAGE_CACHE": "on",
            "AXES": "on",
        }
    )
    return env


@pytest.fixture(scope="session")
def base_url(chromium_path, server_env):
    """Migrate, seed and serve the demo schools; yield the first one's address."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    # Two schools: the second (a special school) is served at larkspur-hill.localhost.
    for command in (["migrate", "--noinput"], ["seed_demo", "--schools", "2"], ["ensure_admin"]):
        subprocess.run(manage + command, cwd=ROOT, env=server_env, check=True, capture_output=True)
    port = _free_port()
    log = open(server_env["DATA_DIR"] + "/server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "schoolsite.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--env",
            "DJANGO_SETTINGS_MODULE=schoolsite.settings.test",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/", process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, base_url, viewport, **context_options):
    context = browser.new_context(viewport=viewport, base_url=base_url, **context_options)
    return context, context.new_page()


@pytest.fixture
def page(browser, base_url):
    context, page = _new_page(browser, base_url, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, base_url):
    context, page = _new_page(browser, base_url, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def new_page(browser, base_url):
    """Open pages with any viewport or context option; all are closed after the test."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context, page = _new_page(browser, base_url, viewport, **options)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


def axe_violations(page):
    """axe-core's WCAG 2.2 A/AA violations on the page, as a readable report ('' if none)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return "" if results.violations_count == 0 else results.generate_report()


def screenshot(page, name):
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True)


def run_manage(server_env, *args):
    """Run a management command against the browser tests' database."""
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=server_env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def run_python(server_env, code):
    """Run Python with Django set up against the browser tests' database."""
    return run_manage(server_env, "shell", "--no-imports", "-c", code)


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


@pytest.fixture(scope="session")
def moderation_users(base_url, server_env):
    """An editor of the demo school (may edit, not publish) and one of its approvers."""
    users = {
        "editor": ("e2e-editor", "Hollins Brook Primary School editors"),
        "approver": ("e2e-approver", "Hollins Brook Primary School approvers"),
    }
    code = "\n".join(
        [
            "from django.contrib.auth.models import Group, User",
            *(
                f"u, _ = User.objects.get_or_create(username={name!r}, "
                f"defaults={{'email': '{name}@example.com'}})\n"
                f"u.set_password({ADMIN_PASSWORD!r}); u.save()\n"
                f"u.groups.set([Group.objects.get(name={group!r})])"
                for name, group in users.values()
            ),
        ]
    )
    run_python(server_env, code)
    return {role: (name, ADMIN_PASSWORD) for role, (name, _) in users.items()}
