"""Forms for asking, editing and answering; they parse input, services decide."""

import html
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse_lazy
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.accounts.selectors import members_named
from rung.core.forms import save_form
from rung.core.human_check import HumanCheckMixin
from rung.core.submit_once import SubmitOnceForm
from rung.ladder.forms import (
    EMPTY_OPTION,
    CompanyLevelChoiceField,
    LevelChoiceField,
    ScaleRatingsMixin,
)
from rung.ladder.models import Axis, RatingChoice, RatingScale
from rung.qa import services
from rung.qa.models import (
    BODY_MAX_LENGTH,
    CONTEXT_TEXT_MAX_LENGTH,
    OUTCOME_NOTE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Answer,
    OutcomeKind,
    Question,
    Topic,
)
from rung.qa.services import MAX_TOPICS, ContextCard


def first_post_fill_seconds(author: User) -> float:
    """Return how long a person takes at least to write one of their first posts, or 0.

    A member's first posts carry the fill-time check that sign-up has (docs/moderation.md);
    after `RUNG_FIRST_POSTS_CHECKED` of them, only the hidden field is checked.
    """
    least = settings.RUNG_FIRST_POST_MIN_SECONDS
    checked = settings.RUNG_FIRST_POSTS_CHECKED
    if least <= 0 or checked <= 0:
        return 0
    written = Question.objects.filter(author=author).count()
    if written < checked:
        written += Answer.objects.filter(author=author)[: checked - written].count()
    return least if written < checked else 0


# Bodies offer member names after "@" as one types (rung.js); the address they ask.
MENTION_SOURCE = {
    "data-mention-source": reverse_lazy("accounts:member_suggest"),
    "data-mention-label": _("Members to mention"),
}


class TopicField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.name


def last_used_scale(member: AbstractBaseUser | AnonymousUser) -> RatingScale | None:
    """Return the scale on the member's latest question with a rating scale, if any."""
    if not member.is_authenticated:
        return None
    question = (
        Question.objects.filter(author_id=member.pk, ctx_scale__isnull=False)
        .select_related("ctx_scale")
        .order_by("-created_at", "-id")
        .first()
    )
    return question.ctx_scale if question is not None else None


class QuestionForm(HumanCheckMixin, ScaleRatingsMixin, SubmitOnceForm):
    """A question with its context card; rating fields are added per rubric axis."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": _("Ask one clear question")}),
    )
    body = forms.CharField(
        label=_("Details"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10, **MENTION_SOURCE}),
        help_text=_("Markdown: headings, lists, quotes and code blocks work."),
    )
    topics = TopicField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pick 1 to 5, usually your level plus a subject."),
    )
    level = LevelChoiceField(label=_("Current level"), required=False)
    years = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=60, required=False
    )
    company = forms.CharField(
        label=_("Company"),
        max_length=120,
        required=False,
        help_text=_("Optional. Leave empty to keep your employer private."),
    )
    company_level = CompanyLevelChoiceField(
        label=_("Company level"),
        required=False,
        help_text=_(
            "Optional: your level in your company's terms, such as Meta E5. It names your "
            "employer, so leave it empty to keep that private."
        ),
    )
    scale: forms.ModelChoiceField[RatingScale] = forms.ModelChoiceField(
        label=_("Rating scale of your last review"),
        queryset=RatingScale.objects.none(),
        required=False,
        empty_label=EMPTY_OPTION[1],
    )
    focus = forms.CharField(
        label=_("Question focus"), max_length=CONTEXT_TEXT_MAX_LENGTH, required=False
    )
    feedback_wanted = forms.CharField(
        label=_("Would love feedback on"), max_length=CONTEXT_TEXT_MAX_LENGTH, required=False
    )
    is_anonymous = forms.BooleanField(
        label=_("Post anonymously"),
        required=False,
        help_text=_(
            "Shown as an anonymous member of your level. Moderators can still act on abuse."
        ),
    )

    def __init__(
        self,
        *args: Any,
        user: AbstractBaseUser | AnonymousUser,
        default_scale: RatingScale | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.axes = list(Axis.objects.all())
        # Presets plus the asker's own custom scales: another member's scale is private.
        scales = RatingScale.objects.visible_to(user).order_by("-is_preset", "order", "name", "pk")
        self.setup_scale_ratings(scales, fallback=default_scale)
        for axis in self.axes:
            self.fields[self.rating_field_name(axis)] = self.rating_field(axis.name)

    @staticmethod
    def rating_field_name(axis: Axis) -> str:
        return f"rating_{axis.slug.replace('-', '_')}"

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[self.rating_field_name(axis)] for axis in self.axes]

    def clean_topics(self) -> list[Topic]:
        topics = list(self.cleaned_data["topics"])
        if len(topics) > MAX_TOPICS:
            raise forms.ValidationError(
                _("Choose at most %(max)d topics."), params={"max": MAX_TOPICS}
            )
        return topics

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Write a title."))
        return title

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        scale: RatingScale | None = data.get("scale")
        ratings: dict[Axis, RatingChoice] = {}
        for axis in self.axes:
            name = self.rating_field_name(axis)
            pk = data.get(name)
            if pk is not None and scale is None and "scale" not in self.errors:
                # A rating picked without a scale names its own scale.
                scale = self.usable_ratings[pk].scale
                data["scale"] = scale
            choice = self.rating_on_scale(name, pk, scale)
            if choice is not None:
                ratings[axis] = choice
        data["ratings"] = ratings
        return data

    def card(self) -> ContextCard:
        data = self.cleaned_data
        ratings = data.get("ratings", {})
        return ContextCard(
            level=data.get("level"),
            years=data.get("years"),
            company=data.get("company", "").strip(),
            company_level=data.get("company_level"),
            # The scale is preselected for convenience; without a rating it says nothing.
            scale=data.get("scale") if ratings else None,
            ratings=ratings,
            focus=data.get("focus", "").strip(),
            feedback_wanted=data.get("feedback_wanted", "").strip(),
        )

    def ask(self, author: User) -> Question | None:
        """Ask the question the form describes: None, with the errors on the form, if not."""
        self.min_fill_seconds = first_post_fill_seconds(author)
        return save_form(
            self,
            lambda data: services.question_create(
                author=author,
                title=data["title"],
                body=data["body"],
                topics=data["topics"],
                card=self.card(),
                is_anonymous=data["is_anonymous"],
                submit_token=data.get("submit_token"),
            ),
        )

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        """Return the initial data that shows an existing question in the form."""
        initial: dict[str, Any] = {
            "title": question.title,
            "body": question.body,
            "topics": list(question.topics.all()),
            "level": question.ctx_level,
            "years": question.ctx_years,
            "company": question.ctx_company,
            "company_level": question.ctx_company_level_id,
            "scale": question.ctx_scale,
            "focus": question.ctx_focus,
            "feedback_wanted": question.ctx_feedback_wanted,
            "is_anonymous": question.is_anonymous,
        }
        for rating in question.ratings.select_related("axis"):
            initial[cls.rating_field_name(rating.axis)] = rating.choice_id
        return initial


class AnswerForm(HumanCheckMixin, SubmitOnceForm):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, **MENTION_SOURCE}),
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(_("Write something first."))
        return body


class ReplyForm(AnswerForm):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, **MENTION_SOURCE}),
    )


class OutcomeForm(forms.Form):
    """What happened after asking: a kind, and a short note in plain text."""

    kind = forms.ChoiceField(
        label=_("What happened?"),
        choices=OutcomeKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what happened."),
            "invalid_choice": _("Choose what happened."),
        },
    )
    note = forms.CharField(
        label=_("A few words on it (optional)"),
        max_length=OUTCOME_NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Plain text. Everyone who can see your question reads it, and it never shows "
            "your name on an anonymous question."
        ),
    )
    helped = forms.TypedMultipleChoiceField(
        label=_("Which answers helped? (optional)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their authors are told, and it counts most towards their reputation."),
        error_messages={
            "invalid_choice": _("Choose among the answers to this question by other members.")
        },
    )

    def __init__(self, *args: Any, answers: Sequence[Answer] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["helped"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(answer.pk, answer_choice_label(answer)) for answer in answers]
        if not answers:
            del self.fields["helped"]


def answer_choice_label(answer: Answer) -> str:
    """Name an answer in a list of choices: its author and how it begins, as readers see it
    (the rendered text without its Markdown), cut at a word with an ellipsis."""
    text = " ".join(html.unescape(strip_tags(answer.body_html)).split())
    return f"{answer.author.name}: {Truncator(text).chars(120)}"


class InviteForm(forms.Form):
    """The member the asker invites to answer, by username ("@" in front is fine)."""

    username = forms.CharField(label=_("Username"), max_length=150)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip().removeprefix("@")
        if not username:
            raise forms.ValidationError(_("Enter the username of the member to invite."))
        invitee = members_named([username]).get(username)
        if invitee is None:
            # Usernames are public (they are in every profile address), so this tells nothing.
            raise forms.ValidationError(_("No member with that username."))
        self.cleaned_data["invitee"] = invitee
        return username
