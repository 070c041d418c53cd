from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from rung.accounts import services
from rung.accounts.forms import ProfileForm
from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.accounts.slots import profile_sections


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    try:
        member = User.objects.select_related("level", "track").get(
            username=username, is_active=True
        )
    except User.DoesNotExist:
        raise Http404("No such member.") from None
    return render(
        request,
        "accounts/profile.html",
        {
            "member": member,
            # The member's posts and whatever else apps above accounts show (accounts/slots.py).
            "sections": profile_sections.render(request, member),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request: MemberRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            member = services.profile_save(form=form)
            if member.ui_language:
                # Confirm in the language just chosen: the next page will be in it too.
                translation.activate(member.ui_language)
            messages.success(request, _("Your profile was saved."))
            return redirect(user.get_absolute_url())
        status = 400
    else:
        form = ProfileForm(instance=user)
        status = 200
    return render(request, "accounts/profile_edit.html", {"form": form}, status=status)
