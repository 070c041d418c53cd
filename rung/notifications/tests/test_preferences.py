"""The notification settings page and the unsubscribe links of notification mail.

A member chooses, per kind, off / in Rung / the digest / e-mail at once, and how often the
digest comes; only choices that differ from the defaults are stored. An unsubscribe link
works without logging in, asks before it stops anything, names only the kinds it stops,
and answers a link that is forged, cut short or out of date with a 400 that says why.
"""

import time
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.notifications import services, unsubscribe
from rung.notifications import urls as notification_urls
from rung.notifications.kinds import KINDS, Delivery
from rung.notifications.models import DigestFrequency, MailSettings, MailState, Notification
from rung.notifications.preferences import mail_choices, mail_choices_save
from rung.qa.models import Question
from rung.testing.routes import MEMBER, PUBLIC, Bad, Case, Route, Scene, assert_covers, cases, check

pytestmark = pytest.mark.django_db

URL = reverse("notifications:preferences")


def _form(**changes: str) -> dict[str, str]:
    """The page's form as it comes, every kind at its default, with some changes."""
    data = {f"kind_{code}": str(kind.default) for code, kind in KINDS.items()}
    data["digest"] = "weekly"
    data.update(changes)
    return data


def _link(user: User, what: list[str]) -> str:
    return reverse("notifications:unsubscribe", args=[unsubscribe.token_make(user.pk, what)])


# --- the settings page ------------------------------------------------------------------


def test_the_page_shows_every_kind_at_its_current_delivery(
    alice: User, alice_client: Client
) -> None:
    mail_choices_save(alice, deliveries={"like": Delivery.DIGEST})
    response = alice_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for kind in KINDS.values():
        assert str(kind.label) in html
    assert '<option value="digest" selected>In Rung and the digest</option>' in html
    assert "About my questions and answers" in html
    assert "Mail goes to alice@example.com." in html


def test_the_notifications_page_links_to_the_settings(alice_client: Client) -> None:
    response = alice_client.get(reverse("notifications:list"))
    assert f'href="{URL}"' in response.content.decode()


def test_saving_stores_only_the_changes_from_the_defaults(
    alice: User, alice_client: Client
) -> None:
    response = alice_client.post(
        URL, _form(kind_answer="digest", kind_like="email", digest="daily")
    )
    assert response.status_code == 302
    assert response["Location"] == URL
    row = MailSettings.objects.get(user=alice)
    assert row.deliveries == {"answer": "digest", "like": "email"}
    assert row.digest == DigestFrequency.DAILY
    # Back to the default: the choice is forgotten, so a new default would reach alice.
    alice_client.post(URL, _form(kind_answer="email", kind_like="app", digest="daily"))
    assert MailSettings.objects.get(user=alice).deliveries == {}
    assert "Your notification settings are saved." in alice_client.get(URL).content.decode()


@pytest.mark.parametrize(
    "bad",
    [
        {"kind_answer": "fax"},
        {"kind_answer": ""},
        {"digest": "hourly"},
        {"digest": ""},
    ],
)
def test_a_value_the_page_does_not_offer_is_refused_and_nothing_saved(
    alice: User, alice_client: Client, bad: dict[str, str]
) -> None:
    response = alice_client.post(URL, _form(**bad))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert "Nothing was saved" in html
    assert not MailSettings.objects.filter(user=alice).exists()


def test_a_kind_left_out_of_the_form_is_refused(alice: User, alice_client: Client) -> None:
    data = _form()
    del data["kind_mention"]
    assert alice_client.post(URL, data).status_code == 400


def test_stopping_mail_for_a_kind_keeps_waiting_notices_out_of_the_mail(
    alice: User, bob: User, question: Question, no_mail: list[list[int]]
) -> None:
    services.notify([alice.pk], kind="mention", event_key="m:1", actor_id=bob.pk)
    services.notify([alice.pk], kind="answer", event_key="a:1", actor_id=bob.pk)
    mail_choices_save(alice, deliveries={"mention": Delivery.APP})
    states = dict(Notification.objects.values_list("kind", "mail_state"))
    assert states == {"mention": MailState.NONE, "answer": MailState.PENDING}


def test_turning_the_digest_off_lets_its_notices_go(alice: User, bob: User) -> None:
    mail_choices_save(alice, deliveries={"like": Delivery.DIGEST})
    services.notify([alice.pk], kind="like", event_key="l:1", actor_id=bob.pk)
    assert Notification.objects.get().mail_state == MailState.DIGEST
    mail_choices_save(alice, digest=DigestFrequency.NEVER)
    assert Notification.objects.get().mail_state == MailState.NONE


def test_a_member_rung_cannot_mail_is_told_why(alice: User, alice_client: Client) -> None:
    User.objects.filter(pk=alice.pk).update(email="")
    html = alice_client.get(URL).content.decode()
    assert "Your account has no e-mail address" in html


def test_the_page_is_in_chinese_for_a_chinese_reader(alice: User, alice_client: Client) -> None:
    User.objects.filter(pk=alice.pk).update(ui_language="zh-hans")
    html = alice_client.get(URL).content.decode()
    assert "通知设置" in html
    assert "Rung 内并立即发邮件" in html


# --- unsubscribe links -------------------------------------------------------------------


def test_opening_the_link_asks_first_and_changes_nothing(alice: User, visitor: Client) -> None:
    response = visitor.get(_link(alice, ["answer", "mention"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Answers to my questions" in html
    assert "Mentions of me" in html
    assert '<form method="post">' in html
    assert not MailSettings.objects.filter(user=alice).exists()
    assert response["X-Robots-Tag"] == "noindex"


def test_the_button_stops_those_kinds_only(alice: User, visitor: Client) -> None:
    mail_choices_save(alice, deliveries={"reply": Delivery.OFF})
    response = visitor.post(_link(alice, ["answer", "reply"]), {"confirm": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unsubscribed" in html
    assert f'href="{URL}"' in html
    deliveries = mail_choices(alice).deliveries
    assert deliveries["answer"] == Delivery.APP
    assert deliveries["reply"] == Delivery.OFF  # off stays off
    assert deliveries["mention"] == Delivery.EMAIL


def test_the_one_click_post_needs_no_log_in_and_no_csrf_token(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _link(alice, ["digest"]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert mail_choices(alice).digest == DigestFrequency.NEVER
    assert "The digest mail is stopped" in response.content.decode()


def test_csrf_is_still_checked_on_the_settings_page(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(URL, _form(kind_answer="off")).status_code == 403


def test_the_unsubscribe_page_names_nobody(alice: User, bob: User, visitor: Client) -> None:
    link = _link(alice, ["answer"])
    for response in (visitor.get(link), visitor.post(link), Client().get(link)):
        html = response.content.decode()
        for secret in ("alice", "Alice", "Chen", "example.com"):
            assert secret not in html
    # Logged in as somebody else, the page still says only what was stopped.
    bob_client = Client()
    bob_client.force_login(bob)
    html = bob_client.get(link).content.decode()
    assert "alice" not in html.lower()


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "WzEsWyJhbnN3ZXIiXV0:1xa6zH:forged-signature-aaaaaaaaaaaaaaaaaaaaaaaaaa",
        signing.dumps([1, ["answer"]], salt="another.salt"),
        signing.dumps([1, ["answer"]]),
    ],
    ids=["nonsense", "forged", "other salt", "no salt"],
)
def test_a_forged_link_is_refused_with_a_reason(visitor: Client, token: str) -> None:
    url = reverse("notifications:unsubscribe", args=[token])
    for response in (visitor.get(url), visitor.post(url)):
        assert response.status_code == 400
        assert "This unsubscribe link is not valid" in response.content.decode()


def test_a_link_with_a_changed_member_or_kind_is_refused(alice: User, visitor: Client) -> None:
    token = unsubscribe.token_make(alice.pk, ["answer"])
    rest = token.split(":", 1)[1]
    other = unsubscribe.token_make(alice.pk + 1, ["answer"]).split(":", 1)[0]
    url = reverse("notifications:unsubscribe", args=[f"{other}:{rest}"])
    assert visitor.post(url).status_code == 400
    assert not MailSettings.objects.exists()


@pytest.mark.parametrize(
    "value", [[1], "text", [1, []], [1, ["no-such-kind"]], ["1", ["answer"]], [1, "answer"]]
)
def test_a_signed_value_of_the_wrong_shape_is_refused(value: Any, visitor: Client) -> None:
    token = signing.dumps(value, salt=unsubscribe.SALT, compress=True)
    response = visitor.get(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 400


def test_an_old_link_has_expired(
    alice: User, visitor: Client, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    days = settings.RUNG_UNSUBSCRIBE_LINK_DAYS
    past = signing.b62_encode(int(time.time()) - (days + 1) * 86400)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: past)
    link = _link(alice, ["answer"])
    monkeypatch.undo()
    response = visitor.post(link)
    assert response.status_code == 400
    assert "too old" in response.content.decode()
    assert not MailSettings.objects.exists()


def test_a_link_of_a_deleted_account_is_refused(alice: User, visitor: Client) -> None:
    link = _link(alice, ["answer"])
    alice.delete()
    assert visitor.post(link).status_code == 400


# --- the route matrix --------------------------------------------------------------------

MINE = {"preferences", "unsubscribe"}


def _token(scene: Scene) -> list[str]:
    return [unsubscribe.token_make(scene.members["owner"].pk, ["answer"])]


ROUTES = [
    Route(
        "notifications:preferences",
        MEMBER,
        ("GET", "POST"),
        data=lambda scene: _form(kind_answer="app"),
        bad=(
            Bad("unknown delivery", data=lambda scene: _form(kind_answer="pigeon")),
            Bad("unknown digest", data=lambda scene: _form(digest="hourly")),
            Bad("a kind left out", data=lambda scene: {"digest": "weekly"}),
        ),
    ),
    Route(
        "notifications:unsubscribe",
        PUBLIC,
        ("GET", "POST"),
        args=_token,
        missing=lambda scene: ["not-a-token"],
        bad=(
            Bad("forged", data=lambda scene: {}, args=lambda scene: ["WzFd:1xa6zH:forged"]),
            Bad("cut short", query="x=1", args=lambda scene: [_token(scene)[0][:-4]]),
        ),
    ),
]


def test_every_mail_route_is_in_the_matrix() -> None:
    patterns = [p for p in notification_urls.urlpatterns if getattr(p, "name", "") in MINE]
    assert_covers(ROUTES, patterns, namespace="notifications")


@pytest.mark.parametrize("case", cases(ROUTES), ids=str)
def test_mail_route(case: Case, scene: Scene) -> None:
    if case.route.name == "notifications:unsubscribe" and case.column == "missing":
        # A link that is not a token is refused as bad (400), the way a forged one is.
        client = Client()
        url = case.route.url(scene, case.route.missing_args())
        response = client.get(url) if case.method == "GET" else client.post(url)
        assert response.status_code == 400
        return
    check(case, scene)
