"""What both benchmark scripts share: a fresh database (SQLite or a throwaway PostgreSQL
cluster), the demo school, gunicorn with the production settings on 127.0.0.1, and wrk.

Everything runs on this machine and stops by itself. The server is told it is behind a
TLS-terminating proxy (`X-Forwarded-Proto: https`), as in production, so the production
settings run unchanged (no HTTPS redirect, secure cookies).
"""

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
ADMIN_USERNAME = "bench-editor"
ADMIN_PASSWORD = "bench-editor-password-0123"  # noqa: S105 (a throwaway benchmark database)


def free_port():
    """A free 127.0.0.1 port below 32768 (the ephemeral range above it is left to clients)."""
    for port in random.sample(range(15000, 32000), 200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port below 32768")


def as_postgres(command):
    """PostgreSQL's tools refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgres_server(durable=True):
    """A throwaway PostgreSQL cluster on a free 127.0.0.1 port, removed afterwards; yields
    its base URL (no database: see `create_database`). `durable=False` turns fsync off,
    for scripts that write a lot of data only to read it back."""
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = free_port()
    data = folder / "data"
    subprocess.run(
        as_postgres([str(PGBIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100"
    if not durable:
        options += " -c fsync=off"
    subprocess.run(
        as_postgres(
            [str(PGBIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w"]
            + ["-o", options, "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgres://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            as_postgres([str(PGBIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def _postgres_tool(base_url, tool, *args):
    port = base_url.rsplit(":", 1)[1]
    subprocess.run(
        as_postgres([str(PGBIN / tool), "-h", "127.0.0.1", "-p", port, "-U", "postgres", *args]),
        check=True,
        capture_output=True,
    )


def create_database(base_url, name):
    """A new, empty database on the server at `base_url`; returns its DATABASE_URL."""
    _postgres_tool(base_url, "createdb", name)
    return f"{base_url}/{name}"


def vacuum_analyze(base_url, name):
    """Fresh planner statistics after a bulk load, as autovacuum would give them later."""
    _postgres_tool(base_url, "vacuumdb", "--analyze", name)


@contextmanager
def database(kind):
    """(DATABASE_URL, data folder) for a fresh database of this kind: sqlite or postgres."""
    data_dir = Path(tempfile.mkdtemp(prefix="bench-data-"))
    try:
        if kind == "postgres":
            with postgres_server() as base_url:
                yield create_database(base_url, "bench"), data_dir
        else:
            yield f"sqlite:///{data_dir / 'bench.sqlite3'}", data_dir
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def server_env(database_url, data_dir, port, page_cache):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
            "SECRET_KEY": "bench-only-secret-key-not-for-any-real-site-0123456789abcdef",
            "ALLOWED_HOSTS": "127.0.0.1",
            "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{port}",
            "DATABASE_URL": database_url,
            "DATA_DIR": str(data_dir),
            "MEDIA_ROOT": str(data_dir / "media"),
            "STATIC_ROOT": str(data_dir / "static"),
            "PAGE_CACHE": "on" if page_cache else "off",
            "ADMIN_USERNAME": ADMIN_USERNAME,
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
    )
    env.pop("REDIS_URL", None)
    return env


def prepare(env):
    """Migrate, seed the demo school, create the editor, collect static files."""
    for command in (
        ["migrate", "--noinput"],
        ["seed_demo"],
        ["ensure_admin"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )


def get(url, headers=None, timeout=10):
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


@contextmanager
def gunicorn(env, port, workers=2):
    """gunicorn on 127.0.0.1:port; yields the base URL once it answers."""
    log = open(Path(env["DATA_DIR"]) / f"gunicorn-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "schoolsite.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--access-logfile", "-", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}: see {log.name}")
            try:
                get(base + "/", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer within 60 s") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def static_url(base):
    """The address of the site's stylesheet (hashed name) as the home page links it."""
    _, _, body = get(base + "/")
    match = re.search(rb'href="(/static/css/site\.[^"]+\.css)"', body)
    return match.group(1).decode() if match else "/static/css/site.css"


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def run_wrk(url, duration, connections, threads=2, script=None, extra_args=()):
    """Run wrk with latency statistics; return its figures and full output."""
    # A 10 s timeout: uncached renders queue behind 32 connections for longer than wrk's 2 s
    # default, which would count them as errors and leave them out of the latencies.
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    command += ["--timeout", "10s"]
    for name, value in PROXY_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    command += [*extra_args, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output), output


def parse_wrk(output):
    def number(pattern, default=0.0):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": int(number(r"(\d+) requests in")),
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "p50": _ms(latency.get("50", "nan")),
        "p99": _ms(latency.get("99", "nan")),
        "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }
