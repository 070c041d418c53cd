"""Forms for inviting someone to a plan and for commenting on a goal."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rung.core.submit_once import SubmitOnceForm
from rung.growth.models import PUBLIC_ID_LENGTH, Comment, Goal, ShareRole
from rung.growth.services.sharing import COMMENT_MAX_LENGTH

# Long enough for any email address (RFC 5321 caps a path at 254 characters).
INVITEE_MAX_LENGTH = 254


class ShareInviteForm(forms.Form):
    invitee = forms.CharField(
        label=_("Username or email"),
        max_length=INVITEE_MAX_LENGTH,
        help_text=_(
            "A member's username, or any email address: we mail it a link to the plan. "
            "They see the plan once they accept."
        ),
    )
    role = forms.ChoiceField(
        label=_("They can"),
        choices=ShareRole.choices,
        initial=ShareRole.READ,
        widget=forms.RadioSelect,
    )
    include_reviews = forms.BooleanField(
        label=_("Include my review history"),
        required=False,
        help_text=_("Lets them read your past review cycles and ratings too."),
    )


class CommentForm(SubmitOnceForm):
    """A comment on a goal, optionally a reply to another comment on the same goal."""

    body = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    parent = forms.CharField(max_length=PUBLIC_ID_LENGTH, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goal = goal

    def clean_parent(self) -> Comment | None:
        public_id = self.cleaned_data["parent"]
        if not public_id:
            return None
        # One lookup limited to this goal: a comment elsewhere looks the same as none at all.
        parent = Comment.objects.filter(public_id=public_id, goal=self.goal).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you replied to is not on this goal."))
        return parent
