"""Members found by name: who an @mention names, and the editor's suggestions as one types."""

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from rung.accounts import selectors
from rung.accounts.mentions import MentionLinks, mentioned_members
from rung.accounts.models import User
from rung.accounts.selectors import SUGGESTIONS_MAX, member_suggestions, members_named
from rung.core.markdown import render_markdown
from rung.testing import make_member

pytestmark = pytest.mark.django_db

SUGGEST = reverse("accounts:member_suggest")


def usernames(members: list[User]) -> list[str]:
    return [member.username for member in members]


# Who a mention names -------------------------------------------------------------------------


def test_names_find_active_members_whatever_the_case(bob: User, alice: User) -> None:
    named = members_named(["BOB", "alice", "nobody"])
    assert named == {"BOB": bob, "alice": alice}


def test_an_inactive_member_is_not_named(bob: User) -> None:
    bob.is_active = False
    bob.save(update_fields=["is_active"])
    assert members_named(["bob"]) == {}


def test_the_exact_spelling_wins_when_two_accounts_differ_in_case() -> None:
    lower = make_member("sam")
    upper = make_member("Sam")
    assert members_named(["Sam", "sam", "SAM"]) == {"Sam": upper, "sam": lower, "SAM": lower}


def test_unicode_usernames_can_be_mentioned() -> None:
    zhang = make_member("张三")
    assert mentioned_members("谢谢@张三 的回答") == [zhang]


def test_mentioned_members_are_listed_once_in_order(bob: User, alice: User) -> None:
    assert mentioned_members("@alice, @bob and @ALICE again, `@charlie`") == [alice, bob]


def test_mention_links_point_to_profiles_and_remember_who(bob: User) -> None:
    links = MentionLinks()
    html = render_markdown("Ask @Bob or @ghost.", mentions=links)
    assert f'<a class="mention" href="{bob.get_absolute_url()}"' in html
    assert ">@Bob</a>" in html
    assert "@ghost" in html and 'href="/members/ghost/"' not in html
    assert links.members == [bob]


def test_naming_fifty_members_is_one_query(django_assert_num_queries: Any) -> None:
    for i in range(5):
        make_member(f"m{i}")
    with django_assert_num_queries(1):
        named = members_named([f"M{i}" for i in range(50)])
    assert len(named) == 5


# Suggestions ---------------------------------------------------------------------------------


def test_suggestions_match_the_start_of_usernames_then_display_names(
    bob: User, alice: User, charlie: User
) -> None:
    boris = make_member("boris", display_name="Boris Becker")
    roberta = make_member("rk", display_name="Bobbie Roberts")
    assert usernames(member_suggestions("bo")) == ["bob", "boris", roberta.username]
    assert member_suggestions("BOR") == [boris]
    # "Rivera" is not at the start of "Bob Rivera".
    assert member_suggestions("riv") == []
    assert member_suggestions("") == []


def test_suggestions_leave_out_inactive_members(bob: User) -> None:
    make_member("bobby", is_active=False)
    assert member_suggestions("bob") == [bob]


def test_suggestions_stop_at_eight_in_two_queries(django_assert_num_queries: Any) -> None:
    for i in range(12):
        make_member(f"dev{i:02d}")
    with django_assert_num_queries(1):
        found = member_suggestions("dev")
    assert usernames(found) == [f"dev{i:02d}" for i in range(SUGGESTIONS_MAX)]
    with django_assert_num_queries(2):
        member_suggestions("nobody-by-that-name")


def _plan(query: Any) -> str:
    """Return the database's plan for a queryset, with table scans made a last resort."""
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table is tiny, so a scan would win; the point is that the index serves.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " ".join(str(row) for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("field", "index"),
    [("username", "user_username_lower_idx"), ("display_name", "user_display_name_lower_idx")],
)
def test_a_prefix_is_a_range_on_the_name_index(field: str, index: str) -> None:
    """Suggestions read one range of an expression index, never every member."""
    assert index in _plan(selectors._starting_with(field, "bo")[:SUGGESTIONS_MAX])


def test_a_mention_is_looked_up_on_the_username_index() -> None:
    named = User.objects.annotate(name_key=selectors._folded("username")).filter(
        name_key__in=["bob", "alice"], is_active=True
    )
    assert "user_username_lower_idx" in _plan(named)


# The address the editor asks ----------------------------------------------------------------


def suggest(client: Client, query: str) -> Any:
    return client.get(SUGGEST, {"q": query})


def test_the_editor_gets_names_as_json(alice_client: Client, bob: User) -> None:
    make_member("boris", display_name="Boris <b>Becker</b>")
    response = suggest(alice_client, "bo")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "private" in response["Cache-Control"]
    assert json.loads(response.content) == {
        "members": [
            {"username": "bob", "name": "Bob Rivera"},
            {"username": "boris", "name": "Boris <b>Becker</b>"},
        ]
    }


def test_a_leading_at_sign_is_ignored(alice_client: Client, bob: User) -> None:
    assert json.loads(suggest(alice_client, "@bo").content)["members"][0]["username"] == "bob"


def test_an_empty_query_finds_no_one(alice_client: Client, bob: User) -> None:
    assert json.loads(suggest(alice_client, "").content) == {"members": []}


def test_visitors_are_sent_to_log_in(visitor: Client, bob: User) -> None:
    response = suggest(visitor, "bo")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("query", ["b" * 151, "bo\x00b", "bo\nb"])
def test_bad_queries_get_400_with_a_reason(alice_client: Client, query: str) -> None:
    response = suggest(alice_client, query)
    assert response.status_code == 400
    assert json.loads(response.content)["error"]


def test_too_many_lookups_get_429(alice_client: Client, bob: User, monkeypatch: Any) -> None:
    from rung.accounts import views
    from rung.core.ratelimit import Rate

    monkeypatch.setattr(views, "SUGGEST_RATE", Rate(3, 60))
    statuses = [suggest(alice_client, "bo").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = suggest(alice_client, "bo")
    assert int(response["Retry-After"]) > 0
    assert json.loads(response.content)["error"]


def test_limits_off_lifts_the_lookup_limit(
    alice_client: Client, bob: User, monkeypatch: Any, settings: Any
) -> None:
    from rung.accounts import views
    from rung.core.ratelimit import Rate

    settings.RUNG_RATE_LIMITS = False
    monkeypatch.setattr(views, "SUGGEST_RATE", Rate(1, 60))
    assert {suggest(alice_client, "bo").status_code for _ in range(3)} == {200}
