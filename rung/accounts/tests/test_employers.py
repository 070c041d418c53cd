"""Verified employers: a confirmed work address shows "✓ Company", never the address."""

import datetime as dt
from typing import Any

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts import employers
from rung.accounts.admin import CompanyDomainForm
from rung.accounts.models import CompanyDomain, EmployerVerification, User
from rung.core.people_version import people_version
from rung.notifications import due_work
from rung.qa.models import Question
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

WORK = "alice.chen@eng.meta.com"


def _add_address(member: User, email: str) -> EmailAddress:
    """Add a second address, as on the e-mail page (the sign-up one is there already)."""
    EmailAddress.objects.get_or_create(
        user=member, email=member.email, defaults={"verified": True, "primary": True}
    )
    return EmailAddress.objects.create(user=member, email=email, verified=False, primary=False)


def _confirm(client: Client, address: EmailAddress) -> Any:
    """Open the mail's link and press its button, as the member would."""
    key = EmailConfirmationHMAC(address).key
    url = reverse("account_confirm_email", args=[key])
    assert client.get(url).status_code == 200
    return client.post(url, follow=True)


def _refresh(member: User) -> User:
    member.refresh_from_db()
    return member


# --- domains ------------------------------------------------------------------------------


def test_the_starter_list_maps_well_known_employers_and_links_the_ladder() -> None:
    meta = CompanyDomain.objects.get(domain="meta.com")
    assert meta.company_name == "Meta" and meta.company is not None
    assert meta.company.slug == "meta"
    assert CompanyDomain.objects.get(domain="fb.com").company_name == "Meta"
    assert CompanyDomain.objects.get(domain="alibaba-inc.com").company_name == "Alibaba"
    assert not CompanyDomain.objects.filter(domain__in=employers.FREE_MAIL_DOMAINS).exists()


@pytest.mark.parametrize(
    ("email", "company"),
    [
        ("a@meta.com", "Meta"),
        ("a@META.com", "Meta"),
        ("a@eng.meta.com", "Meta"),
        ("a@deep.eng.meta.com.", "Meta"),
        ("a@fb.com", "Meta"),
        ("a@notmeta.com", None),
        ("a@meta.com.evil.org", None),
        ("a@gmail.com", None),
        ("no-at-sign", None),
        ("a@", None),
    ],
)
def test_an_address_maps_to_its_domain_or_a_parent_of_it(email: str, company: str | None) -> None:
    mapping = employers.company_domain_for(email)
    assert (mapping.company_name if mapping else None) == company


def test_a_more_specific_mapping_wins_and_unicode_domains_match_in_their_ascii_form() -> None:
    CompanyDomain.objects.create(domain="research.google.com", company_name="Google Research")
    mapping = employers.company_domain_for("x@lab.research.google.com")
    assert mapping is not None and mapping.company_name == "Google Research"
    CompanyDomain.objects.create(domain=employers.normalize_domain("Bücher.de"), company_name="B")
    assert employers.normalize_domain("bücher.DE") == "xn--bcher-kva.de"
    found = employers.company_domain_for("y@shop.bücher.de")
    assert found is not None and found.company_name == "B"


@pytest.mark.parametrize(
    "domain",
    [
        "gmail.com",
        "hotmail.co.uk",
        "yahoo.co.jp",
        "yandex.ru",
        "gmx.de",
        "qq.com",
        "163.com",
        "mail.yahoo.com",
        "outlook.com",
        "proton.me",
    ],
)
def test_free_mail_never_verifies_even_if_mapped(domain: str) -> None:
    assert employers.is_free_mail(domain)
    CompanyDomain.objects.create(domain=domain, company_name="Nobody")
    assert employers.company_domain_for(f"someone@{domain}") is None
    assert employers.address_status(f"someone@{domain}").kind == "free"


@pytest.mark.parametrize("domain", ["gmail.com", "Hotmail.co.uk", "@yahoo.com", "QQ.com"])
def test_the_admin_refuses_to_map_a_free_mail_domain(domain: str) -> None:
    form = CompanyDomainForm(data={"domain": domain, "company_name": "Fake"})
    assert not form.is_valid()
    assert "free-mail domain" in str(form.errors["domain"])


@pytest.mark.parametrize("domain", ["https://x.com", "x", "a..b", "-a.com", "a b.com"])
def test_the_admin_refuses_what_is_not_a_domain(domain: str) -> None:
    form = CompanyDomainForm(data={"domain": domain, "company_name": "X"})
    assert not form.is_valid() and "domain" in form.errors


def test_the_admin_stores_a_domain_lower_case_and_in_ascii() -> None:
    form = CompanyDomainForm(data={"domain": " Bücher-Corp.DE ", "company_name": "Bücher"})
    assert form.is_valid(), form.errors
    mapping = employers.company_domain_save(mapping=form.save(commit=False))
    assert mapping.domain == "bücher-corp.de".encode("idna").decode()
    assert mapping.domain.startswith("xn--")


def test_admin_pages_for_mappings_and_verifications(admin_client: Client, alice: User) -> None:
    employers.employer_verification_confirm(member=alice, email=WORK)
    listing = admin_client.get(reverse("admin:accounts_companydomain_changelist") + "?q=meta")
    assert listing.status_code == 200 and "meta.com" in listing.content.decode()
    refused = admin_client.post(
        reverse("admin:accounts_companydomain_add"), {"domain": "gmail.com", "company_name": "G"}
    )
    assert refused.status_code == 200 and "free-mail domain" in refused.content.decode()
    operators = admin_client.get(reverse("admin:accounts_employerverification_changelist"))
    assert WORK in operators.content.decode()
    assert admin_client.get(reverse("admin:accounts_employerverification_add")).status_code == 403


def test_renaming_or_removing_a_mapping_updates_the_marks(alice: User) -> None:
    employers.employer_verification_confirm(member=alice, email=WORK)
    mapping = CompanyDomain.objects.get(domain="meta.com")
    mapping.company_name = "Meta Platforms"
    employers.company_domain_save(mapping=mapping)
    assert _refresh(alice).verified_companies == ["Meta Platforms"]
    employers.company_domains_delete(mappings=[mapping])
    assert _refresh(alice).verified_companies == []


# --- confirming, lapsing, renewing ------------------------------------------------------------


def test_confirming_a_work_address_verifies_its_company(alice: User, alice_client: Client) -> None:
    address = _add_address(alice, WORK)
    before = people_version()
    page = _confirm(alice_client, address).content.decode()
    assert "now show ✓ Meta" in page
    verification = EmployerVerification.objects.get(member=alice)
    assert verification.email == WORK and verification.company_name == "Meta"
    assert verification.lapsed_at is None
    days = (verification.expires_at - verification.verified_at).days
    assert days == 365
    assert _refresh(alice).verified_companies == ["Meta"]
    assert people_version() != before


def test_the_period_follows_the_setting(alice: User, settings: Any) -> None:
    settings.RUNG_EMPLOYER_VERIFICATION_DAYS = 30
    verification = employers.employer_verification_confirm(member=alice, email=WORK)
    assert verification is not None
    assert (verification.expires_at - verification.verified_at) == dt.timedelta(days=30)


def test_an_unmapped_domain_verifies_nothing_and_says_why(
    alice: User, alice_client: Client
) -> None:
    page = _confirm(alice_client, _add_address(alice, "alice@tiny-startup.io")).content.decode()
    assert "No employer was verified" in page
    assert not EmployerVerification.objects.exists()
    assert _refresh(alice).verified_companies == []


def test_a_free_mail_address_verifies_nothing(alice: User, alice_client: Client) -> None:
    CompanyDomain.objects.create(domain="gmail.com", company_name="Google")  # past the form
    page = _confirm(alice_client, _add_address(alice, "alice.c@gmail.com")).content.decode()
    assert "verifies no employer" in page
    assert not EmployerVerification.objects.exists()


def test_removing_the_address_lapses_the_mark(alice: User, alice_client: Client) -> None:
    _confirm(alice_client, _add_address(alice, WORK))
    response = alice_client.post(reverse("account_email"), {"action_remove": "", "email": WORK})
    assert response.status_code == 302
    verification = EmployerVerification.objects.get(member=alice)
    assert verification.lapsed_at is not None
    assert _refresh(alice).verified_companies == []


def test_an_address_unconfirmed_or_deleted_elsewhere_lapses_the_mark(alice: User) -> None:
    address = _add_address(alice, WORK)
    address.verified = True
    address.save()
    employers.employer_verification_confirm(member=alice, email=WORK)
    address.verified = False
    address.save()  # as an operator would in the admin
    assert _refresh(alice).verified_companies == []
    address.verified = True
    address.save()
    employers.employer_verification_confirm(member=alice, email=WORK)
    address.delete()
    assert _refresh(alice).verified_companies == []


def test_the_sweep_lapses_expired_marks_and_is_due_work(alice: User, bob: User) -> None:
    assert employers.employer_verifications_lapse in due_work._registered
    now = timezone.now()
    for member in (alice, bob):
        address = _add_address(member, f"{member.username}@meta.com")
        address.verified = True
        address.save()
    employers.employer_verification_confirm(member=alice, email="alice@meta.com", now=now)
    employers.employer_verification_confirm(
        member=bob, email="bob@meta.com", now=now + dt.timedelta(days=10)
    )
    assert employers.employer_verifications_lapse(now + dt.timedelta(days=300)) == 0
    assert employers.employer_verifications_lapse(now + dt.timedelta(days=366)) == 1
    assert _refresh(alice).verified_companies == []
    assert _refresh(bob).verified_companies == ["Meta"]
    assert employers.employer_verifications_lapse(now + dt.timedelta(days=366)) == 0
    report = due_work.run_due(now + dt.timedelta(days=400))
    assert report[due_work.work_name(employers.employer_verifications_lapse)] == 1
    assert _refresh(bob).verified_companies == []


def test_two_addresses_at_one_company_show_once_and_companies_are_ordered(alice: User) -> None:
    for email in ("a@meta.com", "a@fb.com", "a@baidu.com"):
        employers.employer_verification_confirm(member=alice, email=email)
    assert _refresh(alice).verified_companies == ["Baidu", "Meta"]
    employers.employer_verification_lapse(member=alice, email="a@meta.com")
    assert _refresh(alice).verified_companies == ["Baidu", "Meta"]  # fb.com is still live


def test_confirming_again_by_mail_renews_the_mark(
    alice: User, alice_client: Client, settings: Any
) -> None:
    address = _add_address(alice, WORK)
    _confirm(alice_client, address)
    old = EmployerVerification.objects.get(member=alice)
    EmployerVerification.objects.filter(pk=old.pk).update(
        verified_at=old.verified_at - dt.timedelta(days=350),
        expires_at=timezone.now() + dt.timedelta(days=15),
    )
    page = alice_client.get(reverse("accounts:employer")).content.decode()
    assert "Expires on" in page and "confirm again" in page
    mail.outbox.clear()
    response = alice_client.post(reverse("accounts:employer"), {"again": WORK})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [WORK]
    link = next(w for w in message.body.split() if "/members/me/employer/again/" in w)
    visitor = Client()  # the link works from the mail, logged in or not
    assert "Confirm your work address again" in visitor.get(link).content.decode()
    assert visitor.post(link).status_code == 302
    renewed = EmployerVerification.objects.get(member=alice)
    assert renewed.expires_at - timezone.now() > dt.timedelta(days=360)
    assert _refresh(alice).verified_companies == ["Meta"]


def test_a_confirm_again_link_for_a_removed_address_or_a_forged_key_is_404(
    alice: User, alice_client: Client
) -> None:
    address = _add_address(alice, WORK)
    _confirm(alice_client, address)
    key = employers.reconfirm_key(member=alice, email=WORK)
    assert Client().get(reverse("accounts:employer_again", args=[key + "x"])).status_code == 404
    address.refresh_from_db()
    address.delete()
    assert Client().post(reverse("accounts:employer_again", args=[key])).status_code == 404
    assert _refresh(alice).verified_companies == []


def test_a_member_takes_a_mark_off_and_bad_choices_are_400(
    alice: User, alice_client: Client, bob: User
) -> None:
    _confirm(alice_client, _add_address(alice, WORK))
    bobs = employers.employer_verification_confirm(member=bob, email="bob@meta.com")
    assert bobs is not None
    url = reverse("accounts:employer")
    assert alice_client.post(url, {"withdraw": bobs.pk}).status_code == 400
    assert alice_client.post(url, {"withdraw": "x"}).status_code == 400
    assert alice_client.post(url, {"again": "bob@meta.com"}).status_code == 400
    assert alice_client.post(url, {"again": "alice@example.com"}).status_code == 400
    assert _refresh(bob).verified_companies == ["Meta"]
    mine = EmployerVerification.objects.get(member=alice)
    assert alice_client.post(url, {"withdraw": mine.pk}).status_code == 302
    assert _refresh(alice).verified_companies == []


def test_the_page_explains_and_lists_addresses_with_what_they_verify(
    alice: User, alice_client: Client
) -> None:
    _confirm(alice_client, _add_address(alice, WORK))
    _add_address(alice, "alice@qq.com")
    _add_address(alice, "alice@tiny-startup.io")
    page = alice_client.get(reverse("accounts:employer")).content.decode()
    assert "Verifies Meta." in page
    assert "A free-mail address: it verifies no employer." in page
    assert "Ask the site&#x27;s operator" in page or "Ask the site's operator" in page
    assert "alibaba-inc.com" in page  # the companies Rung recognises
    email_page = alice_client.get(reverse("account_email")).content.decode()
    assert reverse("accounts:employer") in email_page
    assert "Work: Meta" in email_page and "Free mail: verifies no employer" in email_page
    edit = alice_client.get(reverse("accounts:profile_edit")).content.decode()
    assert reverse("accounts:employer") in edit


# --- where the mark shows, and where the address never does -----------------------------------


def test_the_mark_shows_on_answers_profile_and_search_but_never_the_address(
    alice: User, bob: User, client: Client
) -> None:
    question = make_question(bob, title="How do I prepare for a staff promotion packet?")
    make_answer(question, alice)
    employers.employer_verification_confirm(member=alice, email=WORK)
    own = make_question(alice, title="Choosing between two platform teams offers")
    pages = {
        "answer": client.get(question.get_absolute_url()).content.decode(),
        "profile": client.get(alice.get_absolute_url()).content.decode(),
        "search": client.get(reverse("search:search"), {"q": "platform teams"}).content.decode(),
        "directory": client.get(reverse("accounts:directory")).content.decode(),
    }
    assert 'class="verified-employer"' in pages["answer"]
    assert "Verified employer: works at Meta" in pages["answer"]
    assert ">Meta</span>" in pages["profile"] and "verified-employer" in pages["profile"]
    assert own.get_absolute_url() in pages["search"] and "verified-employer" in pages["search"]
    for name, html in pages.items():
        assert WORK not in html and "eng.meta.com" not in html, name


def test_a_cached_answer_page_shows_the_mark_once_it_is_verified(
    alice: User, bob: User, client: Client
) -> None:
    question = make_question(bob)
    make_answer(question, alice)
    assert "verified-employer" not in client.get(question.get_absolute_url()).content.decode()
    employers.employer_verification_confirm(member=alice, email=WORK)
    from rung.core import people_version as version_module

    version_module._memo["read_at"] = 0.0  # another second has passed
    assert "verified-employer" in client.get(question.get_absolute_url()).content.decode()


def test_an_anonymous_post_shows_no_mark(alice: User, bob: User, client: Client) -> None:
    employers.employer_verification_confirm(member=alice, email=WORK)
    question: Question = make_question(alice, is_anonymous=True)
    make_answer(question, alice, body="More detail from the asker, still anonymous.")
    html = client.get(question.get_absolute_url()).content.decode()
    assert "verified-employer" not in html and "Meta" not in html.split("<main", 1)[1]


def test_a_new_member_with_a_mapped_sign_up_address_is_verified_on_confirming() -> None:
    member = make_member("carol", email="carol@apple.com")
    address = EmailAddress.objects.create(user=member, email="carol@apple.com", primary=True)
    client = Client()
    client.force_login(member)
    _confirm(client, address)
    assert _refresh(member).verified_companies == ["Apple"]
