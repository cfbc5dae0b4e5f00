import pytest

from tests.localoffer import builders


@pytest.fixture(scope="session")
def oruk_schemas():
    return builders.OfficialSchemas()
