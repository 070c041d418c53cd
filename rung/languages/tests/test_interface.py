"""Switching the interface language, remembering it, and guessing it for visitors."""

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rung.accounts.interface_language import (
    member_language_set,
    recipient_language,
    supported_language,
)
from rung.accounts.models import User
from rung.ladder.models import Level, Track
from rung.qa.models import Question

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME
SWITCH = reverse("languages:switch")
ASK_EN = "Ask a question"
SAVED_EN = "Your profile was saved."


def _chinese(english: str) -> str:
    """Return the catalogue's Chinese for a string, which must be translated already."""
    with translation.override("zh-hans"):
        chinese = translation.gettext(english)
    assert chinese != english, f"{english!r} is not translated: run `make setup`"
    return chinese


@pytest.fixture(autouse=True)
def _deactivate_afterwards() -> Iterator[None]:
    """Leave no language active: requests activate one in the test's own thread."""
    yield
    translation.deactivate()


def _html_lang(page: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', page)
    assert match, "no <html lang>"
    return match.group(1)


class _SwitcherForm(HTMLParser):
    """Read the language switcher form the way a browser without JavaScript would."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.method = ""
        self.fields: dict[str, str] = {}
        self.buttons: dict[str, str] = {}
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form" and "lang-switch" in values.get("class", ""):
            self._inside = True
            self.action, self.method = values["action"], values["method"]
        elif self._inside and tag == "input":
            self.fields[values["name"]] = values.get("value", "")
        elif self._inside and tag == "button":
            self.buttons[values["lang"]] = values["value"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False


def _switcher(page: str) -> _SwitcherForm:
    form = _SwitcherForm()
    form.feed(page)
    assert form.action, "no language switcher on the page"
    return form


# --- switching ----------------------------------------------------------------------------


def test_every_page_has_a_switcher_that_works_without_javascript(question: Question) -> None:
    """Submitting the header form as rendered, CSRF token included, switches the language."""
    browser = Client(enforce_csrf_checks=True)
    path = question.get_absolute_url()
    page = browser.get(path).content.decode()
    form = _switcher(page)
    assert form.method == "post" and form.action == SWITCH
    assert form.fields["next"] == path
    assert set(form.buttons) == {"en", "zh-hans"}
    assert ">English</button>" in page and ">中文</button>" in page

    response = browser.post(form.action, {**form.fields, "language": form.buttons["zh-hans"]})

    assert response.status_code == 302 and response["Location"] == path
    assert response.cookies[COOKIE].value == "zh-hans"
    again = browser.get(path).content.decode()
    assert _html_lang(again) == "zh-hans" and _chinese(ASK_EN) in again
    assert 'value="zh-hans" lang="zh-hans" aria-current="true">中文</button>' in again
    assert 'value="en" lang="en">English</button>' in again


def test_switch_keeps_the_query_string_of_next(client: Client) -> None:
    response = client.post(SWITCH, {"language": "zh-hans", "next": "/search/?q=promotion"})
    assert response.status_code == 302 and response["Location"] == "/search/?q=promotion"


def test_switch_back_to_english(client: Client) -> None:
    client.post(SWITCH, {"language": "zh-hans", "next": "/"})
    client.post(SWITCH, {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert _html_lang(page) == "en" and ASK_EN in page


def test_switch_saves_the_members_preference(alice_client: Client, alice: User) -> None:
    response = alice_client.post(SWITCH, {"language": "zh-hans", "next": "/"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.ui_language == "zh-hans"
    assert response.cookies[COOKIE].value == "zh-hans"


def test_visitor_switch_saves_nothing_on_any_profile(client: Client, alice: User) -> None:
    client.post(SWITCH, {"language": "zh-hans", "next": "/"})
    alice.refresh_from_db()
    assert alice.ui_language == ""


@pytest.mark.parametrize("code", ["fr", "", "zh", "zh-hant", "en-us", "x" * 500, "<script>"])
def test_unknown_language_is_a_400_with_a_message(
    alice_client: Client, alice: User, code: str
) -> None:
    response = alice_client.post(SWITCH, {"language": code, "next": "/"})
    assert response.status_code == 400
    assert "That language is not available" in response.content.decode()
    assert COOKIE not in response.cookies
    alice.refresh_from_db()
    assert alice.ui_language == ""


def test_missing_language_is_a_400(client: Client) -> None:
    assert client.post(SWITCH, {"next": "/"}).status_code == 400


def test_language_code_is_matched_without_regard_to_case(client: Client) -> None:
    response = client.post(SWITCH, {"language": "ZH-Hans", "next": "/"})
    assert response.status_code == 302 and response.cookies[COOKIE].value == "zh-hans"


def test_switch_refuses_get(client: Client) -> None:
    assert client.get(SWITCH, {"language": "zh-hans"}).status_code == 405


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
        "",
    ],
)
def test_unsafe_next_is_ignored(client: Client, target: str) -> None:
    response = client.post(SWITCH, {"language": "zh-hans", "next": target})
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.cookies[COOKIE].value == "zh-hans"


def test_next_on_this_host_with_an_absolute_url_is_kept(client: Client) -> None:
    response = client.post(SWITCH, {"language": "en", "next": "http://testserver/glossary/"})
    assert response["Location"] == "http://testserver/glossary/"


def test_switch_needs_no_login_and_logged_out_pages_use_the_cookie(client: Client) -> None:
    client.post(SWITCH, {"language": "zh-hans", "next": "/"})
    page = client.get(reverse("account_login")).content.decode()
    assert _html_lang(page) == "zh-hans"


# --- remembered -----------------------------------------------------------------------------


def test_member_preference_follows_them_to_another_browser(alice: User) -> None:
    """A member who chose Chinese gets Chinese on a new browser that asks for English."""
    member_language_set(member=alice, language="zh-hans")
    other_browser = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    other_browser.force_login(alice)
    response = other_browser.get("/")
    page = response.content.decode()
    assert _html_lang(page) == "zh-hans" and _chinese(ASK_EN) in page
    assert response["Content-Language"] == "zh-hans"
    # The browser learns the choice, so it stays Chinese after logging out.
    assert response.cookies[COOKIE].value == "zh-hans"
    other_browser.post(reverse("account_logout"))
    assert _html_lang(other_browser.get("/").content.decode()) == "zh-hans"


def test_member_preference_beats_a_cookie_from_before(alice: User) -> None:
    member_language_set(member=alice, language="en")
    browser = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    browser.cookies[COOKIE] = "zh-hans"
    browser.force_login(alice)
    assert _html_lang(browser.get("/").content.decode()) == "en"


def test_member_preference_set_in_one_browser_reaches_the_other(alice: User) -> None:
    first, second = Client(), Client()
    first.force_login(alice)
    second.force_login(alice)
    first.post(SWITCH, {"language": "zh-hans", "next": "/"})
    assert _html_lang(second.get("/").content.decode()) == "zh-hans"


def test_member_without_a_preference_gets_the_browsers_language(alice: User) -> None:
    browser = Client(HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    browser.force_login(alice)
    response = browser.get("/")
    assert _html_lang(response.content.decode()) == "zh-hans"
    assert COOKIE not in response.cookies


def test_no_cookie_is_rewritten_when_it_already_matches(alice: User) -> None:
    member_language_set(member=alice, language="zh-hans")
    browser = Client()
    browser.cookies[COOKIE] = "zh-hans"
    browser.force_login(alice)
    assert COOKIE not in browser.get("/").cookies


def test_a_stored_language_no_longer_offered_is_ignored(alice: User) -> None:
    User.objects.filter(pk=alice.pk).update(ui_language="fr")
    browser = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    browser.force_login(alice)
    assert _html_lang(browser.get("/").content.decode()) == "zh-hans"


def test_member_language_set_refuses_unknown_codes(alice: User) -> None:
    with pytest.raises(ValueError):
        member_language_set(member=alice, language="fr")
    member_language_set(member=alice, language="zh-hans")
    member_language_set(member=alice, language="")
    alice.refresh_from_db()
    assert alice.ui_language == ""


def test_supported_language_and_recipient_language(alice: User) -> None:
    assert supported_language("ZH-HANS") == "zh-hans"
    assert supported_language("zh-cn") == "" and supported_language(None) == ""
    with translation.override("en"):
        assert recipient_language(None) == "en"
    with translation.override("zh-hans"):
        assert recipient_language(None) == "zh-hans"
    alice.ui_language = "zh-hans"
    assert recipient_language(alice) == "zh-hans"


# --- guessed --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9", "zh-hans"),
        ("zh-Hans-CN,zh;q=0.8,en;q=0.5", "zh-hans"),
        ("zh", "zh-hans"),
        ("en-GB,en;q=0.9", "en"),
        ("fr", "en"),
        ("fr-FR,de;q=0.8", "en"),
        ("", "en"),
        ("en;q=0.1,zh-CN;q=0.9", "zh-hans"),
    ],
)
def test_visitors_language_is_guessed_from_accept_language(header: str, expected: str) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE=header).get("/")
    page = response.content.decode()
    assert _html_lang(page) == expected
    assert response["Content-Language"] == expected
    assert (_chinese(ASK_EN) if expected == "zh-hans" else ASK_EN) in page
    assert "Accept-Language" in response["Vary"]


def test_visitors_cookie_beats_accept_language() -> None:
    browser = Client(HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    browser.cookies[COOKIE] = "en"
    assert _html_lang(browser.get("/").content.decode()) == "en"


def test_html_lang_matches_on_pages_of_every_app(question: Question) -> None:
    browser = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    for path in ["/", question.get_absolute_url(), reverse("account_login"), "/search/?q=x"]:
        assert _html_lang(browser.get(path).content.decode()) == "zh-hans", path


def test_not_found_page_is_in_the_visitors_language() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="zh-CN").get("/no/such/page/")
    assert response.status_code == 404
    assert _html_lang(response.content.decode()) == "zh-hans"


# --- the profile form -----------------------------------------------------------------------


def _profile_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "display_name": "Alice Chen",
        "headline": "ML Engineer at Acme",
        "level": Level.objects.get(slug="mid-level").pk,
        "track": Track.objects.get(slug="ic").pk,
        "companies": "",
        "years_experience": 4,
        "languages": ["en"],
    }
    data.update(overrides)
    return data


def test_profile_form_offers_the_interface_language(alice_client: Client) -> None:
    page = alice_client.get(reverse("accounts:profile_edit")).content.decode()
    assert 'name="ui_language"' in page
    assert '<option value="zh-hans">中文</option>' in page
    assert '<option value="" selected>Follow my browser</option>' in page


def test_profile_form_saves_the_preference_and_confirms_in_it(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(
        reverse("accounts:profile_edit"), _profile_data(ui_language="zh-hans"), follow=True
    )
    alice.refresh_from_db()
    assert alice.ui_language == "zh-hans"
    page = response.content.decode()
    assert _html_lang(page) == "zh-hans"
    assert _chinese(SAVED_EN) in page


def test_profile_form_can_forget_the_preference(alice_client: Client, alice: User) -> None:
    member_language_set(member=alice, language="zh-hans")
    response = alice_client.post(reverse("accounts:profile_edit"), _profile_data(ui_language=""))
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.ui_language == ""


def test_forgetting_the_preference_lets_the_browser_choose_again(alice: User) -> None:
    """The copied cookie goes with the choice, so Accept-Language counts again."""
    member_language_set(member=alice, language="zh-hans")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(alice)
    browser.get(reverse("home"))
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    browser.post(reverse("accounts:profile_edit"), _profile_data(ui_language=""))
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""
    page = browser.get(reverse("home")).content.decode()
    assert '<html lang="en">' in page


def test_logging_out_keeps_the_members_language(alice: User) -> None:
    member_language_set(member=alice, language="zh-hans")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(alice)
    browser.get(reverse("home"))
    browser.post(reverse("account_logout"))
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert '<html lang="zh-hans">' in browser.get(reverse("home")).content.decode()


def test_profile_form_refuses_an_unknown_language(alice_client: Client, alice: User) -> None:
    response = alice_client.post(reverse("accounts:profile_edit"), _profile_data(ui_language="fr"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    alice.refresh_from_db()
    assert alice.ui_language == ""


# --- dates ------------------------------------------------------------------------------------


def test_question_dates_are_formatted_for_the_readers_language(question: Question) -> None:
    chinese = Client(HTTP_ACCEPT_LANGUAGE="zh-CN").get(question.get_absolute_url())
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(question.get_absolute_url())
    zh_dates = re.findall(r'<time datetime="[^"]+" title="([^"]+)"', chinese.content.decode())
    en_dates = re.findall(r'<time datetime="[^"]+" title="([^"]+)"', english.content.decode())
    assert zh_dates and en_dates
    year = str(question.created_at.year)
    assert all(f"{year}年" in d and "月" in d and "日" in d for d in zh_dates), zh_dates
    assert all(year in d and "年" not in d for d in en_dates), en_dates


def test_server_error_page_is_in_the_active_language() -> None:
    """500.html renders without a request or database, but still in the reader's language."""
    with translation.override("zh-hans"):
        page = render_to_string("500.html")
    assert _html_lang(page) == "zh-hans" and "<h1>" in page
