import pytest
from django.conf import settings
from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Every test starts with no attempts counted (home/ratelimit.py)."""
    caches[settings.RATE_LIMIT_CACHE].clear()
    yield
    caches[settings.RATE_LIMIT_CACHE].clear()


@pytest.fixture
def site(db):
    return factories.default_site()


@pytest.fixture
def demo_translations(demo):
    """The demo school with its Polish and Arabic translations, as `make run` seeds it."""
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    return demo


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def school(site):
    return factories.school_settings()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="office", email="office@example.com", password="a-long-test-password"
    )
    client.force_login(user)
    return client


def _seed_demo():
    from io import StringIO

    from django.core.management import call_command

    # The English demo: most tests read "the" report or SEND page of the school. Tests of
    # the demo's translations add them (`demo_translations`).
    call_command("seed_demo", "--without-translations", stdout=StringIO())


@pytest.fixture(scope="module")
def demo_module(request, django_db_setup, django_db_blocker):
    """The demo school seeded once for a whole test module, inside a transaction that is
    rolled back when the module ends. Each test still runs in its own savepoint, so a test
    sees the demo as seeded, whatever the tests before it changed. Opt in with
    `pytestmark = pytest.mark.usefixtures("demo_module")`.

    Not in a module with Django TestCase classes: each closes the database connection when
    it ends, and on PostgreSQL that ends this transaction for the tests after it."""
    from django.db import transaction
    from django.test import TransactionTestCase

    test_cases = [
        name
        for name, value in vars(request.module).items()
        if isinstance(value, type) and issubclass(value, TransactionTestCase)
    ]
    if test_cases:
        pytest.fail(
            f"{request.module.__name__} seeds the demo once (demo_module) but defines Django "
            f"TestCase classes {test_cases}: move them to a module of their own."
        )

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            _seed_demo()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(request, db):
    """The whole demo school, as `manage.py seed_demo` builds it."""
    if "demo_module" not in request.fixturenames:
        _seed_demo()
    return factories.default_site()
