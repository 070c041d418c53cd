"""Named members for growth tests: alice owns, bob may comment, carol may read, mallory is
an outsider, mod is a moderator (staff, not superuser). Shares are set up by each test."""

import pytest

from rung.accounts.models import User
from rung.testing import make_member


@pytest.fixture
def alice(db: None) -> User:
    return make_member("alice")


@pytest.fixture
def bob(db: None) -> User:
    return make_member("bob")


@pytest.fixture
def carol(db: None) -> User:
    return make_member("carol")


@pytest.fixture
def mallory(db: None) -> User:
    return make_member("mallory")


@pytest.fixture
def mod(db: None) -> User:
    return make_member("mod", is_staff=True)
