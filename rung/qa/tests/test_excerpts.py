"""Question excerpts on cards: cut by display width when saved, and recut for old rows."""

import importlib

from django.apps import apps

from rung.accounts.models import User
from rung.core.text_width import display_width
from rung.qa.models import Question
from rung.testing import make_question

ZH_BODY = "我在大厂做了三年后端开发，经理说我的影响力不够，应该怎么准备晋升？" * 10
EN_BODY = "My manager says I need more impact before the next review. What should I change? " * 10


def test_chinese_and_english_card_excerpts_take_the_same_room(alice: User) -> None:
    chinese = make_question(alice, title="如何准备晋升答辩？", body=ZH_BODY)
    english = make_question(alice, title="How do I prepare for promotion?", body=EN_BODY)
    for question in (chinese, english):
        assert question.excerpt.endswith("…")
        assert 220 <= display_width(question.excerpt) <= 240
    assert len(chinese.excerpt) < 0.6 * len(english.excerpt)


def test_migration_recuts_excerpts_stored_by_character_count(alice: User) -> None:
    question = make_question(alice, title="如何准备晋升答辩？", body=ZH_BODY)
    Question.objects.filter(pk=question.pk).update(excerpt=ZH_BODY[:239] + "…")
    migration = importlib.import_module("rung.qa.migrations.0010_excerpts_by_width")
    migration.recut_excerpts(apps, None)
    question.refresh_from_db()
    assert display_width(question.excerpt) <= 240 and question.excerpt.endswith("…")
