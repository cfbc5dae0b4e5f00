import pytest

from tests import factories


@pytest.fixture
def site(db):
    return factories.default_site()


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


@pytest.fixture
def demo(db):
    """The whole demo school, as `manage.py seed_demo` builds it."""
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    return factories.default_site()
