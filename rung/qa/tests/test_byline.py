"""`{% byline %}` and `{% avatar %}` write what the templates they replaced wrote."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template

from rung.ladder.models import CompanyLevel, Level
from rung.testing import make_member

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
