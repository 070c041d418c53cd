"""The member's "Verified employer" page and the link that confirms a work address again."""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.utils import build_absolute_uri
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rung.accounts import employers
from rung.accounts.models import CompanyDomain, User
from rung.accounts.requests import MemberRequest
from rung.core import ratelimit
from rung.core.forms import FORM_ERROR_STATUS

# Confirmation mails a member may ask for from this page: enough to fix a typo or a lost
# mail, too few to use Rung to fill someone's mailbox.
AGAIN_RATE = ratelimit.Rate(5, 3600)


def _page(request: MemberRequest, status: int = 200, error: str = "") -> HttpResponse:
    member = request.user
    now = timezone.now()
    verifications = employers.member_verifications(member)
    rows_kept = list(EmailAddress.objects.filter(user=member).order_by("-primary", "email"))
    if member.email and member.email.lower() not in {a.email.lower() for a in rows_kept}:
        # The account's own address, before the e-mail page has listed it (allauth adds its
        # row then): shown as it will be there, primary and not yet confirmed.
        rows_kept.insert(0, EmailAddress(user=member, email=member.email, primary=True))
    addresses = [(address, employers.address_status(address.email)) for address in rows_kept]
    live_emails = {v.email.lower() for v in verifications if employers.verification_is_live(v, now)}
    # Addresses that can verify their company again: the member's, confirmed, on a mapping.
    renewable = {
        address.email.lower()
        for address, status_ in addresses
        if address.verified and status_.kind == "company"
    }
    rows = [
        {
            "verification": v,
            "live": employers.verification_is_live(v, now),
            "renew_soon": employers.verification_renew_soon(v, now),
            "can_again": v.email.lower() in renewable,
        }
        for v in verifications
    ]
    companies: dict[str, list[str]] = {}
    for mapping in CompanyDomain.objects.order_by("company_name", "domain"):
        companies.setdefault(mapping.company_name, []).append(mapping.domain)
    context = {
        "rows": rows,
        "addresses": [
            {
                "address": address,
                "status": status_,
                "live": address.email.lower() in live_emails,
            }
            for address, status_ in addresses
        ],
        "companies": sorted(companies.items(), key=lambda item: item[0].casefold()),
        "days": employers.verification_days(),
        "error": error,
    }
    return render(request, "accounts/employer.html", context, status=status)


def _send_again(request: MemberRequest, address: EmailAddress) -> None:
    member = request.user
    if address.verified:
        key = employers.reconfirm_key(member=member, email=address.email)
        url = build_absolute_uri(request, reverse("accounts:employer_again", args=[key]))
        get_adapter(request).send_mail(
            "account/email/employer_confirm_again",
            address.email,
            {
                "user": member,
                "activate_url": url,
                "company": employers.address_status(address.email).company_name,
                "days": employers.RECONFIRM_LINK_DAYS,
            },
        )
    else:
        address.send_confirmation(request)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def employer(request: MemberRequest) -> HttpResponse:
    """Explain verified employers; list the member's marks and work addresses; confirm again."""
    if request.method != "POST":
        return _page(request)
    member = request.user
    if "withdraw" in request.POST:
        try:
            verification_id = int(request.POST.get("withdraw", ""))
        except ValueError:
            return _page(request, FORM_ERROR_STATUS, _("Choose a mark to take off."))
        if not employers.employer_verification_withdraw(
            member=member, verification_id=verification_id
        ):
            return _page(request, FORM_ERROR_STATUS, _("Choose a mark to take off."))
        messages.success(request, _("The mark is off your profile."))
        return redirect("accounts:employer")
    email = request.POST.get("again", "").strip()
    addresses = EmailAddress.objects.filter(user=member, email__iexact=email)
    address = addresses.first() if email else None
    if address is None or employers.address_status(address.email).kind != "company":
        return _page(
            request, FORM_ERROR_STATUS, _("Choose one of your work addresses to confirm again.")
        )
    if settings.RUNG_RATE_LIMITS:
        verdict = ratelimit.hit("employer-again", str(member.pk), AGAIN_RATE)
        if not verdict.allowed:
            limited = ratelimit.Limited(
                _("Too many confirmation mails for now; try again later."), verdict.retry_after
            )
            return ratelimit.limited_response(request, limited)
    _send_again(request, address)
    messages.success(
        request, _("We sent a confirmation link to your work address. Open it to confirm.")
    )
    return redirect("accounts:employer")


@require_http_methods(["GET", "HEAD", "POST"])
def employer_again(request: HttpRequest, key: str) -> HttpResponse:
    """A confirm-again link from the mail: the page asks, its button renews the mark."""
    target = employers.reconfirm_target(key)
    if target is None:
        raise Http404(_("This link is not valid any more. Ask for a new one."))
    member, email = target
    company = employers.address_status(email).company_name
    if request.method == "POST":
        verification = employers.employer_verification_confirm(member=member, email=email)
        if verification is None:
            raise Http404(_("This address no longer verifies an employer."))
        messages.success(
            request,
            _("Confirmed: ✓ %(company)s shows until %(date)s.")
            % {
                "company": verification.company_name,
                "date": formats.date_format(timezone.localtime(verification.expires_at)),
            },
        )
        if request.user.is_authenticated and request.user.pk == member.pk:
            return redirect("accounts:employer")
        return redirect(member.get_absolute_url())
    return render(
        request,
        "accounts/employer_again.html",
        {"member": member, "company": company, "is_member": isinstance(request.user, User)},
    )
