"""Publishing and importing under load: prints figures, asserts nothing (the exit code is
1 if any read failed with a 5xx, any publish or import failed or any read after a publish
was stale).

While wrk keeps 64 connections reading the public pages for 60 s (bench/reads.lua), an
editor signed in to the Wagtail admin publishes the SEN Information Report once a second
through the real edit form (CSRF token and all), each time with a new introduction
("Publish number N"). After each publish, an anonymous read of the report must show it.
The server is gunicorn with the production settings and the page cache on (2 workers).

With `--import`, the writer is instead one long import of a council's feed
(`manage.py import_openreferral`, the real command, in its own process) of `--services`
records (the demo school's own services, copied with new ids) into a second school of the
same installation, while wrk reads the demo school's public pages with the page cache
off, so that every read queries the database the import is writing to. wrk runs in
slices of `--duration` seconds until the import has finished.

    .venv/bin/python bench/load_with_writes.py                    # SQLite, 60 s
    .venv/bin/python bench/load_with_writes.py --database postgres
    .venv/bin/python bench/load_with_writes.py --import           # SQLite, a long import

Not run in CI. Results: docs/benchmarks.md.
"""

import argparse
import json
import re
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

REPORT_PATH = "/send/sen-information-report/"


def report_page_id(env):
    code = (
        "from senreport.models import SENInformationReportPage as P;"
        "print(P.objects.live().get().pk)"
    )
    result = subprocess.run(
        [common.PYTHON, "manage.py", "shell", "-c", code],
        cwd=common.ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def contentstate(text):
    """Draftail's raw content for one paragraph: what the admin's rich text field posts."""
    block = {
        "key": uuid.uuid4().hex[:5],
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def form_fields(html):
    """Every field of the page editor's form as the browser would post it."""
    soup = BeautifulSoup(html, "html.parser")
    # The page's main form: the POST form with the most fields.
    form = max(
        soup.find_all("form", attrs={"method": lambda m: (m or "").lower() == "post"}),
        key=lambda f: len(f.find_all(["input", "textarea", "select"])),
    )
    data = []
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.append((name, field.text))
        elif field.name == "select":
            for option in field.find_all("option"):
                if option.has_attr("selected"):
                    data.append((name, option.get("value", option.text)))
        else:
            kind = field.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            data.append((name, field.get("value", "on" if kind == "checkbox" else "")))
    return data


UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def kept_ids(record):
    """The ids of taxonomies and terms in a record: copies keep them, so every copy is
    filed under the same areas of need instead of creating new vocabularies."""
    kept, stack = set(), [record]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            term = value.get("taxonomy_term")
            if isinstance(term, dict):
                kept.update(str(term.get(key)) for key in ("id", "taxonomy_id"))
            kept.update(str(value[key]) for key in ("taxonomy_term_id",) if key in value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return kept


def copy_with_new_ids(value, copy_number, kept):
    """The record with every other id replaced by one of its own, the same way everywhere,
    so `organization_id` still matches `organization.id`."""
    if isinstance(value, dict):
        return {k: copy_with_new_ids(v, copy_number, kept) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_with_new_ids(v, copy_number, kept) for v in value]
    if isinstance(value, str) and UUID_TEXT.match(value) and value not in kept:
        return str(uuid.uuid5(uuid.UUID(value), str(copy_number)))
    return value


def council_feed(base, count, path):
    """A `/services` file of `count` full records: the demo school's own services, as its
    feed publishes them, copied with new ids and names (a council's feed stands in)."""
    _, _, body = common.get(base + "/openreferral/services?per_page=200")
    ids = [item["id"] for item in json.loads(body)["contents"]]
    originals = []
    for service_id in ids:
        _, _, body = common.get(f"{base}/openreferral/services/{service_id}")
        originals.append(json.loads(body))
    kept = set().union(*(kept_ids(record) for record in originals))
    records = []
    for number in range(count):
        record = copy_with_new_ids(originals[number % len(originals)], number, kept)
        record["name"] = f"{record['name']} (council copy {number + 1})"[:255]
        records.append(record)
    path.write_text(json.dumps({"contents": records}), encoding="utf-8")
    return path


IMPORT_SITE = "school-0001.trust.localhost"


def run_import(env, path, outcome):
    """The real import command, in its own process, timed; fills `outcome`."""
    started = time.monotonic()
    result = subprocess.run(
        [common.PYTHON, "manage.py", "import_openreferral", str(path), "--no-progress"]
        + ["--site", IMPORT_SITE],
        cwd=common.ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    outcome["seconds"] = time.monotonic() - started
    outcome["ok"] = result.returncode == 0
    outcome["output"] = (result.stdout + result.stderr).strip()


class Editor:
    def __init__(self, base):
        self.base = base
        origin = "https://" + base.split("://", 1)[1]
        self.session = requests.Session()
        # The production settings mark cookies Secure; the proxy in front (here: a header)
        # terminates TLS, so keep them without the flag to send them over this connection.
        self.session.hooks["response"].append(self._keep_cookies)
        self.session.headers.update({**common.PROXY_HEADERS, "Origin": origin})
        self.origin = origin

    def _keep_cookies(self, response, **kwargs):
        for cookie in response.cookies:
            if cookie.value:
                self.session.cookies.set(cookie.name, cookie.value)

    def post(self, path, data):
        return self.session.post(
            self.base + path,
            data=data,
            headers={"Referer": self.origin + path},
            allow_redirects=False,
            timeout=30,
        )

    def login(self):
        page = self.session.get(self.base + "/admin/login/", timeout=30)
        token = dict(form_fields(page.text))["csrfmiddlewaretoken"]
        response = self.post(
            "/admin/login/",
            {
                "csrfmiddlewaretoken": token,
                "username": common.ADMIN_USERNAME,
                "password": common.ADMIN_PASSWORD,
                "next": "/admin/",
            },
        )
        if response.status_code != 302:
            raise RuntimeError(
                f"The editor could not sign in ({response.status_code}): {response.text[:3000]}"
            )

    def publish(self, page_id, introduction):
        """Open the editor, change the introduction, press Publish. True if it published."""
        path = f"/admin/pages/{page_id}/edit/"
        page = self.session.get(self.base + path, timeout=30)
        data = [(k, v) for k, v in form_fields(page.text) if k != "introduction"]
        data.append(("introduction", contentstate(introduction)))
        # The Publish button's own name and value, as the browser sends them.
        data.append(("action-publish", "action-publish"))
        response = self.post(path, data)
        # Wagtail redirects after a publish; the form comes back (200) with errors if not.
        if response.status_code != 302:
            soup = BeautifulSoup(response.text, "html.parser")
            errors = [
                e.get_text(" ", strip=True)
                for e in soup.select(".error-message, .help-critical, .messages .error")
            ]
            self.last_error = f"{response.status_code}: {'; '.join(errors)[:500]}"
        return response.status_code == 302


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--import",
        dest="import_feed",
        action="store_true",
        help="the writer is one long import of a council's feed, not an editor publishing",
    )
    parser.add_argument(
        "--services",
        type=int,
        default=600,
        help="records in the imported feed (default %(default)s: about a minute here)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print wrk's output")
    args = parser.parse_args()
    if args.import_feed:
        return import_under_load(args)

    with common.database(args.database) as (database_url, data_dir):
        port = common.free_port()
        env = common.server_env(database_url, data_dir, port, page_cache=True)
        common.prepare(env)
        page_id = report_page_id(env)
        with common.gunicorn(env, port) as base:
            for path in ("/", REPORT_PATH):
                common.get(base + path)
            editor = Editor(base)
            editor.login()

            readers = {}

            def read_load():
                readers["figures"], readers["output"] = common.run_wrk(
                    base + "/",
                    args.duration,
                    args.connections,
                    threads=2,
                    script=Path(__file__).resolve().parent / "reads.lua",
                )

            load = threading.Thread(target=read_load)
            load.start()
            started = time.monotonic()
            publishes = failed = stale = checked_reads = 0
            publish_times, visible_after = [], []
            number = 0
            while time.monotonic() - started < args.duration - 1:
                tick = time.monotonic()
                number += 1
                text = f"Publish number {number} under load."
                try:
                    ok = editor.publish(page_id, text)
                except requests.RequestException:
                    ok = False
                done = time.monotonic()
                publish_times.append(done - tick)
                if not ok:
                    failed += 1
                else:
                    publishes += 1
                    # The next anonymous read after the publish must show it.
                    status, headers, body = common.get(base + REPORT_PATH, timeout=30)
                    checked_reads += 1
                    visible_after.append(time.monotonic() - done)
                    if status != 200 or text.encode() not in body:
                        stale += 1
                        if args.verbose:
                            found = re.findall(rb"Publish number \d+", body)
                            print(f"stale: {status} {headers.get('X-Page-Cache')} {found[:3]}")
                time.sleep(max(0.0, 1.0 - (time.monotonic() - tick)))
            load.join()

    figures = readers["figures"]
    output = readers.get("output", "")
    server_errors = next(
        (int(line.split(":")[1]) for line in output.splitlines() if line.startswith("5xx:")), -1
    )
    publish_times.sort()
    median = publish_times[len(publish_times) // 2] if publish_times else float("nan")
    print(f"database: {args.database}; gunicorn 2 workers; page cache on; production settings")
    print(f"readers: wrk, {args.connections} connections, {args.duration} s, 6 public addresses")
    print(f"  reads                 {figures['requests']}")
    print(f"  reads per second      {figures['rps']:.0f}")
    print(f"  read latency p50/p99  {figures['p50']:.1f} ms / {figures['p99']:.1f} ms")
    print(f"  5xx                   {server_errors}")
    print(f"  socket errors         {figures['socket_errors']}")
    print("editor: publish the SEN Information Report through the admin, once a second")
    print(f"  publishes             {publishes}")
    print(f"  failed publishes      {failed}")
    print(f"  publish time p50/max  {median * 1000:.0f} ms / {max(publish_times) * 1000:.0f} ms")
    print(f"  reads after publish   {checked_reads}")
    print(f"  stale reads           {stale}")
    if getattr(editor, "last_error", None):
        print(f"  last publish error    {editor.last_error}")
    if args.verbose:
        print(output)
    bad = server_errors != 0 or failed or stale or figures["socket_errors"]
    sys.exit(1 if bad else 0)


def import_under_load(args):
    """wrk reads the public pages while one long import writes to the same database."""
    with common.database(args.database) as (database_url, data_dir):
        port = common.free_port()
        env = common.server_env(database_url, data_dir, port, page_cache=False)
        common.prepare(env)
        subprocess.run(
            [common.PYTHON, "manage.py", "seed_schools", "1", "--no-progress"],
            cwd=common.ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        with common.gunicorn(env, port) as base:
            feed = council_feed(base, args.services, data_dir / "council-feed.json")
            for path in ("/", REPORT_PATH):
                common.get(base + path)
            runs, outcome = [], {}

            def read_load():
                # wrk in slices of --duration seconds until the import has finished, so
                # the readers cover all of it however long it takes on this machine.
                while True:
                    runs.append(
                        common.run_wrk(
                            base + "/",
                            args.duration,
                            args.connections,
                            threads=2,
                            script=Path(__file__).resolve().parent / "reads.lua",
                        )
                    )
                    if "seconds" in outcome:
                        break

            load = threading.Thread(target=read_load)
            load.start()
            run_import(env, feed, outcome)
            load.join()
            errors = sorted(
                {
                    line.split("Error: ", 1)[-1][:120]
                    for line in (data_dir / f"gunicorn-{port}.log").read_text().splitlines()
                    if "Error" in line and ":" in line
                }
            )

    server_errors = sum(
        next((int(line.split(":")[1]) for line in out.splitlines() if line.startswith("5xx:")), 0)
        for _, out in runs
    )
    reads = sum(figures["requests"] for figures, _ in runs)
    seconds = args.duration * len(runs)
    socket_errors = sum(figures["socket_errors"] for figures, _ in runs)
    print(f"database: {args.database}; gunicorn 2 workers; page cache off; production settings")
    print(
        f"readers: wrk, {args.connections} connections, {len(runs)} x {args.duration} s, "
        "6 public addresses"
    )
    print(f"  reads                 {reads}")
    print(f"  reads per second      {reads / seconds:.0f}")
    print(f"  worst read p50/p99    {max(f['p50'] for f, _ in runs):.1f} ms / ", end="")
    print(f"{max(f['p99'] for f, _ in runs):.1f} ms")
    print(f"  5xx                   {server_errors}")
    print(f"  socket errors         {socket_errors}")
    print(f"writer: manage.py import_openreferral, {args.services} services")
    print(f"  import time           {outcome['seconds']:.0f} s")
    print(f"  import succeeded      {'yes' if outcome['ok'] else 'no'}")
    print(f"  import said           {outcome['output'].splitlines()[-1][-160:]}")
    for error in errors[:5]:
        print(f"  server error logged   {error}")
    if args.verbose:
        for _, out in runs:
            print(out)
    bad = server_errors != 0 or not outcome["ok"] or socket_errors
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
