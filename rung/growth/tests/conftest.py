"""Growth's one addition to the root cast: carol, a second colleague alice may share a plan
with to read. Shares are set up by each test."""

import pytest

from rung.accounts.models import User
from rung.testing import make_member


@pytest.fixture
def carol(db: None) -> User:
    return make_member("carol")
