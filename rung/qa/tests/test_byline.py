"""`{% byline %}` and `{% avatar %}` write what the templates they replaced wrote."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.templatetags.employers import verified_employer_marks
from rung.core.templatetags.rung import avatar_html
from rung.ladder.models import Company, CompanyLevel, Level
from rung.qa.templatetags.byline import byline, reputation_short
from rung.testing import make_member
from rung.testing.corpora import corpus_lines, naughty_strings, sample

# The byline and avatar templates as they were, kept as the reference.
REFERENCE = Template(
    '{% load rung %}<span class="byline">{% if anonymous %}<span class="avatar avatar-anon" '
    'aria-hidden="true">?</span><span class="who"><span class="name">{{ anonymous_label }}'
    '</span></span>{% else %}<a href="{{ person.get_absolute_url }}" class="avatar-link" '
    'tabindex="-1">{% if person.avatar %}<img class="avatar" src="{{ person.avatar.url }}" '
    'width="32" height="32" alt="" loading="lazy">{% else %}<span class="avatar '
    'avatar-generated avatar-32 avatar-hue-{{ hue }}" aria-hidden="true">{{ person.initials }}'
    '</span>{% endif %}\n</a><span class="who"><a class="name" '
    'href="{{ person.get_absolute_url }}">{{ person.name }}</a>{% if person.headline %}'
    '<span class="headline">{{ person.headline }}</span>{% endif %}'
    "{% with company_level=person.company_level %}{% if company_level %}"
    '<span class="level-pill"><span translate="no">{{ company_level.company.name }} '
    "{{ company_level.code }}</span> · {{ company_level.level.short_name }}</span>"
    "{% if person.level and person.level_id != company_level.level_id %}"
    '<span class="level-pill">{{ person.level.short_name }}</span>{% endif %}'
    '{% elif person.company_level_other %}<span class="level-pill">'
    "{{ person.company_level_other }}{% if person.level %} · {{ person.level.short_name }}"
    '{% endif %}</span>{% elif person.level %}<span class="level-pill">'
    "{{ person.level.short_name }}</span>{% endif %}{% endwith %}</span>{% endif %}</span>\n"
)
TAG = Template("{% load byline %}{% byline person anonymous anonymous_label %}")


def _both(person: object, anonymous: bool = False, label: str = "") -> tuple[str, str]:
    hue = getattr(person, "avatar_hue", 0) * 24 // 360
    context = {"person": person, "anonymous": anonymous, "anonymous_label": label, "hue": hue}
    return REFERENCE.render(Context(context)), TAG.render(Context(context))


@pytest.mark.django_db
def test_every_kind_of_byline_is_unchanged(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    company_level = CompanyLevel.objects.select_related("company", "level").first()
    assert company_level is not None
    other_level = Level.objects.exclude(pk=company_level.level_id).first()
    people = [
        make_member(display_name="Plain <b>&"),
        make_member(headline='Staff "engineer" <i>', level=other_level),
        make_member(company_level=company_level, level=company_level.level),
        make_member(company_level=company_level, level=other_level, headline="x"),
        make_member(company_level_other="Acme L<5>", level=other_level),
        make_member(company_level_other="Acme L5"),
        make_member(
            display_name="陈 静",
            avatar=SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        ),
    ]
    for person in people:
        reference, tag = _both(person)
        assert tag == reference
    reference, tag = _both(people[0], anonymous=True, label="Anonymous <asker>")
    assert tag == reference
    assert "&lt;asker&gt;" in tag


def test_avatar_tag_sizes_and_missing_member() -> None:
    template = Template("{% load rung %}{% avatar member size %}")
    html = template.render(Context({"member": None, "size": 70}))
    assert (
        html == '<span class="avatar avatar-generated avatar-64 avatar-hue-0" aria-hidden="true">'
        "</span>\n"
    )


def _reference_avatar(member: Any, size: int = 32) -> str:
    """`avatar_html` as it was written with `format_html`."""
    size = min((32, 64, 96), key=lambda option: abs(option - size))
    picture = getattr(member, "avatar", None)
    if picture:
        return format_html(
            '<img class="avatar" src="{}" width="{}" height="{}" alt="" loading="lazy">\n',
            picture.url,
            size,
            size,
        )
    return format_html(
        '<span class="avatar avatar-generated avatar-{} avatar-hue-{}" aria-hidden="true">'
        "{}</span>\n",
        size,
        getattr(member, "avatar_hue", 0) * 24 // 360,
        getattr(member, "initials", ""),
    )


def _reference_byline(person: Any) -> str:
    """`{% byline %}` for a named author as it was written with `format_html`."""
    url = person.get_absolute_url()
    parts: list[str] = [
        format_html(
            '<span class="byline"><a href="{}" class="avatar-link" tabindex="-1">{}</a>'
            '<span class="who"><a class="name" href="{}">{}</a>',
            url,
            _reference_avatar(person, 32),
            url,
            person.name,
        )
    ]
    if person.headline:
        parts.append(format_html('<span class="headline">{}</span>', person.headline))
    parts.extend(verified_employer_marks(person))
    company_level, level = person.company_level, person.level
    if company_level:
        parts.append(
            format_html(
                '<span class="level-pill"><span translate="no">{} {}</span> · {}</span>',
                company_level.company.name,
                company_level.code,
                company_level.level.short_name,
            )
        )
        if level and person.level_id != company_level.level_id:
            parts.append(format_html('<span class="level-pill">{}</span>', level.short_name))
    elif person.company_level_other:
        parts.append(
            format_html(
                '<span class="level-pill">{}{}</span>',
                person.company_level_other,
                format_html(" · {}", level.short_name) if level else "",
            )
        )
    elif level:
        parts.append(format_html('<span class="level-pill">{}</span>', level.short_name))
    if person.reputation > 0:
        parts.append(
            format_html(
                '<a class="rep-pill" href="{}" title="{}">{}</a>',
                url,
                _("Reputation: %(n)s") % {"n": person.reputation},
                reputation_short(person.reputation),
            )
        )
    parts.append("</span></span>\n")
    return mark_safe("".join(parts))


def _hostile_people() -> list[User]:
    """Members (not saved) whose every shown field holds hostile text, in every combination
    of headline, verified employers, company level, other level, level and reputation."""
    texts = sample(naughty_strings(), 40) + sample(corpus_lines("xss/XSS_Polyglots.txt"), 10)
    usernames = ["ava.chen.38", "mei_lin-2", "x.y", "名字", "o'neil", "a b"]
    people = []
    for index, text in enumerate(texts):
        level = Level(pk=index + 1, short_name=texts[-1 - index]) if index % 4 else None
        company_level = None
        if index % 3 == 0:
            company_level = CompanyLevel(
                pk=index + 1,
                company=Company(pk=index + 1, name=text[:80]),
                code=texts[(index + 7) % len(texts)][:20],
                level=Level(pk=index + 1 if index % 2 else index + 1000, short_name=text[::-1]),
            )
        people.append(
            User(
                pk=index + 1,
                username=usernames[index % len(usernames)],
                display_name=text[:80] if index % 5 else "",
                headline=texts[(index + 3) % len(texts)] if index % 2 else "",
                verified_companies=[text[:30], "Meta"] if index % 6 == 1 else [],
                company_level=company_level,
                company_level_other=text if index % 3 == 1 else "",
                level=level,
                reputation=[0, 1, 950, 1204, 12_345, 1_234_567, -3][index % 7],
            )
        )
    return people


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_bylines_of_hostile_text_are_what_format_html_wrote(language: str) -> None:
    people = _hostile_people()
    with translation.override(language):
        for person in people:
            assert byline(person) == _reference_byline(person)
            for size in (16, 32, 48, 64, 80, 96, 200, 32.0):
                assert avatar_html(person, size) == _reference_avatar(person, size)  # type: ignore[arg-type]
        assert avatar_html(None) == _reference_avatar(None)
    assert any("rep-pill" in byline(person) for person in people)
    assert any("verified-employer" in byline(person) for person in people)
