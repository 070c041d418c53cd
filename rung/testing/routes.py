"""The route matrix: every address an app serves, tried the wrong way, by the wrong people
and with bad input, against real rows of the test cast.

An app's matrix is a list of `Route`s, one per URL name, and two tests:
`assert_covers` fails when the app gains an address the list lacks (or keeps one it lost),
and a test parametrized over `cases(routes)` runs each case with `check`. The columns:

- **method**: every HTTP method the view does not accept → 405, nothing written;
- **visitor**: every accepted method, logged out → a member route sends to log-in and
  writes nothing; a public one answers;
- **outsider**: charlie, who owns nothing → an owner route refuses and writes nothing;
  a member or public route works for him as for anyone;
- **moderator**: mod → as the outsider, unless the route lets moderators act;
- **doer**: whoever the route is for, with good input → it works, so the refusals above
  are not just a broken route;
- **missing**: the address with ids that do not exist → 404 for every accepted method;
- **bad**: each listed bad form or query → its 4xx with nothing written, never a 500.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from rung.accounts.models import User
from rung.qa.models import Answer, Question, Topic

PUBLIC = "public"  # anyone, logged in or not
MEMBER = "member"  # any logged-in member
OWNER = "owner"  # only the member the object belongs to (and moderators where said)
MODERATOR = "moderator"  # moderators (and administrators) only
ADMINISTRATOR = "administrator"  # administrators only: a scene with an "administrator" member

ALL_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
WRITES = ("POST", "PUT", "PATCH", "DELETE")
# Tables a refused request must leave as they were. Counters a request may bump on its
# own (rate limits, log-in times, page views) are left out.
WATCHED_APPS = ("accounts", "qa", "languages", "growth", "moderation")
IGNORED_FIELDS = {"last_login", "view_count", "days_visited", "last_visit_on"}
MISSING_ID = 999_999


@dataclass
class Scene:
    """The rows every route works on: alice asked, bob answered, alice replied to him."""

    # "owner", "teammate", "outsider", "moderator" (and "administrator" where a test adds one)
    members: dict[str, User]
    question: Question
    answer: Answer
    reply: Answer
    topic: Topic
    # Rows an app's own matrix adds by name (another question, a penalty, ...).
    extra: dict[str, Any] = field(default_factory=dict)


Args = Callable[[Scene], Sequence[Any]]
Data = Callable[[Scene], dict[str, Any]]


def _no_args(scene: Scene) -> Sequence[Any]:
    return ()


def _no_data(scene: Scene) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Bad:
    """One bad input: a form POSTed (data) or a query string on a GET, and its answer."""

    label: str
    data: Data | None = None
    query: str = ""
    args: Args | None = None  # a different address, such as a reply where an answer belongs
    actor: str | None = None  # who sends it; the route's doer by default
    status: tuple[int, ...] = (400,)


@dataclass(frozen=True)
class Route:
    name: str  # "qa:question_edit"
    access: str  # PUBLIC, MEMBER, OWNER, MODERATOR or ADMINISTRATOR
    methods: tuple[str, ...] = ("GET",)  # accepted besides HEAD and OPTIONS
    args: Args = _no_args
    doer: str = "owner"  # the cast member the route is for
    moderators: bool = False  # an OWNER route a moderator may use too
    data: Data = _no_data  # good form data: a refusal that forgot its check would save it
    query: str = ""
    ok: tuple[int, ...] = (200, 302)
    refused: tuple[int, ...] = (403,)
    missing: Args | None = None  # an address that does not exist; ids → MISSING_ID by default
    bad: tuple[Bad, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)

    def url(self, scene: Scene, args: Args | None = None, query: str | None = None) -> str:
        address = reverse(self.name, args=list((args or self.args)(scene)))
        query = self.query if query is None else query
        return f"{address}?{query}" if query else address

    def missing_args(self) -> Args | None:
        if self.missing is not None:
            return self.missing
        args = self.args

        def replaced(scene: Scene) -> Sequence[Any]:
            return [MISSING_ID if isinstance(arg, int) else arg for arg in args(scene)]

        return replaced


@dataclass(frozen=True)
class Case:
    route: Route
    column: str
    method: str
    bad: Bad | None = None

    def __str__(self) -> str:
        label = f"-{self.bad.label}" if self.bad else ""
        return f"{self.route.name}-{self.column}-{self.method}{label}"


def cases(routes: Iterable[Route]) -> list[Case]:
    """Expand routes into every case of the matrix."""
    out: list[Case] = []
    for route in routes:
        out += [Case(route, "method", m) for m in ALL_METHODS if m not in route.methods]
        for method in route.methods:
            out += [Case(route, column, method) for column in ("visitor", "doer")]
            if route.access != PUBLIC or method != "GET":
                out += [Case(route, column, method) for column in ("outsider", "moderator")]
            # An address with arguments gets a missing column; one whose arguments hold no
            # id fails it until the route says which address does not exist.
            if route.args is not _no_args:
                out.append(Case(route, "missing", method))
        out += [Case(route, "bad", "GET" if bad.data is None else "POST", bad) for bad in route.bad]
    return out


def assert_covers(
    routes: Iterable[Route],
    patterns: Iterable[URLPattern | URLResolver],
    *,
    namespace: str,
    extra: Iterable[str] = (),
) -> None:
    """Fail when an address of the app is missing from the matrix, or one listed is gone."""
    served = {f"{namespace}:{p.name}" for p in patterns if isinstance(p, URLPattern)}
    served |= set(extra)
    listed = [route.name for route in routes]
    assert len(listed) == len(set(listed)), f"listed twice: {sorted(listed)}"
    assert served == set(listed), (
        f"missing from the matrix: {sorted(served - set(listed))}; "
        f"no longer served: {sorted(set(listed) - served)}"
    )


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of the watched apps, so any write shows as a difference."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            names = [
                f.attname for f in model._meta.concrete_fields if f.attname not in IGNORED_FIELDS
            ]
            rows[model._meta.label] = list(
                model._default_manager.order_by("pk").values_list(*names)
            )
    return rows


def _send(
    client: Client, method: str, url: str, data: dict[str, Any], headers: dict[str, str]
) -> Any:
    if method == "GET":
        return client.get(url, headers=headers)
    if method == "POST":
        return client.post(url, data, headers=headers)
    return client.generic(method, url, headers=headers)


def _client(scene: Scene, actor: str | None) -> Client:
    client = Client()
    if actor is not None:
        client.force_login(scene.members[actor])
    return client


def _changes(before: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    after = snapshot()
    return [label for label in before if before[label] != after[label]]


def check(case: Case, scene: Scene) -> None:
    """Run one case of the matrix and assert its outcome."""
    route, method = case.route, case.method
    if case.column == "bad":
        assert case.bad is not None
        _check_bad(route, case.bad, scene)
        return
    actor = {
        "method": route.doer,
        "visitor": None,
        "outsider": "outsider",
        "moderator": "moderator",
        "doer": route.doer,
        "missing": route.doer,
    }[case.column]
    client = _client(scene, actor)
    args = route.missing_args() if case.column == "missing" else None
    url = route.url(scene, args)
    before = snapshot()
    response = _send(client, method, url, route.data(scene), route.headers)
    status = response.status_code
    where = f"{case} answered {status}"
    allowed = _allowed(route, case.column)
    if allowed:
        assert status in route.ok, where
        return
    if method in WRITES:
        assert not _changes(before), f"{where} and wrote {_changes(before)}"
    if case.column == "method":
        assert status == 405, where
    elif case.column == "visitor":
        assert status == 302, where
        assert response["Location"].startswith(reverse("account_login")), where
    elif case.column == "missing":
        assert status == 404, where
    else:
        assert status in route.refused, where


def _allowed(route: Route, column: str) -> bool:
    """Say whether the column's actor may use the route with good input."""
    if column == "doer":
        return True
    if column in ("method", "missing"):
        return False
    if column == "visitor":
        return route.access == PUBLIC
    if column == "moderator" and (route.moderators or route.access == MODERATOR):
        return True
    return route.access in (PUBLIC, MEMBER)


def _check_bad(route: Route, bad: Bad, scene: Scene) -> None:
    client = _client(scene, bad.actor or (None if route.access == PUBLIC else route.doer))
    url = route.url(scene, bad.args, bad.query if bad.data is None else None)
    before = snapshot()
    if bad.data is None:
        response = client.get(url, headers=route.headers)
    else:
        response = client.post(url, bad.data(scene), headers=route.headers)
    where = f"{route.name} {bad.label!r} answered {response.status_code}"
    assert response.status_code in bad.status, where
    assert not _changes(before), f"{where} and wrote {_changes(before)}"
    if response.status_code == 400:
        # A refusal says why: a form with its errors, an alert, a page of its own, or a
        # sentence of text for a script to show.
        text = response.content.decode(errors="replace")
        if response["Content-Type"].startswith("text/html"):
            says = ('class="errorlist', 'role="alert"', "<h1")
            assert any(mark in text for mark in says), f"{where} without saying why"
        else:
            assert text.strip(), f"{where} with an empty body"
