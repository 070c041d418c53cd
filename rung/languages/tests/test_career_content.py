"""Level, topic, axis and rating names come out in the reader's interface language."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.testing import make_card, make_member, make_question

pytestmark = pytest.mark.django_db

CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _page(client: Client, url: str, headers: dict[str, str]) -> str:
    response = client.get(url, **headers)  # type: ignore[arg-type]
    assert response.status_code == 200
    return response.content.decode()


def test_level_topic_page_and_guide_in_chinese(client: Client) -> None:
    page = _page(client, reverse("qa:topic", args=["mid-level"]), CHINESE)
    assert "<title>中级工程师 — 职业发展视频、论坛与问答</title>" in page
    assert "中级工程师 — 职业发展视频、论坛与问答</h1>" in page
    assert "了解中级工程师</h2>" in page
    for text in ("影响力", "团队协作", "技术能力", "领导力与担当", "独立交付几周规模的功能"):
        assert text in page
    for english in ("Mid-level Engineer", "Teamwork", "Q&A", "Q&amp;A", "Learn about"):
        assert english not in page


def test_level_topic_page_and_guide_in_english(client: Client) -> None:
    page = _page(client, reverse("qa:topic", args=["mid-level"]), ENGLISH)
    assert "Mid-level Engineer — Career Development Videos, Forum, and Q&amp;A</h1>" in page
    assert "Learn about Mid-level Engineer" in page
    assert "Teamwork" in page
    assert "中级工程师" not in page
    assert "团队协作" not in page


def test_subject_topic_page_in_each_language(client: Client) -> None:
    url = reverse("qa:topic", args=["promotions"])
    chinese = _page(client, url, CHINESE)
    assert "<title>晋升 — 论坛与问答</title>" in chinese
    assert "晋升很少取决于某一个大项目" in chinese
    english = _page(client, url, ENGLISH)
    assert "<title>Promotions — Forum and Q&A</title>" in english
    assert "A promotion rarely hinges on one big project" in english


def test_cached_parts_are_not_shared_between_languages(client: Client) -> None:
    """The guide and the home ladder are cached fragments; each language gets its own."""
    url = reverse("qa:topic", args=["senior"])
    assert "高级工程师" in _page(client, url, CHINESE)
    assert "Senior Engineer" in _page(client, url, ENGLISH)
    assert "Senior Engineer" not in _page(client, url, CHINESE)
    assert "资深工程师" in _page(client, reverse("home"), CHINESE)
    assert "Staff Engineer" in _page(client, reverse("home"), ENGLISH)


def test_question_context_card_in_each_language(client: Client) -> None:
    asker = make_member("asker")
    question = make_question(asker, card=make_card())
    url = question.get_absolute_url()
    chinese = _page(client, url, CHINESE)
    card = chinese.split('class="context-card"')[1].split("</section>")[0]
    for text in ("中级工程师", "影响力", "团队协作", "技术能力", "E / M+ / M / M- / I 五档制"):
        assert text in card
    assert 'title="达到预期（偏上）"' in card
    assert "Teamwork" not in card
    english = _page(client, url, ENGLISH)
    card = english.split('class="context-card"')[1].split("</section>")[0]
    for text in ("Mid-level Engineer", "Impact", "Teamwork", "Technical Skills"):
        assert text in card
    assert "影响力" not in card


def test_ask_form_selects_list_levels_and_ratings_in_chinese(client: Client) -> None:
    client.force_login(make_member("asker", ui_language="zh-hans"))
    page = _page(client, reverse("qa:ask"), {})
    assert "中级工程师" in page
    assert "M+ — 达到预期（偏上）" in page
    assert "Mid-level Engineer" not in page
    assert "Meets+" not in page
