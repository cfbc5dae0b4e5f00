"""Real-browser harness: a real server process on a free 127.0.0.1 port, driven by the
system Chromium through Playwright.

- The server is gunicorn with the test settings, against a database made and seeded for this
  run: SQLite in a temp folder, or, with E2E_DATABASE_URL (CI points it at PostgreSQL), a new
  database beside the one it names, dropped at the end.
- Chromium is CHROMIUM_PATH or /usr/bin/chromium. Without it the tests are skipped, unless
  REQUIRE_BROWSER=1, where a missing browser fails the run.
- SKIP_BROWSER=1 skips them on purpose (CI runs them once, against PostgreSQL).
- Every wait (Playwright's actions, navigations and assertions, the server's start-up and its
  workers' request limit) is TIMEOUT: E2E_TIMEOUT seconds, 90 unless set, for busy machines.
- Each test starts from the seeded demo whatever ran before it: a test that changes a page
  restores it with `restore_pages`, even when it fails. E2E_ORDER=reverse runs the tests
  backwards, to check that none depends on another.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
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
# One budget for every wait, in seconds. Playwright's own default (30 s) is too short on a
# shared two-core machine: a publish there has taken longer, and the test that timed out left
# its half-done change to the tests after it.
TIMEOUT = float(os.environ.get("E2E_TIMEOUT", "90"))


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    browser_tests = []
    for index, item in enumerate(items):
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            browser_tests.append(index)
    if os.environ.get("E2E_ORDER") == "reverse":
        reordered = [items[index] for index in reversed(browser_tests)]
        for index, item in zip(browser_tests, reordered, strict=True):
            items[index] = item


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's outcome on the test, so `restore_pages` knows whether it failed."""
    report = yield
    setattr(item, f"e2e_{report.when}", report)
    return report


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
def database_url(tmp_path_factory):
    """A database for this run only, so no run sees what an earlier one left behind."""
    given = os.environ.get("E2E_DATABASE_URL")
    if not given:
        yield f"sqlite:///{tmp_path_factory.mktemp('e2e-db') / 'e2e.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(given)
    if not parts.scheme.startswith("postgres"):
        pytest.fail("E2E_DATABASE_URL must be a PostgreSQL address", pytrace=False)
    name = f"{parts.path.lstrip('/') or 'e2e'}_{uuid.uuid4().hex[:8]}"
    server = {
        "host": parts.hostname,
        "port": parts.port,
        "user": urllib.parse.unquote(parts.username or "") or None,
        "password": urllib.parse.unquote(parts.password or "") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**server) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="session")
def server_env(tmp_path_factory, database_url):
    data_dir = tmp_path_factory.mktemp("e2e-data")
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "schoolsite.settings.test",
            "DATA_DIR": str(data_dir),
            "MEDIA_ROOT": str(data_dir / "media"),
            "DATABASE_URL": database_url,
            "ADMIN_USERNAME": ADMIN_USERNAME,
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            # As in production: the page cache (shared by both workers through a file
            # store in DATA_DIR) and login rate limiting.
            "PAGE_CACHE": "on",
            "AXES": "on",
        }
    )
    return env


class Server:
    """gunicorn with the test settings, on a listening socket this process holds for the
    whole run: the address stays the same when the server is stopped and started again, and
    requests made while it starts wait in the socket's queue instead of being refused."""

    def __init__(self, env):
        self.env = env
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.socket.set_inheritable(True)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.log = open(Path(env["DATA_DIR"]) / "server.log", "a")  # noqa: SIM115
        self.process = None

    def start(self):
        fd = self.socket.fileno()
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "schoolsite.wsgi"),
                *("--bind", f"fd://{fd}", "--workers", "2"),
                # A request still running when the browser has stopped waiting is stuck.
                *("--timeout", str(int(TIMEOUT)), "--graceful-timeout", str(int(TIMEOUT))),
                *("--env", "DJANGO_SETTINGS_MODULE=schoolsite.settings.test"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            pass_fds=(fd,),
        )
        deadline = time.monotonic() + TIMEOUT
        while (remaining := deadline - time.monotonic()) > 0:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"The server exited early with code {self.process.returncode}: "
                    f"see {self.log.name}"
                )
            try:
                # Blocks until a worker answers, or this attempt's share of the time is up.
                with urllib.request.urlopen(self.url + "/", timeout=min(remaining, 15)):
                    return
            except urllib.error.HTTPError:
                return
            except OSError:
                continue
        raise RuntimeError(f"The server did not answer at {self.url} within {TIMEOUT:.0f} s")

    def stop(self):
        """Stop gracefully: the workers first finish the requests they hold (within the time
        limit), so once this returns no request can still change the database."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=TIMEOUT + 15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def close(self):
        self.stop()
        self.socket.close()
        self.log.close()


@pytest.fixture(scope="session")
def server(chromium_path, server_env):
    """Migrate, seed and serve the demo schools."""
    # Two schools: the second (a special school) is served at larkspur-hill.localhost.
    for command in (["migrate", "--noinput"], ["seed_demo", "--schools", "2"], ["ensure_admin"]):
        run_manage(server_env, *command)
    server = Server(server_env)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def base_url(server):
    """The first demo school's address."""
    return server.url


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT * 1000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, timeout=TIMEOUT * 1000
        )
        yield browser
        browser.close()


def _new_page(browser, base_url, viewport, **context_options):
    context = browser.new_context(viewport=viewport, base_url=base_url, **context_options)
    context.set_default_timeout(TIMEOUT * 1000)
    context.set_default_navigation_timeout(TIMEOUT * 1000)
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
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=server_env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def run_python(server_env, code):
    """Run Python with Django set up against the browser tests' database."""
    return run_manage(server_env, "shell", "--no-imports", "-c", code)


@pytest.fixture
def restore_pages(request, server, browser):
    """Call with the pages a test is about to change (ids, or paths on the first demo school
    like "/send/sen-information-report/"); it returns their ids. After the test, passed or
    failed, each is live again exactly as it was (see server_state.py), so the tests after it
    start from the seeded demo.

    A failed test may have left a request running: a publish the browser gave up waiting for
    still completes on the server. So after a failure the browser's pages are closed and the
    server is stopped (its workers finish what they hold) before the restore, and started
    again on the same address after it: the restore is the last write."""
    saved = {}

    def keep(*pages):
        code = f"from tests.e2e.server_state import snapshot_pages\nsnapshot_pages({pages!r})"
        snapshots = json.loads(run_python(server.env, code).splitlines()[-1])
        saved.update(snapshots)
        return [int(page_id) for page_id in snapshots]

    yield keep
    if not saved:
        return
    code = f"from tests.e2e.server_state import restore_pages\nrestore_pages({saved!r})"
    if getattr(request.node, "e2e_call", None) and request.node.e2e_call.passed:
        run_python(server.env, code)
        return
    for context in browser.contexts:
        context.close()
    server.stop()
    try:
        run_python(server.env, code)
    finally:
        server.start()


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
