"""The ladder admin shows staff the preset rating scales, never a member's custom one."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.ladder.models import Level, RatingChoice, RatingScale
from rung.qa.models import Topic
from rung.testing import make_member

pytestmark = pytest.mark.django_db

SECRET_NAME = "Acme S3CRET ladder"


@pytest.fixture
def custom_scale() -> RatingScale:
    owner = make_member("alice")
    scale = RatingScale.objects.create(
        slug="custom-alice", name=SECRET_NAME, is_preset=False, owner=owner
    )
    RatingChoice.objects.create(scale=scale, code="X", label="Exceeds", common_value=5)
    return scale


@pytest.fixture
def staff_with_every_permission() -> User:
    staff = make_member("mod", is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    return staff


def test_staff_list_of_scales_leaves_out_custom_scales(
    client: Client, custom_scale: RatingScale, staff_with_every_permission: User
) -> None:
    client.force_login(staff_with_every_permission)
    response = client.get(reverse("admin:ladder_ratingscale_changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert SECRET_NAME not in page
    preset = RatingScale.objects.filter(owner__isnull=True).first()
    assert preset is not None and preset.name in page


@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_staff_cannot_open_a_custom_scale(
    client: Client, custom_scale: RatingScale, staff_with_every_permission: User, view: str
) -> None:
    client.force_login(staff_with_every_permission)
    response = client.get(reverse(f"admin:ladder_ratingscale_{view}", args=[custom_scale.pk]))
    assert response.status_code != 200
    assert SECRET_NAME not in response.content.decode()


def test_staff_cannot_change_a_custom_scale(
    client: Client, custom_scale: RatingScale, staff_with_every_permission: User
) -> None:
    client.force_login(staff_with_every_permission)
    client.post(
        reverse("admin:ladder_ratingscale_change", args=[custom_scale.pk]),
        {
            "slug": custom_scale.slug,
            "name": "renamed",
            "order": "0",
            "choices-TOTAL_FORMS": "0",
            "choices-INITIAL_FORMS": "0",
        },
    )
    custom_scale.refresh_from_db()
    assert custom_scale.name == SECRET_NAME


def test_staff_can_still_open_a_preset_scale(
    client: Client, staff_with_every_permission: User
) -> None:
    preset = RatingScale.objects.filter(owner__isnull=True).first()
    assert preset is not None
    client.force_login(staff_with_every_permission)
    response = client.get(reverse("admin:ladder_ratingscale_change", args=[preset.pk]))
    assert response.status_code == 200


def test_superuser_sees_custom_scales(client: Client, custom_scale: RatingScale) -> None:
    root = make_member("root", is_staff=True, is_superuser=True)
    client.force_login(root)
    listing = client.get(reverse("admin:ladder_ratingscale_changelist"))
    assert SECRET_NAME in listing.content.decode()
    change = client.get(reverse("admin:ladder_ratingscale_change", args=[custom_scale.pk]))
    assert change.status_code == 200


def _change_page(client: Client, staff: User, url: str, fields: tuple[str, ...]) -> str:
    """Return an admin change page, checking it has both language inputs of each field."""
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    for field in fields:
        assert f'name="{field}_en"' in page
        assert f'name="{field}_zh_hans"' in page
    return page


def test_operator_edits_a_level_in_english_and_chinese_on_one_page(
    client: Client, staff_with_every_permission: User
) -> None:
    """The change page has an input per language for each content field, expectations too."""
    level = Level.objects.get(slug="mid-level")
    url = reverse("admin:ladder_level_change", args=[level.pk])
    fields = ("name", "short_name", "tagline", "summary", "next_level", "common_gaps")
    page = _change_page(client, staff_with_every_permission, url, fields)
    assert 'value="Mid-level Engineer"' in page
    assert 'value="中级工程师"' in page
    assert 'name="expectations-0-text_en"' in page
    assert 'name="expectations-0-text_zh_hans"' in page


def test_operator_edits_a_topic_in_english_and_chinese(
    client: Client, staff_with_every_permission: User
) -> None:
    url = reverse("admin:qa_topic_change", args=[Topic.objects.get(slug="promotions").pk])
    fields = ("name", "tagline", "description")
    page = _change_page(client, staff_with_every_permission, url, fields)
    assert 'value="晋升"' in page
