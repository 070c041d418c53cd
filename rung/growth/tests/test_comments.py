"""Comments on goals: who may write and delete them, threading, and bad input."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.access import PlanAccess
from rung.growth.models import Comment, Goal, GrowthPlan, Share, ShareRole
from rung.growth.selectors.sharing import goal_with_comments
from rung.growth.services import sharing as services
from rung.ladder.models import Axis

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return GrowthPlan.objects.create(owner=alice, title="Lead a cross-team project")


@pytest.fixture
def goal(plan: GrowthPlan) -> Goal:
    return Goal.objects.create(
        plan=plan, axis=Axis.objects.order_by("order")[0], title="Run the design review"
    )


@pytest.fixture
def other_goal(plan: GrowthPlan) -> Goal:
    return Goal.objects.create(
        plan=plan, axis=Axis.objects.order_by("order")[0], title="Mentor a new hire"
    )


@pytest.fixture(autouse=True)
def shares(plan: GrowthPlan, bob: User, carol: User) -> None:
    now = timezone.now()
    Share.objects.create(plan=plan, grantee=bob, role=ShareRole.COMMENT, accepted_at=now)
    Share.objects.create(plan=plan, grantee=carol, role=ShareRole.READ, accepted_at=now)


def _create_url(goal: Goal) -> str:
    return reverse("growth:comment_create", args=[goal.public_id])


def _delete_url(comment: Comment) -> str:
    return reverse("growth:comment_delete", args=[comment.public_id])


def _post(client: Client, url: str, htmx: bool = False, **data: Any) -> Any:
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, data, headers=headers)


# Writing


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_owner_and_commenter_can_comment(
    client: Client, goal: Goal, who: str, request: pytest.FixtureRequest
) -> None:
    member = request.getfixturevalue(who)
    client.force_login(member)
    response = _post(client, _create_url(goal), body="Try a written RFC first.")
    assert response.status_code == 302
    assert response["Location"] == f"{goal.plan.get_absolute_url()}#comments-{goal.public_id}"
    comment = Comment.objects.get()
    assert comment.author == member and comment.body == "Try a written RFC first."


def test_read_only_viewer_gets_403(client: Client, goal: Goal, carol: User) -> None:
    client.force_login(carol)
    assert _post(client, _create_url(goal), body="Nice").status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsiders_get_404(
    client: Client, goal: Goal, who: str, request: pytest.FixtureRequest
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert _post(client, _create_url(goal), body="Nice").status_code == 404
    assert not Comment.objects.exists()


def test_revoked_commenter_gets_404(client: Client, goal: Goal, bob: User) -> None:
    Share.objects.filter(grantee=bob).update(revoked_at=timezone.now())
    client.force_login(bob)
    assert _post(client, _create_url(goal), body="Still here?").status_code == 404
    assert not Comment.objects.exists()


def test_logged_out_is_sent_to_login(client: Client, goal: Goal) -> None:
    response = _post(client, _create_url(goal), body="Hello")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Comment.objects.exists()


def test_create_refuses_get(client: Client, goal: Goal, alice: User) -> None:
    client.force_login(alice)
    assert client.get(_create_url(goal)).status_code == 405


def test_unknown_goal_is_404(client: Client, alice: User) -> None:
    client.force_login(alice)
    response = _post(client, reverse("growth:comment_create", args=["nosuchgoal00"]), body="x")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "This field is required."),
        ("   \n  ", "This field is required."),
        ("x" * 5_001, "at most 5000 characters"),
        ("x" * 1_000_000, "at most 5000 characters"),
    ],
)
def test_bad_body_gets_400_with_a_message(
    client: Client, goal: Goal, bob: User, body: str, message: str
) -> None:
    client.force_login(bob)
    response = _post(client, _create_url(goal), body=body)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_longest_allowed_body_is_saved(client: Client, goal: Goal, bob: User) -> None:
    client.force_login(bob)
    assert _post(client, _create_url(goal), body="y" * 5_000).status_code == 302
    assert len(Comment.objects.get().body) == 5_000


def test_markup_in_a_comment_is_shown_as_text(client: Client, goal: Goal, bob: User) -> None:
    client.force_login(bob)
    response = _post(client, _create_url(goal), htmx=True, body="<script>alert(1)</script>")
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Threads


def test_reply_is_threaded_under_its_parent(
    client: Client, goal: Goal, alice: User, bob: User
) -> None:
    root = services.comment_create(goal=goal, author=bob, body="How will you measure it?")
    client.force_login(alice)
    _post(client, _create_url(goal), body="By adoption.", parent=root.public_id)
    reply = Comment.objects.exclude(pk=root.pk).get()
    assert reply.parent == root


def test_reply_to_a_reply_joins_the_same_thread(goal: Goal, alice: User, bob: User) -> None:
    root = services.comment_create(goal=goal, author=bob, body="Question")
    reply = services.comment_create(goal=goal, author=alice, body="Answer", parent=root)
    again = services.comment_create(goal=goal, author=bob, body="Follow-up", parent=reply)
    assert again.parent == root


def test_forged_parent_from_another_goal_gets_400(
    client: Client, goal: Goal, other_goal: Goal, bob: User
) -> None:
    elsewhere = services.comment_create(goal=other_goal, author=bob, body="Other goal")
    client.force_login(bob)
    response = _post(client, _create_url(goal), body="Sneaky", parent=elsewhere.public_id)
    assert response.status_code == 400
    assert "not on this goal" in response.content.decode()
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("parent", ["nosuchcomme0", "x" * 13, "'; DROP TABLE x; --"])
def test_unknown_parent_gets_400(client: Client, goal: Goal, bob: User, parent: str) -> None:
    client.force_login(bob)
    response = _post(client, _create_url(goal), body="Hi", parent=parent)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_service_refuses_a_parent_on_another_goal(goal: Goal, other_goal: Goal, bob: User) -> None:
    elsewhere = services.comment_create(goal=other_goal, author=bob, body="Other goal")
    with pytest.raises(ValidationError):
        services.comment_create(goal=goal, author=bob, body="x", parent=elsewhere)


def test_thread_renders_replies_under_their_parent(goal: Goal, alice: User, bob: User) -> None:
    root = services.comment_create(goal=goal, author=bob, body="ROOT-COMMENT")
    services.comment_create(goal=goal, author=bob, body="SECOND-ROOT")
    services.comment_create(goal=goal, author=alice, body="REPLY-TO-ROOT", parent=root)
    html = render_to_string(
        "growth/_goal_comments.html",
        {
            "goal": goal_with_comments(goal),
            "access": PlanAccess(plan=goal.plan, viewer=alice, share=None),
        },
    )
    assert html.index("ROOT-COMMENT") < html.index("REPLY-TO-ROOT") < html.index("SECOND-ROOT")
    assert html.count('class="comment reply"') == 1


def test_read_only_viewer_sees_comments_without_a_form(goal: Goal, carol: User, bob: User) -> None:
    services.comment_create(goal=goal, author=bob, body="Visible to readers")
    share = Share.objects.get(grantee=carol)
    html = render_to_string(
        "growth/_goal_comments.html",
        {
            "goal": goal_with_comments(goal),
            "access": PlanAccess(plan=goal.plan, viewer=carol, share=share),
        },
    )
    assert "Visible to readers" in html
    assert "<textarea" not in html and "Delete" not in html


# htmx


def test_htmx_comment_returns_the_updated_fragment(client: Client, goal: Goal, bob: User) -> None:
    client.force_login(bob)
    response = _post(client, _create_url(goal), htmx=True, body="Fragment please")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<section") and f'id="comments-{goal.public_id}"' in html
    assert "Fragment please" in html and "<html" not in html


def test_htmx_bad_comment_returns_the_fragment_with_the_error(
    client: Client, goal: Goal, bob: User
) -> None:
    client.force_login(bob)
    response = _post(client, _create_url(goal), htmx=True, body="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html and "<html" not in html


def test_fragment_queries_do_not_grow_with_comments(
    client: Client, goal: Goal, alice: User, bob: User, django_assert_max_num_queries: Any
) -> None:
    for n in range(20):
        services.comment_create(goal=goal, author=bob if n % 2 else alice, body=f"Comment {n}")
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = _post(client, _create_url(goal), htmx=True, body="One more")
    assert response.status_code == 200


# Deleting


@pytest.fixture
def bobs_comment(goal: Goal, bob: User) -> Comment:
    return services.comment_create(goal=goal, author=bob, body="Bob's thought")


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_author_and_owner_can_delete(
    client: Client, bobs_comment: Comment, who: str, request: pytest.FixtureRequest
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert _post(client, _delete_url(bobs_comment)).status_code == 302
    assert not Comment.objects.exists()


def test_commenter_cannot_delete_someone_elses_comment(
    client: Client, goal: Goal, alice: User, bob: User
) -> None:
    mine = services.comment_create(goal=goal, author=alice, body="Owner's note")
    client.force_login(bob)
    assert _post(client, _delete_url(mine)).status_code == 403
    assert Comment.objects.filter(pk=mine.pk).exists()


def test_read_only_viewer_cannot_delete(client: Client, bobs_comment: Comment, carol: User) -> None:
    client.force_login(carol)
    assert _post(client, _delete_url(bobs_comment)).status_code == 403
    assert Comment.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsider_delete_gets_404(
    client: Client, bobs_comment: Comment, who: str, request: pytest.FixtureRequest
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert _post(client, _delete_url(bobs_comment)).status_code == 404
    assert Comment.objects.exists()


def test_delete_refuses_get_and_logged_out(
    client: Client, bobs_comment: Comment, bob: User
) -> None:
    response = _post(client, _delete_url(bobs_comment))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(bob)
    assert client.get(_delete_url(bobs_comment)).status_code == 405
    assert Comment.objects.exists()


def test_unknown_comment_is_404(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert _post(client, reverse("growth:comment_delete", args=["nosuchcomme0"])).status_code == 404


def test_deleting_a_thread_start_keeps_the_replies(goal: Goal, alice: User, bob: User) -> None:
    root = services.comment_create(goal=goal, author=bob, body="Root")
    reply = services.comment_create(goal=goal, author=alice, body="Reply", parent=root)
    services.comment_delete(comment=root, actor=bob)
    reply.refresh_from_db()
    assert reply.parent is None


def test_service_refuses_delete_by_someone_else(bobs_comment: Comment, carol: User) -> None:
    with pytest.raises(PermissionDenied):
        services.comment_delete(comment=bobs_comment, actor=carol)


def test_htmx_delete_returns_the_fragment(
    client: Client, bobs_comment: Comment, goal: Goal, bob: User
) -> None:
    client.force_login(bob)
    response = _post(client, _delete_url(bobs_comment), htmx=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="comments-{goal.public_id}"' in html and "Bob&#x27;s thought" not in html
