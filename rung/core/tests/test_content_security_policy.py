"""Every page answers with the content security policy, and carries nothing it would block.

The policy (settings.SECURE_CSP) lets scripts and styles come from this site or from an
element holding the response's nonce. A page is parsed the way a browser would judge it:
an inline script or style needs that nonce, and style attributes and inline event
handlers (onclick, hx-on) are never allowed. Parts of pages are cached and shared between
readers, so any nonce in the HTML must be the one in this response's header.
"""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path, reverse

from rung.accounts.models import User
from rung.growth.services import plans as plan_services
from rung.growth.services import worklog as worklog_services
from rung.growth.tests.reviews_factory import make_review
from rung.ladder.models import Axis
from rung.qa.models import Question
from rung.qa.outcomes import outcome_post
from rung.testing import make_answer, make_member

pytestmark = pytest.mark.django_db

_NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]+={0,2})'")
# Script types a browser runs; any other type (application/json, ...) is a data block.
_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'nonce-*'",
    "style-src": "'self' 'nonce-*'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


class PageAudit(HTMLParser):
    """Collect, from one HTML page, everything the policy would refuse."""

    def __init__(self, nonce: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.problems: list[str] = []
        self.nonced = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        where = self.get_starttag_text()
        for name in values:
            if name == "style":
                self.problems.append(f"style attribute: {where}")
            elif name.startswith("on") or name.startswith("hx-on"):
                self.problems.append(f"inline handler: {where}")
        for name in ("href", "src", "action", "formaction"):
            if values.get(name, "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL: {where}")
        if "nonce" in values:
            self.nonced += 1
            if values["nonce"] != self.nonce:
                self.problems.append(f"nonce not of this response: {where}")
        runs = tag == "script" and values.get("type", "").strip().lower() in _SCRIPT_TYPES
        inline = (runs and "src" not in values) or tag == "style"
        if inline and "nonce" not in values:
            self.problems.append(f"inline {tag} without nonce: {where}")
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.problems.append(f"policy in a meta element: {where}")


def audit(response: object) -> PageAudit:
    """Return the audit of a response, after checking its policy header."""
    header = response.headers["Content-Security-Policy"]  # type: ignore[attr-defined]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";"))
    nonces = _NONCE.findall(header)
    masked = {name: _NONCE.sub("'nonce-*'", value) for name, value in directives.items()}
    if nonces:
        assert masked == _POLICY, header
        assert len(set(nonces)) == 1, header
    else:
        # Only a page that holds no nonce'd element may leave it out of the policy.
        assert masked == {
            name: value.replace(" 'nonce-*'", "") for name, value in _POLICY.items()
        }, header
    page = PageAudit(nonces[0] if nonces else None)
    page.feed(response.content.decode())  # type: ignore[attr-defined]
    page.close()
    assert page.problems == [], page.problems
    if not nonces:
        assert page.nonced == 0
    return page


@pytest.fixture
def content(question: Question, alice: User, bob: User) -> dict[str, str]:
    """Posts, an answer and a whole growth workspace for alice; return the addresses."""
    make_answer(question, bob, body="Own one system. ![diagram](https://elsewhere.example/d.png)")
    # The question page then shows the outcome, and alice's own links and button beside it.
    outcome_post(question=question, member=alice, kind="promoted", note="Made senior.")
    make_review(alice)
    make_review(alice, name="H2 2025", date=datetime.date(2025, 12, 31))
    plan = plan_services.plan_create(owner=alice, title="Towards senior")
    plan_services.goal_create(plan=plan, axis=Axis.objects.get(slug="impact"), title="Lead it")
    worklog_services.log_entry_create(
        owner=alice, date=datetime.date(2025, 2, 1), text="Shipped search"
    )
    review = worklog_services.self_review_create(
        owner=alice,
        title="H1",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
    )
    return {
        "plan": plan.public_id,
        "self_review": review.public_id,
        "question": question.get_absolute_url(),
        "question_id": str(question.pk),
    }


PUBLIC_PAGES = {
    "home": lambda c: reverse("home"),
    "topic": lambda c: reverse("qa:topic", args=["mid-level"]),
    "question": lambda c: c["question"],
    "search": lambda c: reverse("search:search") + "?q=grow",
    "glossary": lambda c: reverse("languages:glossary"),
    "profile": lambda c: reverse("accounts:profile", args=["bob"]),
    "login": lambda c: reverse("account_login"),
    "signup": lambda c: reverse("account_signup"),
    "password reset": lambda c: reverse("account_reset_password"),
    "admin login": lambda c: reverse("admin:login"),
    "not found": lambda c: "/no-such-page/",
}

MEMBER_PAGES = {
    "ask": lambda c: reverse("qa:ask"),
    "own question with its outcome": lambda c: c["question"],
    "outcome form": lambda c: reverse("qa:outcome", args=[c["question_id"]]),
    "profile edit": lambda c: reverse("accounts:profile_edit"),
    "email addresses": lambda c: reverse("account_email"),
    "verified employer": lambda c: reverse("accounts:employer"),
    "growth home": lambda c: reverse("growth:home"),
    "reviews (charts)": lambda c: reverse("growth:reviews"),
    "assessment": lambda c: reverse("growth:assessment"),
    "gaps": lambda c: reverse("growth:gaps"),
    "plans": lambda c: reverse("growth:plans"),
    "plan": lambda c: reverse("growth:plan", args=[c["plan"]]),
    "plan print": lambda c: reverse("growth:plan_print", args=[c["plan"]]),
    "sharing": lambda c: reverse("growth:sharing", args=[c["plan"]]),
    "work log": lambda c: reverse("growth:log"),
    "self-review": lambda c: reverse("growth:self_review", args=[c["self_review"]]),
    "self-review print": lambda c: reverse("growth:self_review_print", args=[c["self_review"]]),
    "scales": lambda c: reverse("growth:scales"),
}

STAFF_PAGES = {
    "admin index": lambda admin: reverse("admin:index"),
    "admin members": lambda admin: reverse("admin:accounts_user_changelist"),
    "admin member": lambda admin: reverse("admin:accounts_user_change", args=[admin.pk]),
    "admin add member": lambda admin: reverse("admin:accounts_user_add"),
    "admin password": lambda admin: reverse("admin:auth_user_password_change", args=[admin.pk]),
    "admin levels": lambda admin: reverse("admin:ladder_level_changelist"),
}


def _nonce_of(response: object) -> str:
    header = response.headers["Content-Security-Policy"]  # type: ignore[attr-defined]
    return _NONCE.findall(header)[0]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_a_fresh_nonce_and_nothing_the_policy_blocks(
    client: Client, content: dict[str, str], name: str
) -> None:
    """Visitors' pages carry a new nonce on every response; the second comes from the cache."""
    url = PUBLIC_PAGES[name](content)
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code
    assert first.status_code in {200, 404}
    assert audit(first).nonced >= 1
    audit(second)
    assert _nonce_of(first) != _nonce_of(second)


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_page_has_a_fresh_nonce_and_nothing_the_policy_blocks(
    alice_client: Client, content: dict[str, str], name: str
) -> None:
    """Member and growth pages, print pages and charts included, pass the same audit."""
    url = MEMBER_PAGES[name](content)
    first, second = alice_client.get(url), alice_client.get(url)
    assert first.status_code == 200, url
    assert audit(first).nonced >= 1
    audit(second)
    assert _nonce_of(first) != _nonce_of(second)


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_admin_page_passes_the_audit(client: Client, content: dict[str, str], name: str) -> None:
    """Django's admin marks its own scripts and styles with the nonce."""
    admin = make_member("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get(STAFF_PAGES[name](admin))
    assert response.status_code == 200
    assert audit(response).nonced >= 1


def test_htmx_partials_pass_the_audit(
    alice_client: Client, content: dict[str, str], question: Question
) -> None:
    """Fragments htmx swaps into a page are judged by that page's policy: they need none."""
    partials = [
        alice_client.get(reverse("search:search") + "?q=grow", HTTP_HX_REQUEST="true"),
        alice_client.get(reverse("qa:topic", args=["mid-level"]), HTTP_HX_REQUEST="true"),
        alice_client.post(
            reverse("qa:answer_like", args=[question.answers.get().pk]), HTTP_HX_REQUEST="true"
        ),
    ]
    for response in partials:
        assert response.status_code == 200
        assert "Content-Security-Policy" in response.headers
        page = PageAudit(None)
        page.feed(response.content.decode())
        assert page.problems == [] and page.nonced == 0


def test_not_allowed_page_passes_the_audit(bob_client: Client, question: Question) -> None:
    response = bob_client.get(reverse("qa:question_edit", args=[question.pk]))
    assert response.status_code == 403
    assert audit(response).nonced >= 1


def test_bad_request_and_csrf_failure_pages_pass_the_audit(client: Client) -> None:
    """Error pages rendered by Django (a refused host, a missing CSRF token) keep the policy."""
    bad_host = client.get("/", HTTP_HOST="evil.example")
    assert bad_host.status_code == 400
    audit(bad_host)
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(reverse("account_login"), {"login": "x", "password": "y"})
    assert refused.status_code == 403
    assert audit(refused).nonced >= 1


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the server error page is being tested")


urlpatterns = [path("boom/", _boom)]


def test_server_error_page_has_the_policy(client: Client, settings: object) -> None:
    """The bare 500 page has nothing inline, so its policy needs no nonce."""
    settings.ROOT_URLCONF = __name__  # type: ignore[attr-defined]
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    audit(response)


@pytest.mark.parametrize(
    "html",
    [
        '<span style="color: red">x</span>',
        '<button onclick="go()">x</button>',
        '<section hx-on::before-swap="x()"></section>',
        "<script>alert(1)</script>",
        "<style>p { color: red }</style>",
        '<script nonce="stale">alert(1)</script>',
        '<a href=" javascript:alert(1)">x</a>',
    ],
)
def test_audit_catches_what_the_policy_would_block(html: str) -> None:
    """The audit is not vacuous: each of these is reported."""
    page = PageAudit("fresh")
    page.feed(html)
    assert page.problems


def test_audit_lets_through_what_the_policy_allows() -> None:
    """Nonce'd elements, external scripts from the site and JSON data blocks pass."""
    page = PageAudit("fresh")
    page.feed(
        '<script src="/static/x.js" nonce="fresh"></script><style nonce="fresh"></style>'
        '<script type="application/json">{"a": 1}</script><svg><circle fill="#fff"/></svg>'
    )
    assert page.problems == [] and page.nonced == 2


def test_every_generated_avatar_class_is_in_the_stylesheet() -> None:
    """Sizes and hues picked by the avatar tag all have a rule in rung.css."""
    from django.contrib.staticfiles import finders

    from rung.core.templatetags.rung import AVATAR_HUES, AVATAR_SIZES, avatar

    css = Path(finders.find("rung.css")).read_text()  # type: ignore[arg-type]
    for size in AVATAR_SIZES:
        assert f".avatar-{size} {{ --size: {size}px; }}" in css
    for hue in range(AVATAR_HUES):
        assert f".avatar-hue-{hue} {{ --hue: {hue * 360 // AVATAR_HUES}; }}" in css
    members = [make_member(f"member-{n}") for n in range(40)]
    picked = {_class_number("avatar-hue-", avatar(member, 40)) for member in members}
    assert picked <= set(range(AVATAR_HUES)) and len(picked) > 10
    sizes = {_class_number("avatar-", avatar(members[0], size)) for size in (1, 40, 64, 80, 500)}
    assert sizes == {32, 64, 96}


def _class_number(prefix: str, html: str) -> int:
    match = re.search(rf'[" ]{prefix}([0-9]+)[" ]', html)
    assert match, html
    return int(match[1])
