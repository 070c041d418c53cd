"""Search behaves the same on SQLite FTS5 and PostgreSQL: the suite runs on both."""

from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rung.accounts.models import User
from rung.ladder.models import Level
from rung.qa import services
from rung.qa.models import Question, Topic
from rung.search import embeddings, indexing, selectors
from rung.search.analysis import parse_query
from rung.search.fulltext import Filters, fulltext_matches
from rung.search.models import Embedding, SearchEntry
from rung.search.sections import similar_html
from rung.search.selectors import (
    _load_questions,
    decode_cursor,
    search_questions,
    similar_questions,
    similar_questions_kept,
)
from rung.search.slots import SearchSubject, results_sections
from rung.testing import make_answer, make_card, make_question

pytestmark = pytest.mark.django_db


def titles(raw: str, **kwargs: Any) -> list[str]:
    return [hit.question.title for hit in search_questions(parse_query(raw), **kwargs).hits]


def text_titles(raw: str, **kwargs: Any) -> list[str]:
    """Return the titles full-text alone finds, newest first."""
    ids = [qid for qid, _s in fulltext_matches(parse_query(raw), **kwargs)]
    by_id = dict(Question.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [by_id[qid] for qid in ids]


@pytest.fixture
def corpus(alice: User, bob: User) -> dict[str, Question]:
    posts = {
        "promotion": make_question(
            alice,
            title="How do I get promoted to senior engineer?",
            body="My manager says my impact is not visible enough yet.",
        ),
        "salary": make_question(
            bob,
            title="Is my salary fair for a mid-level backend role?",
            body="I have four years of experience and took no raise last cycle.",
            topics=["mid-level", "interviewing"],
        ),
        "jinsheng": make_question(
            alice,
            title="第一次晋升答辩应该怎么准备？",
            body="下个月要参加晋升答辩，评委都是其他部门的总监。",
        ),
        "tiaocao": make_question(
            bob,
            title="工作两年想跳槽，薪水应该怎么谈？",
            body="现在的公司涨薪很慢，我想换一个更好的平台。",
        ),
        "k8s": make_question(
            alice,
            title="Kubernetes 集群扩容后服务一直报错怎么办？",
            body="我们把集群扩容到二十个节点以后，新的 Pod 一直处于 Pending 状态。",
        ),
        "phrase": make_question(
            bob,
            title="Should a senior engineer still write code every day?",
            body="I spend most of my week in meetings now.",
        ),
        "reversed": make_question(
            bob,
            title="An engineer who is senior to me rewrites my pull requests",
            body="They never leave comments first.",
        ),
    }
    return posts


def test_english_words_match_any_form_of_the_word(corpus: dict[str, Question]) -> None:
    """A search for "promotion" finds "promoted": both stem to the same term."""
    assert corpus["promotion"].title in text_titles("promotion")
    assert corpus["promotion"].title in text_titles("PROMOTED")


@pytest.mark.parametrize(
    ("query", "key"), [("晋升", "jinsheng"), ("薪水", "tiaocao"), ("跳槽", "tiaocao")]
)
def test_two_character_chinese_words_are_found(
    corpus: dict[str, Question], query: str, key: str
) -> None:
    assert text_titles(query) == [corpus[key].title]


def test_single_chinese_character_matches_words_that_start_with_it(
    corpus: dict[str, Question],
) -> None:
    assert corpus["tiaocao"].title in text_titles("薪")


def test_mixed_language_query_finds_mixed_post(corpus: dict[str, Question]) -> None:
    assert text_titles("Kubernetes 集群扩容") == [corpus["k8s"].title]
    assert titles("Kubernetes 集群扩容")[0] == corpus["k8s"].title


def test_quoted_phrase_needs_the_words_together(corpus: dict[str, Question]) -> None:
    found = text_titles('"senior engineer"')
    assert corpus["phrase"].title in found
    assert corpus["promotion"].title in found
    assert corpus["reversed"].title not in found
    assert corpus["reversed"].title in text_titles("senior engineer")


def test_minus_word_leaves_posts_out(corpus: dict[str, Question]) -> None:
    found = text_titles("senior -code")
    assert corpus["promotion"].title in found
    assert corpus["phrase"].title not in found


def test_every_word_must_match(corpus: dict[str, Question]) -> None:
    assert text_titles("salary promotion") == []


def test_answers_make_their_question_findable(
    corpus: dict[str, Question], bob: User, alice: User
) -> None:
    answer = make_answer(corpus["promotion"], bob, body="Write a brag document every quarter.")
    assert corpus["promotion"].title in text_titles("brag document")
    services.answer_delete(answer=answer, actor=bob)
    assert text_titles("brag document") == []


def test_edit_reindexes_in_the_same_transaction(corpus: dict[str, Question], alice: User) -> None:
    question = corpus["promotion"]
    services.question_edit(
        question=question,
        editor=alice,
        title="How do I become a staff engineer?",
        body="Looking for a sponsor.",
        topics=list(question.topics.all()),
        card=services.ContextCard(),
        is_anonymous=False,
    )
    assert text_titles("sponsor") == ["How do I become a staff engineer?"]
    assert text_titles("promoted") == []


def test_deleted_question_leaves_the_index(corpus: dict[str, Question], alice: User) -> None:
    services.question_delete(question=corpus["jinsheng"], actor=alice)
    assert not SearchEntry.objects.filter(question=corpus["jinsheng"]).exists()
    assert not Embedding.objects.filter(question=corpus["jinsheng"]).exists()
    assert text_titles("晋升") == []
    assert corpus["jinsheng"].title not in titles("晋升答辩")


def test_failed_write_leaves_no_index_row(alice: User) -> None:
    """The index row is written in the question's transaction, so it rolls back with it."""
    with pytest.raises(Exception, match="topic"):
        services.question_create(author=alice, title="Orphan question", body="x", topics=[])
    assert text_titles("orphan") == []


def test_rebuild_command_restores_a_lost_index(corpus: dict[str, Question]) -> None:
    before = text_titles("engineer")
    SearchEntry.objects.all().delete()
    Embedding.objects.all().delete()
    assert text_titles("engineer") == []
    call_command("search_rebuild", verbosity=0)
    assert text_titles("engineer") == before
    assert Embedding.objects.count() == len(corpus)


def test_filters_by_topic_level_and_helpful(
    corpus: dict[str, Question], alice: User, bob: User
) -> None:
    interviewing = Topic.objects.get(slug="interviewing")
    assert text_titles("engineer", filters=Filters(topic_id=interviewing.pk)) == []
    assert text_titles("salary", filters=Filters(topic_id=interviewing.pk)) == [
        corpus["salary"].title
    ]
    carded = make_question(alice, title="Review says Impact E: what now?", card=make_card())
    mid = Level.objects.get(slug="mid-level")
    assert titles("impact", filters=Filters(level_id=mid.pk)) == [carded.title]
    assert titles("impact", filters=Filters(helpful=True)) == []
    answer = make_answer(carded, bob)
    services.answer_mark_helpful(question=carded, answer=answer, actor=alice)
    assert titles("impact", filters=Filters(helpful=True)) == [carded.title]


def test_pages_cover_every_match_once_in_both_sorts(alice: User) -> None:
    made = [
        make_question(alice, title=f"Roadmap question number {n}", body="Roadmap planning.")
        for n in range(7)
    ]
    for sort in ("relevance", "date"):
        seen: list[int] = []
        after = None
        for _ in range(10):
            page = search_questions(parse_query("roadmap"), sort=sort, after=after, size=3)
            seen.extend(hit.question.pk for hit in page.hits)
            if page.next_cursor is None:
                break
            after = decode_cursor(sort, page.next_cursor)
        assert sorted(seen) == sorted(q.pk for q in made), sort
        assert len(seen) == len(set(seen))
    newest_first = [
        h.question.pk for h in search_questions(parse_query("roadmap"), sort="date").hits
    ]
    assert newest_first == sorted(newest_first, reverse=True)


def test_english_query_finds_chinese_question_by_meaning(alice: User) -> None:
    chinese = make_question(
        alice,
        title="我应该为了更高的薪水跳槽吗？",
        body="现在的公司很稳定，但是别的公司给的工资高百分之三十。",
    )
    make_question(alice, title="How do I write a design document?", body="For a new service.")
    page = search_questions(parse_query("Should I change jobs for a higher salary?"))
    hits = {hit.question.pk: hit for hit in page.hits}
    assert chinese.pk in hits
    assert hits[chinese.pk].by_meaning
    assert hits[chinese.pk].question.language == "zh-hans"


@pytest.fixture
def committee(alice: User, bob: User) -> tuple[Question, Question]:
    """The same question in English and in Chinese, with an unrelated one beside them."""
    english = make_question(
        alice,
        title="How do I prepare for my first promotion committee?",
        body="The committee reads my packet next month and I have never presented to them.",
    )
    chinese = make_question(
        bob,
        title="第一次参加晋升委员会评审，应该怎么准备？",
        body="委员会下个月会审阅我的材料，我从来没有在他们面前做过陈述。",
    )
    make_question(bob, title="Which laptop is best for Rust?", body="Compile times matter.")
    return english, chinese


def test_similar_questions_cross_languages_and_skip_hidden(
    bob: User, committee: tuple[Question, Question]
) -> None:
    english, chinese = committee
    assert chinese in similar_questions(english)
    assert english not in similar_questions(english)
    services.question_delete(question=chinese, actor=bob)
    english.refresh_from_db()
    assert chinese not in similar_questions(english)


def test_missing_vector_never_breaks_similar_or_search(
    alice: User, monkeypatch: pytest.MonkeyPatch, client: Client
) -> None:
    """With no stored vectors and a model that fails, pages fall back to words."""
    first = make_question(alice, title="Burnout from on-call rotations", body="Every week.")
    second = make_question(alice, title="On-call burnout is wearing my team down", body="Help.")
    Embedding.objects.all().delete()

    def broken(texts: list[str]) -> None:
        raise RuntimeError("model unavailable")

    monkeypatch.setattr(embeddings, "embed_texts", broken)
    assert second in similar_questions(first)
    assert sorted(titles("burnout")) == sorted([first.title, second.title])
    response = client.get(first.get_absolute_url())
    assert response.status_code == 200
    assert second.title in response.content.decode()


def test_pages_find_similar_questions_by_the_stored_vector_alone(
    bob: User,
    committee: tuple[Question, Question],
    monkeypatch: pytest.MonkeyPatch,
    client: Client,
) -> None:
    """A visitor's page (which reads only the title) and a member's find the other language."""
    english, chinese = committee

    def model(texts: list[str]) -> None:
        raise AssertionError("a page waited for the model")

    monkeypatch.setattr(embeddings, "embed_texts", model)
    cache.clear()
    assert chinese.get_absolute_url() in client.get(english.get_absolute_url()).content.decode()
    cache.clear()
    client.force_login(bob)
    assert chinese.get_absolute_url() in client.get(english.get_absolute_url()).content.decode()


def test_a_reader_never_waits_for_a_missing_vector(
    alice: User, monkeypatch: pytest.MonkeyPatch, client: Client
) -> None:
    """Without a stored vector, the page lists questions by words and keeps that list briefly.

    The model is the worker's: a page read before the worker stored the vector does not
    compute it. Once the vector is stored, the next list is by meaning and kept longer.
    """
    first = make_question(alice, title="Burnout from on-call rotations", body="Every week.")
    second = make_question(alice, title="On-call burnout is wearing my team down", body="Help.")
    Embedding.objects.filter(question=first).delete()
    calls: list[list[str]] = []
    model = embeddings.embed_texts

    def watched(texts: list[str]) -> Any:
        calls.append(texts)
        return model(texts)

    monkeypatch.setattr(embeddings, "embed_texts", watched)
    similar, seconds = similar_questions_kept(first)
    assert second in similar
    assert seconds == selectors.SIMILAR_BY_WORDS_SECONDS < selectors.SIMILAR_SECONDS
    response = client.get(first.get_absolute_url())
    assert second.title in response.content.decode()
    assert calls == []
    assert indexing.embeddings_update([first.pk]) == 1
    assert len(calls) == 1
    cache.clear()  # as when the brief list expires
    similar, seconds = similar_questions_kept(first)
    assert second in similar
    assert seconds == selectors.SIMILAR_SECONDS


def test_search_page_marks_matches_and_language(
    corpus: dict[str, Question], client: Client
) -> None:
    response = client.get(reverse("search:search"), {"q": "晋升"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>晋升</mark>" in html
    assert 'lang="zh-Hans"' in html
    response = client.get(reverse("search:search"), {"q": "promotion"})
    assert "<mark>promoted</mark>" in response.content.decode()


def test_search_page_htmx_returns_only_results(corpus: dict[str, Question], client: Client) -> None:
    response = client.get(reverse("search:search"), {"q": "salary"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert corpus["salary"].title.split()[1] in html


def test_question_page_lists_similar_questions(alice: User, client: Client) -> None:
    first = make_question(alice, title="How should I ask my manager for a raise?", body="Soon.")
    second = make_question(
        alice, title="Asking my manager for a raise after a great year", body="."
    )
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Similar questions" in html
    assert second.get_absolute_url() in html


def test_search_results_escape_titles(alice: User, client: Client) -> None:
    make_question(alice, title="<script>alert(1)</script> salary question", body="salary")
    html = client.get(reverse("search:search"), {"q": "salary"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_private_nothing_of_hidden_question_reaches_search_page(
    corpus: dict[str, Question], alice: User, client: Client
) -> None:
    services.question_delete(question=corpus["promotion"], actor=alice)
    html = client.get(reverse("search:search"), {"q": "promoted senior"}).content.decode()
    assert corpus["promotion"].title not in html


def test_instant_results_match_the_word_being_typed(
    corpus: dict[str, Question], client: Client
) -> None:
    url = reverse("search:search")
    typing = client.get(url, {"q": "sala"}, headers={"HX-Request": "true"}).content.decode()
    assert corpus["salary"].get_absolute_url() in typing
    submitted = client.get(url, {"q": "sala"}).content.decode()
    assert corpus["salary"].get_absolute_url() not in submitted
    # "promo" is a word of its own for a promotion, so it finds "promoted" either way.
    submitted = client.get(url, {"q": "promo"}).content.decode()
    assert corpus["promotion"].get_absolute_url() in submitted


def test_quoted_chinese_phrase_finds_words_side_by_side(alice: User) -> None:
    post = make_question(alice, title="我想去北京大学读研究生", body="工作三年后再读书值得吗？")
    assert text_titles('"去北京大学"') == [post.title]
    assert text_titles('"北京 大学"') == [post.title]
    assert text_titles("大学") == [post.title]
    assert text_titles('"大学北京"') == []


def test_result_sections_get_the_query_and_the_filters(
    corpus: dict[str, Question], client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section above the questions is told the filters, so it can narrow as they do."""
    seen: list[SearchSubject] = []

    def section(request: object, subject: SearchSubject) -> str:
        seen.append(subject)
        return ""

    monkeypatch.setattr(results_sections, "_entries", {})
    results_sections.register("probe", section)
    topic = Topic.objects.get(slug="staff")
    level = Level.objects.get(slug="senior")
    response = client.get(
        reverse("search:search"),
        {"q": "promoted -manager", "topic": "staff", "level": "senior", "helpful": "on"},
    )
    assert response.status_code == 200
    [subject] = seen
    assert subject.query.excluded == ("manag",)
    assert subject.filters == Filters(topic_id=topic.pk, level_id=level.pk, helpful=True)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_similar_list_shows_what_fully_loaded_questions_show(
    alice: User, bob: User, language: str, django_assert_num_queries: Any
) -> None:
    """The list loads only the fields it shows, and writes what it wrote from whole rows."""
    first = make_question(
        alice,
        title="How do I prepare for my first promotion committee?",
        body="The committee reads my packet next month.",
    )
    others = [
        make_question(bob, title="第一次参加晋升委员会评审，应该怎么准备？", body="委员会下个月。"),
        make_question(
            bob, title='How do I prepare for my <first> promotion committee & "packet"?', body="."
        ),
        make_question(bob, title="Preparing a promotion packet for the committee", body="."),
        make_question(
            bob, title="My first promotion committee is next week", body=".", is_anonymous=True
        ),
    ]
    make_answer(others[2], alice)
    with translation.override(language):
        similar = similar_questions(first)
        assert len(similar) >= 3
        whole = _load_questions([q.pk for q in similar])
        expected = render_to_string(
            "search/_similar.html", {"similar": [whole[q.pk] for q in similar]}
        )
        with django_assert_num_queries(0):
            html = render_to_string("search/_similar.html", {"similar": similar})
            # What pages serve: the same HTML, written in Python.
            written = similar_html(similar)
        assert similar_html([]) == render_to_string("search/_similar.html", {"similar": []})
    assert html == expected
    assert written == expected
    assert "&lt;first&gt; promotion committee &amp; &quot;packet&quot;" in html
