"""Post languages end to end: set when saved, shown as a badge, corrected by hand, backfilled."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.languages import post_languages
from rung.qa import services
from rung.qa.models import Answer, Question, Topic
from rung.testing import make_answer, make_card, make_question

pytestmark = pytest.mark.django_db

ZH_TITLE = "如何从中级工程师晋升到高级工程师？"
ZH_BODY = "我在大厂做了三年后端开发，经理说我的影响力不够，应该怎么准备晋升？"
EN_BODY = "My manager says I need more impact before the next review. What should I change?"
MIXED_BODY = "我们 team 用 Kubernetes, Terraform 做 deployment，怎么体现 ownership？"


def _edit_question(question: Question, *, body: str, title: str | None = None) -> Question:
    return services.question_edit(
        question=question,
        editor=question.author,
        title=title or question.title,
        body=body,
        topics=list(question.topics.all()),
        card=make_card(),
        is_anonymous=question.is_anonymous,
    )


def _reload[Post: (Question, Answer)](post: Post) -> Post:
    return type(post).objects.get(pk=post.pk)


def _html(client: Client, url: str, *, interface: str = "en") -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = interface
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == interface
    return response.content.decode()


def _badges(html: str) -> list[str]:
    return re.findall(r'<span class="lang-badge lang-tag" data-lang="([\w-]+)"', html)


# Services: detection on create and edit.


def test_question_create_detects_chinese_and_english(alice: User) -> None:
    """A question is labelled from its title and body when it is posted."""
    chinese = make_question(alice, title=ZH_TITLE, body=ZH_BODY)
    english = make_question(alice, title="How do I show more impact?", body=EN_BODY)
    mixed = make_question(alice, title="Kubernetes 集群怎么扩容", body=MIXED_BODY)
    assert (chinese.language, english.language, mixed.language) == ("zh-hans", "en", "zh-hans")
    assert not chinese.language_locked


def test_question_create_keeps_a_language_given_by_the_caller(alice: User) -> None:
    """A loader that knows the language passes it; it is kept but not locked."""
    question = make_question(alice, title="Title in English", body=EN_BODY, language="zh-hans")
    assert _reload(question).language == "zh-hans"
    assert not question.language_locked


def test_question_create_refuses_an_unknown_language(alice: User) -> None:
    """Only the site's language codes are stored."""
    with pytest.raises(ValidationError):
        make_question(alice, body=EN_BODY, language="fr")
    assert not Question.objects.exists()


def test_answers_and_replies_are_detected_on_create(
    alice: User, bob: User, question: Question
) -> None:
    """Answers and replies each get their own language."""
    answer = make_answer(question, bob, body=ZH_BODY)
    reply = make_answer(question, alice, parent=answer, body="Thanks, that is what I needed!")
    short = make_answer(question, alice, parent=answer, body="👍")
    assert (answer.language, reply.language, short.language) == ("zh-hans", "en", "")


def test_question_edit_detects_again_when_the_text_changes(alice: User) -> None:
    """Rewriting a question in the other language relabels it."""
    question = make_question(alice, title="How do I show more impact?", body=EN_BODY)
    edited = _edit_question(question, title=ZH_TITLE, body=ZH_BODY)
    assert edited.language == "zh-hans"
    assert _reload(question).language == "zh-hans"


def test_answer_edit_detects_again_when_the_text_changes(bob: User, question: Question) -> None:
    """Rewriting an answer in the other language relabels it."""
    answer = make_answer(question, bob, body=EN_BODY)
    services.answer_edit(answer=answer, editor=bob, body=ZH_BODY)
    assert _reload(answer).language == "zh-hans"


def test_corrected_question_language_survives_an_edit(alice: User) -> None:
    """A language the author chose by hand is kept through later edits."""
    question = make_question(alice, title="Kubernetes HPA or VPA?", body="Which one?")
    assert question.language == "en"
    services.post_language_set(post=question, actor=alice, language="zh-hans")
    _edit_question(question, body="Which one should I pick for batch jobs, and why?")
    fresh = _reload(question)
    assert fresh.language == "zh-hans" and fresh.language_locked


def test_corrected_answer_and_reply_languages_survive_edits(
    alice: User, bob: User, question: Question
) -> None:
    """Answers and replies keep a hand-chosen language too."""
    answer = make_answer(question, bob, body=EN_BODY)
    reply = make_answer(question, bob, parent=answer, body="Also: write it down weekly.")
    services.post_language_set(post=answer, actor=bob, language="zh-hans")
    services.post_language_set(post=reply, actor=bob, language="zh-hans")
    services.answer_edit(answer=answer, editor=bob, body="Still English, still mislabelled.")
    services.answer_edit(answer=reply, editor=bob, body="And a longer English reply now.")
    assert _reload(answer).language == "zh-hans"
    assert _reload(reply).language == "zh-hans"


def test_uncorrected_language_follows_edits(alice: User) -> None:
    """Without a correction, the label follows the text: nothing sticks by accident."""
    question = make_question(alice, title=ZH_TITLE, body=ZH_BODY)
    _edit_question(question, title="How do I get promoted?", body=EN_BODY)
    assert _reload(question).language == "en"


# Services: the correction itself.


def test_language_set_bumps_the_versions_cached_parts_use(
    alice: User, bob: User, question: Question
) -> None:
    """Cards, the question page and its answers render afresh after a correction."""
    answer = make_answer(question, bob, body=EN_BODY)
    version = _reload(question).version
    feeds = dict(Topic.objects.values_list("pk", "feed_version"))
    services.post_language_set(post=answer, actor=bob, language="zh-hans")
    assert _reload(question).version > version
    for topic in question.topics.all():
        assert topic.feed_version > feeds[topic.pk]


def test_outsider_cannot_set_a_language(charlie: User, question: Question) -> None:
    """Someone who did not write the post is refused and nothing changes."""
    with pytest.raises(PermissionDenied):
        services.post_language_set(post=question, actor=charlie, language="zh-hans")
    fresh = _reload(question)
    assert fresh.language == "en" and not fresh.language_locked


def test_moderator_can_set_a_language(mod: User, question: Question) -> None:
    """Staff moderators may correct anyone's post."""
    services.post_language_set(post=question, actor=mod, language="zh-hans")
    assert _reload(question).language == "zh-hans"


@pytest.mark.parametrize("code", ["", "fr", "zh-Hant", "EN", "zh-hans\x00"])
def test_unknown_language_code_is_refused(alice: User, question: Question, code: str) -> None:
    with pytest.raises(ValidationError):
        services.post_language_set(post=question, actor=alice, language=code)
    assert not _reload(question).language_locked


def test_deleted_post_language_cannot_be_set(alice: User, question: Question) -> None:
    services.question_delete(question=question, actor=alice)
    with pytest.raises(ValidationError):
        services.post_language_set(post=_reload(question), actor=alice, language="zh-hans")


def test_question_page_shows_a_badge_on_the_question_answers_and_replies(
    alice: User, bob: User, question: Question, client: Client
) -> None:
    answer = make_answer(question, bob, body=ZH_BODY)
    make_answer(question, alice, parent=answer, body="Thanks, this is really helpful advice!")
    make_answer(question, alice, parent=answer, body="🎉")
    html = _html(client, question.get_absolute_url())
    assert _badges(html) == ["zh-hans"]
    assert '<span lang="zh-Hans" aria-hidden="true">中文</span>' in html
    assert '<span class="visually-hidden">Written in Chinese</span>' in html
    html = _html(client, question.get_absolute_url(), interface="zh-hans")
    assert _badges(html) == ["en", "en"]
    assert '<span lang="en" aria-hidden="true">EN</span>' in html


def test_badge_label_follows_the_interface_language(alice: User, question: Question) -> None:
    """The label is rendered in the reader's interface language, not the post's."""
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load languages %}{% language_badge post %}")
    with translation.override("zh-hans"):
        html = template.render(Context({"post": question}))
    assert 'lang="en"' in html and ">EN<" in html
    assert 'data-lang="en"' in html


def test_unknown_or_missing_language_shows_no_badge() -> None:
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load languages %}[{% language_badge post %}]")
    assert template.render(Context({"post": Question(language="")})) == "[]"
    assert template.render(Context({"post": Question(language="<b>fr</b>")})) == "[]"
    with translation.override("en"):
        assert "中文" in template.render(Context({"post": "zh-hans"}))


def test_feed_cards_and_search_show_the_badge(alice: User, client: Client) -> None:
    chinese = make_question(alice, title=ZH_TITLE, body=ZH_BODY)
    make_question(alice, title="How do I show more impact before calibration?", body=EN_BODY)
    for url in (reverse("home"), reverse("qa:topic", args=["mid-level"])):
        assert _badges(_html(client, url)) == ["zh-hans"]
        assert _badges(_html(client, url, interface="zh-hans")) == ["en"]
    search = f"{reverse('search:search')}?q=晋升"
    html = _html(client, search)
    assert f'id="hit-{chinese.pk}"' in html and _badges(html) == ["zh-hans"]
    html = _html(client, search, interface="zh-hans")
    assert f'id="hit-{chinese.pk}"' in html and _badges(html) == []


# The correction views.


def _url(post: Question | Answer) -> str:
    if isinstance(post, Question):
        return reverse("qa:question_language", args=[post.pk])
    name = "qa:reply_language" if post.parent_id else "qa:answer_language"
    return reverse(name, args=[post.pk])


def test_asker_corrects_question_language_and_every_cached_part_updates(
    alice: User, alice_client: Client, client: Client
) -> None:
    """The badge changes on the question page and feeds, even with warm caches."""
    question = make_question(alice, title="Kubernetes HPA or VPA?", body="Which one?")
    home, page = reverse("home"), question.get_absolute_url()
    assert _badges(_html(client, home)) == []
    assert _badges(_html(client, page)) == []
    response = alice_client.post(_url(question), {"language": "zh-hans"})
    assert response.status_code == 302
    assert response["Location"] == page
    assert _badges(_html(client, home)) == ["zh-hans"]
    assert _badges(_html(client, page)) == ["zh-hans"]
    assert _reload(question).language_locked


def test_answer_author_corrects_answer_and_reply(
    alice: User, bob: User, question: Question, bob_client: Client, client: Client
) -> None:
    answer = make_answer(question, bob, body=EN_BODY)
    reply = make_answer(question, bob, parent=answer, body="One more thing to add here.")
    page = question.get_absolute_url()
    assert _badges(_html(client, page, interface="zh-hans")) == ["en", "en", "en"]
    for post in (answer, reply):
        response = bob_client.post(_url(post), {"language": "zh-hans"})
        assert response.status_code == 302
        assert response["Location"] == f"{page}#answer-{post.pk}"
    assert _badges(_html(client, page, interface="zh-hans")) == ["en"]
    assert _badges(_html(client, page)) == ["zh-hans", "zh-hans"]


def test_badges_in_cached_fragments_follow_each_readers_language(
    alice: User, bob: User, client: Client
) -> None:
    """A fragment rendered for one interface language is never served to the other.

    Readers alternate, each request finding the fragments the other's warmed; each still
    sees badges only on posts in a language other than their own.
    """
    chinese = make_question(alice, title=ZH_TITLE, body=ZH_BODY)
    make_answer(chinese, bob, body=EN_BODY)
    make_question(alice, title="How do I show more impact before calibration?", body=EN_BODY)
    urls = (reverse("home"), reverse("qa:topic", args=["mid-level"]), chinese.get_absolute_url())
    for _ in range(2):
        for url in urls:
            english, chinese_ui = _html(client, url), _html(client, url, interface="zh-hans")
            assert set(_badges(english)) == {"zh-hans"}
            assert set(_badges(chinese_ui)) == {"en"}


def test_badge_is_hidden_for_a_post_in_the_interface_language() -> None:
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load languages %}[{% language_badge post %}]")
    post = Question(language="zh-hans")
    with translation.override("zh-hans"):
        assert template.render(Context({"post": post})) == "[]"
    with translation.override("en"):
        assert 'data-lang="zh-hans"' in template.render(Context({"post": post}))
    always = Template("{% load languages %}[{% language_badge post always=True %}]")
    with translation.override("zh-hans"):
        assert 'data-lang="zh-hans"' in always.render(Context({"post": post}))


def test_correction_form_page_shows_the_current_language(
    alice_client: Client, question: Question
) -> None:
    html = _html(alice_client, _url(question))
    assert '<option value="en" selected>' in html
    assert 'name="language"' in html


def test_author_sees_the_inline_form_and_others_do_not(
    alice: User, bob: User, question: Question, alice_client: Client, charlie_client: Client
) -> None:
    answer = make_answer(question, bob, body=EN_BODY)
    asker_page = _html(alice_client, question.get_absolute_url())
    assert f'action="{_url(question)}"' in asker_page
    assert f'action="{_url(answer)}"' not in asker_page
    bob_page = _html(Client(), question.get_absolute_url())
    assert "lang-fix" not in bob_page
    outsider_page = _html(charlie_client, question.get_absolute_url())
    assert "lang-fix" not in outsider_page
    bob_client = Client()
    bob_client.force_login(bob)
    answerer_page = _html(bob_client, question.get_absolute_url())
    assert f'action="{_url(answer)}"' in answerer_page
    assert f'action="{_url(question)}"' not in answerer_page


def test_moderator_sees_the_form_and_corrects_any_post(
    bob: User, question: Question, mod_client: Client
) -> None:
    answer = make_answer(question, bob, body=EN_BODY)
    assert f'action="{_url(question)}"' in _html(mod_client, question.get_absolute_url())
    assert mod_client.post(_url(question), {"language": "zh-hans"}).status_code == 302
    assert mod_client.post(_url(answer), {"language": "zh-hans"}).status_code == 302
    assert _reload(question).language == _reload(answer).language == "zh-hans"


def test_outsider_gets_403_and_nothing_changes(
    bob: User, question: Question, charlie_client: Client
) -> None:
    answer = make_answer(question, bob, body=EN_BODY)
    reply = make_answer(question, bob, parent=answer, body="A reply in plain English words.")
    for post in (question, answer, reply):
        assert charlie_client.get(_url(post)).status_code == 403
        # A bad code from an outsider is still a 403: it reveals nothing about the post.
        for data in ({"language": "zh-hans"}, {"language": "xx"}):
            assert charlie_client.post(_url(post), data).status_code == 403
        fresh = type(post).objects.get(pk=post.pk)
        assert fresh.language == "en" and not fresh.language_locked


def test_logged_out_visitor_is_sent_to_log_in(question: Question, client: Client) -> None:
    response = client.post(_url(question), {"language": "zh-hans"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert _reload(question).language == "en"


@pytest.mark.parametrize(
    "data", [{"language": "fr"}, {"language": ""}, {}, {"language": "zh-hans" * 100}]
)
def test_bad_language_code_gets_400_with_a_message(
    alice_client: Client, question: Question, data: dict[str, str]
) -> None:
    response = alice_client.post(_url(question), data)
    assert response.status_code == 400
    assert "Choose English or Chinese." in response.content.decode()
    assert not _reload(question).language_locked


def test_wrong_method_is_refused(alice_client: Client, question: Question) -> None:
    assert alice_client.put(_url(question)).status_code == 405
    assert alice_client.delete(_url(question)).status_code == 405


def test_wrong_kind_or_missing_post_is_404(
    alice: User, bob: User, question: Question, bob_client: Client
) -> None:
    answer = make_answer(question, bob, body=EN_BODY)
    reply = make_answer(question, bob, parent=answer, body="A reply in plain English words.")
    data = {"language": "zh-hans"}
    assert bob_client.post(reverse("qa:reply_language", args=[answer.pk]), data).status_code == 404
    assert bob_client.post(reverse("qa:answer_language", args=[reply.pk]), data).status_code == 404
    assert bob_client.post(reverse("qa:answer_language", args=[99999]), data).status_code == 404
    services.question_delete(question=question, actor=alice)
    assert bob_client.post(_url(answer), data).status_code == 404
    assert _reload(answer).language == "en"


# The backfill command.


def test_backfill_labels_posts_without_a_language(
    alice: User, bob: User, question: Question
) -> None:
    chinese = make_question(alice, title=ZH_TITLE, body=ZH_BODY)
    answer = make_answer(chinese, bob, body=ZH_BODY)
    Question.objects.update(language="")
    Answer.objects.update(language="")
    version = _reload(chinese).version
    out = StringIO()
    call_command("detect_languages", stdout=out)
    assert "3 posts" in out.getvalue()
    assert _reload(question).language == "en"
    assert _reload(chinese).language == "zh-hans"
    assert _reload(answer).language == "zh-hans"
    assert _reload(chinese).version > version
    out = StringIO()
    call_command("detect_languages", stdout=out)
    assert "0 posts" in out.getvalue()


def test_backfill_all_relabels_but_never_overrides_a_hand_choice(
    alice: User, question: Question
) -> None:
    chinese = make_question(alice, title=ZH_TITLE, body=ZH_BODY)
    Question.objects.filter(pk=chinese.pk).update(language="en")
    services.post_language_set(post=question, actor=alice, language="zh-hans")
    call_command("detect_languages", stdout=StringIO())
    assert _reload(chinese).language == "en"  # without --all, labelled posts are left alone
    call_command("detect_languages", "--all", stdout=StringIO())
    assert _reload(chinese).language == "zh-hans"
    assert _reload(question).language == "zh-hans"  # chosen by hand: kept


def test_backfill_pages_through_many_posts(alice: User, bob: User, question: Question) -> None:
    for n in range(7):
        make_answer(question, bob, body=f"{ZH_BODY} {n}")
    Answer.objects.update(language="")
    assert post_languages.post_languages_detect(batch=3) == 7
    assert set(Answer.objects.values_list("language", flat=True)) == {"zh-hans"}
