"""The admin's "Forgot password?" form: rate limited per address and per e-mail address."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

URL = "/admin/password_reset/"


def ask(client, email, address="192.0.2.10"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


def message_of(response):
    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(html.select_one(".messages").get_text(" ").split())


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user(
        username="senco", email="senco@example.com", password="a-long-test-password"
    )


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "password-reset-address": (4, 60),
        "password-reset-account": (2, 60),
    }


def test_the_reset_form_is_the_rate_limited_one_and_still_sends(client, editor, limits):
    response = ask(client, "senco@example.com")
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    assert [m.to for m in mail.outbox] == [["senco@example.com"]]


def test_too_many_for_one_account_are_refused_without_an_email(client, editor, limits):
    for address in ("192.0.2.10", "192.0.2.11"):
        assert ask(client, "senco@example.com", address).status_code == 302
    # From a third address, and written differently: the same account.
    response = ask(client, " SENCO@example.com", "192.0.2.12")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    text = message_of(response)
    assert "No e-mail has been sent." in text
    assert "2 times in an hour for this e-mail address or from this connection" in text
    assert "Please try again after " in text
    assert len(mail.outbox) == 2
    # Another account is not held back.
    editor.__class__.objects.create_user(
        username="head", email="head@example.com", password="another-long-password"
    )
    assert ask(client, "head@example.com", "192.0.2.12").status_code == 302
    assert len(mail.outbox) == 3


def test_too_many_from_one_address_are_refused(client, editor, limits):
    for n in range(4):
        assert ask(client, f"someone{n}@example.com").status_code == 302
    response = ask(client, "senco@example.com")
    assert response.status_code == 429
    assert "No e-mail has been sent." in message_of(response)
    assert mail.outbox == []
    assert ask(client, "senco@example.com", "192.0.2.99").status_code == 302
    assert len(mail.outbox) == 1


def test_unknown_addresses_are_limited_alike_so_nothing_is_given_away(client, editor, limits):
    answers = []
    for email in ("senco@example.com", "nobody@example.com"):
        answers.append([ask(client, email, f"192.0.2.{n}").status_code for n in range(3)])
    assert answers[0] == answers[1] == [302, 302, 429]
