"""The moderation pages over HTTP: flags, the queue and its actions, sign-up and log-in checks."""

import time
from typing import Any

from django.core import signing
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.core.human_check import started_token
from rung.moderation import services
from rung.moderation.models import AuditEntry, Flag, Penalty, Review
from rung.qa.models import Question, Visibility
from rung.testing import PASSWORD, make_answer, make_question
from rung.testing.routes import Scene


def test_a_member_flags_an_answer(charlie_client: Client, scene: Scene) -> None:
    url = reverse("moderation:flag", args=["answer", scene.answer.pk])
    assert charlie_client.get(url).status_code == 200
    response = charlie_client.post(url, {"reason": "rude"})
    assert response.status_code == 302
    assert Flag.objects.get().reason == "rude"
    again = charlie_client.post(url, {"reason": "rude"})
    assert again.status_code == 400 and "already flagged" in again.content.decode()


def test_flagging_ones_own_post_is_a_400(alice_client: Client, scene: Scene) -> None:
    response = alice_client.post(
        reverse("moderation:flag", args=["question", scene.question.pk]), {"reason": "spam"}
    )
    assert response.status_code == 400
    assert "your own post" in response.content.decode()


def test_the_queue_is_for_moderators_and_shows_the_count(
    mod_client: Client, charlie_client: Client, scene: Scene, charlie: User
) -> None:
    services.flag_create(post=scene.answer, flagger=charlie, reason="spam")
    assert charlie_client.get(reverse("moderation:queue")).status_code == 403
    page = mod_client.get(reverse("moderation:queue")).content.decode()
    assert scene.answer.body in page
    assert 'class="nav-moderation"' in page and '<span class="badge">1</span>' in page
    home = charlie_client.get(reverse("home")).content.decode()
    assert "nav-moderation" not in home


def test_moderators_act_on_anonymous_posts_without_seeing_the_author(
    mod_client: Client, alice: User, charlie: User
) -> None:
    secret = make_question(alice, is_anonymous=True, body="A secret question body")
    services.flag_create(post=secret, flagger=charlie, reason="other", note="check")
    page = mod_client.get(reverse("moderation:queue")).content.decode()
    assert "A secret question body" in page
    assert "Alice Chen" not in page and "/moderation/members/alice/" not in page


def test_the_askers_reply_under_an_anonymous_question_does_not_name_them_in_the_queue(
    mod_client: Client, alice: User, bob: User, charlie: User
) -> None:
    secret = make_question(alice, is_anonymous=True, body="A secret question body")
    answer = make_answer(secret, bob, body="Talk to your manager first.")
    reply = make_answer(secret, alice, parent=answer, body="Asker follow-up text")
    services.flag_create(post=reply, flagger=charlie, reason="other", note="check")
    services.flag_create(post=answer, flagger=charlie, reason="other", note="check")
    page = mod_client.get(reverse("moderation:queue")).content.decode()
    assert "Asker follow-up text" in page
    assert "Alice Chen" not in page and "/moderation/members/alice/" not in page
    # Someone else's answer on the same question still shows who wrote it.
    assert "/moderation/members/bob/" in page


def test_queue_action_hides_and_is_audited(mod_client: Client, scene: Scene) -> None:
    url = reverse("moderation:post_action", args=["answer", scene.answer.pk])
    response = mod_client.post(url, {"action": "hide", "reason": "Rude"})
    assert response.status_code == 302
    scene.answer.refresh_from_db()
    assert scene.answer.visibility == Visibility.HIDDEN
    again = mod_client.post(url, {"action": "hide", "reason": "Rude"})
    assert again.status_code == 400 and "already hidden" in again.content.decode()
    assert AuditEntry.objects.filter(action="hide").count() == 1


def test_suspending_an_administrator_is_a_400(mod_client: Client, admin: User) -> None:
    response = mod_client.post(
        reverse("moderation:member_penalty", args=[admin.username]),
        {"kind": "suspend", "days": 3, "reason": "no"},
    )
    assert response.status_code == 400
    assert "Administrators cannot" in response.content.decode()
    assert not Penalty.objects.exists()


def test_a_suspended_member_is_told_why_and_until_when(
    client: Client, mod: User, bob: User
) -> None:
    services.penalty_set(member=bob, kind="suspend", days=3, reason="Spamming", actor=mod)
    response = client.post(reverse("account_login"), {"login": "bob", "password": PASSWORD})
    text = response.content.decode()
    assert "suspended until" in text and "Spamming" in text
    wrong = client.post(reverse("account_login"), {"login": "bob", "password": "wrong"})
    assert "Spamming" not in wrong.content.decode()


def test_a_suspended_members_session_ends(bob_client: Client, mod: User, bob: User) -> None:
    services.penalty_set(member=bob, kind="suspend", days=3, reason="Spamming", actor=mod)
    response = bob_client.get(reverse("qa:ask"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_an_expired_suspension_lets_the_member_in(client: Client, mod: User, bob: User) -> None:
    penalty = services.penalty_set(member=bob, kind="suspend", days=3, reason="x", actor=mod)
    Penalty.objects.filter(pk=penalty.pk).update(until=penalty.created_at)
    response = client.post(reverse("account_login"), {"login": "bob", "password": PASSWORD})
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.is_active


def _signup(client: Client, **extra: Any) -> Any:
    data = {
        "email": "new@example.com",
        "username": "newcomer",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def test_signup_refuses_a_filled_honeypot(client: Client, db: None) -> None:
    response = _signup(client, website="http://spam.example")
    assert response.status_code == 400 and "catch robots" in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()


def test_signup_refuses_a_form_sent_too_fast(settings: Any, client: Client, db: None) -> None:
    settings.RUNG_SIGNUP_MIN_SECONDS = 3
    response = _signup(client, started=started_token())
    assert "quicker than a person" in response.content.decode()
    assert "expired" in _signup(client, started="forged").content.decode()
    assert not User.objects.filter(username="newcomer").exists()
    earlier = signing.dumps(time.time() - 10, salt="rung.core.form-started")
    assert _signup(client, started=earlier).status_code == 302
    assert User.objects.filter(username="newcomer").exists()


def test_a_limited_post_answers_with_the_message(
    settings: Any, newbie: User, question: Question
) -> None:
    settings.RUNG_POSTING_LIMITS = {
        **settings.RUNG_POSTING_LIMITS,
        "answers_per_hour": [1, 9, 9, 9],
    }
    client = Client()
    client.force_login(newbie)
    url = reverse("qa:answer_create", args=[question.pk])
    assert client.post(url, {"body": "One answer."}).status_code == 302
    refused = client.post(url, {"body": "Another answer."})
    assert refused.status_code in (400, 429)
    assert "answers an hour" in refused.content.decode()


def test_reveal_is_for_administrators(admin: User, mod_client: Client, alice: User) -> None:
    secret = make_question(alice, is_anonymous=True, body="Anonymous body")
    url = reverse("moderation:reveal", args=["question", secret.pk])
    assert mod_client.get(url).status_code == 403
    client = Client()
    client.force_login(admin)
    assert client.post(url, {"reason": ""}).status_code == 400
    page = client.post(url, {"reason": "Court order"}).content.decode()
    assert "@alice" in page
    assert AuditEntry.objects.get(action="reveal_author").actor == admin


def test_audit_page_lists_actions_for_administrators(
    admin: User, mod: User, mod_client: Client, scene: Scene
) -> None:
    services.post_hide(post=scene.answer, actor=mod, reason="Rude words")
    assert mod_client.get(reverse("moderation:audit")).status_code == 403
    client = Client()
    client.force_login(admin)
    page = client.get(reverse("moderation:audit")).content.decode()
    assert "Rude words" in page and "<td>Hid</td>" in page


def test_the_queue_lists_held_and_first_posts(
    mod_client: Client, newbie: User, question: Question
) -> None:
    make_answer(question, newbie, body="Hello, first answer here.")
    make_answer(question, newbie, body="https://a.example https://b.example https://c.example")
    page = mod_client.get(reverse("moderation:queue")).content.decode()
    assert "first post" in page and "Held as likely spam" in page
    assert Review.objects.filter(resolved_at=None).count() == 2


def test_a_hidden_posts_author_sees_the_notice_on_their_profile(
    bob_client: Client, scene: Scene, mod: User, bob: User
) -> None:
    services.post_hide(post=scene.answer, actor=mod, reason="Rude words")
    profile = bob_client.get(bob.get_absolute_url()).content.decode()
    assert "Rude words" in profile and "Edit it to ask for another review" in profile
    other = Client()
    other.force_login(scene.members["outsider"])
    assert "Rude words" not in other.get(bob.get_absolute_url()).content.decode()
    assert "Rude words" in bob_client.get(reverse("moderation:notices")).content.decode()
    assert "Rude words" not in bob_client.get(bob.get_absolute_url()).content.decode()


def test_a_log_in_counts_a_day_visited(client: Client, bob: User) -> None:
    from rung.moderation.models import Standing

    client.post(reverse("account_login"), {"login": "bob", "password": PASSWORD})
    client.logout()
    client.post(reverse("account_login"), {"login": "bob", "password": PASSWORD})
    assert Standing.objects.get(member=bob).days_visited == 1
