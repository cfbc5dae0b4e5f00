"""The Content-Security-Policy in a real browser: public pages break no rule, and a signed-in
editor's userbar and its content checker (axe) still load and run."""

import re

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME


def csp_violations(page):
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return messages


def test_public_pages_load_under_the_strict_policy(page):
    violations = csp_violations(page)
    for url in ("/", "/send/sen-information-report/", "/send/local-offer/", "/feedback/"):
        response = page.goto(url)
        assert response.status == 200
        assert "'nonce-" in response.headers["content-security-policy"]
        # The stylesheet loaded under the policy: it moves the skip link above the page.
        box = page.get_by_role("link", name="Skip to main content").bounding_box()
        assert box["y"] < 0
    assert violations == []


def test_the_userbar_and_its_checker_work_for_editors(new_page):
    page = new_page()
    violations = csp_violations(page)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    response = page.goto("/send/sen-information-report/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.locator("#wagtail-userbar-trigger").click()
    page.get_by_role("menuitem", name=re.compile("Checks")).click()
    dialog = page.locator("#checker-results")
    dialog.wait_for(state="visible")
    assert "Warnings" in dialog.inner_text()
    assert violations == []
