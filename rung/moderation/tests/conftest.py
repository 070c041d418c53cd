import pytest

from rung.accounts.models import User
from rung.moderation.models import TrustLevel
from rung.testing import make_member
from rung.testing.routes import Scene


@pytest.fixture
def admin(db: None) -> User:
    """An administrator: an active superuser."""
    return make_member("root", display_name="Ada Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def newbie(db: None) -> User:
    """An account on the day it signed up, as moderation sees it."""
    return make_member("newbie", trust_level=TrustLevel.NEW)


@pytest.fixture
def mod_scene(scene: Scene, admin: User) -> Scene:
    """The route matrices' scene with an administrator in the cast."""
    scene.members["administrator"] = admin
    return scene


@pytest.fixture
def moderation_scene(mod_scene: Scene) -> Scene:
    """Add what the routes act on: an original, a closed duplicate, a penalty, a spammer."""
    from rung.moderation import services
    from rung.testing import make_answer, make_question

    alice, mod = mod_scene.members["owner"], mod_scene.members["moderator"]
    original = make_question(alice, body="The original question body.")
    closed = make_question(alice, body="A duplicate question body.")
    services.question_close_duplicate(question=closed, original=original, actor=mod, reason="")
    silenced = make_member("quiet")
    penalty = services.penalty_set(
        member=silenced, kind="silence", days=1, reason="Cool off", actor=mod
    )
    spammer = make_member("spammer", trust_level=TrustLevel.NEW)
    make_answer(mod_scene.question, spammer, body="Cheap https://pills.example/now")
    deleted = make_answer(mod_scene.question, mod_scene.members["teammate"], body="Gone soon.")
    services.post_delete(post=deleted, actor=mod, reason="Gone")
    mod_scene.extra.update(
        deleted=deleted,
        original=original,
        closed=closed,
        silenced=silenced,
        penalty=penalty,
        spammer=spammer,
    )
    return mod_scene
