"""Forms of the instructors' studio; they parse input, services decide."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rung.learn.models import Course, Lesson
from rung.learn.services import LessonText
from rung.qa.forms import TopicField
from rung.qa.models import Topic

_LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _suffix(code: str) -> str:
    return code.replace("-", "_")


class CourseField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Course) -> str:
        return obj.title


class LessonForm(forms.Form):
    """A lesson's words in each site language, its spoken language, topics and course."""

    language = forms.ChoiceField(
        label=_("Language spoken in the video"), choices=settings.LANGUAGES
    )
    topics = TopicField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("kind", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Up to five; the lesson is listed on these topics' pages."),
    )
    course = CourseField(
        label=_("Course"),
        queryset=Course.objects.all(),
        required=False,
        empty_label=_("No course"),
    )
    position = forms.IntegerField(
        label=_("Position in the course"),
        min_value=0,
        max_value=999,
        required=False,
        help_text=_("Leave it empty to put the lesson after the course's last one."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            suffix = _suffix(code)
            self.fields[f"title_{suffix}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=Lesson._meta.get_field("title").max_length,
                required=False,
            )
            self.fields[f"summary_{suffix}"] = forms.CharField(
                label=_("Summary (%(language)s)") % {"language": name},
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=2000,
                required=False,
            )
            self.fields[f"key_points_{suffix}"] = forms.CharField(
                label=_("Key points (%(language)s)") % {"language": name},
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=4000,
                required=False,
                help_text=_("One point per line."),
            )

    def text_fields(self) -> list[forms.BoundField]:
        """Return the bound fields of the words, language by language."""
        return [
            self[f"{name}_{_suffix(code)}"]
            for code, _name in settings.LANGUAGES
            for name in ("title", "summary", "key_points")
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        language = data.get("language")
        if language and not data.get(f"title_{_suffix(language)}"):
            self.add_error(
                f"title_{_suffix(language)}",
                _("Give the title in the language spoken in the video."),
            )
        return data

    def texts(self) -> dict[str, LessonText]:
        """Return the cleaned words keyed by language code."""
        data = self.cleaned_data
        return {
            code: LessonText(
                title=data[f"title_{_suffix(code)}"],
                summary=data[f"summary_{_suffix(code)}"],
                key_points=data[f"key_points_{_suffix(code)}"],
            )
            for code, _name in settings.LANGUAGES
        }


class LessonUploadForm(LessonForm):
    upload = forms.FileField(
        label=_("Video file"),
        help_text=_("MP4, MOV, MKV or WebM. It is converted for playback after the upload."),
        widget=forms.ClearableFileInput(attrs={"accept": "video/*"}),
    )


class CaptionsForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the captions"), choices=settings.LANGUAGES)
    upload = forms.FileField(
        label=_("Caption file"),
        help_text=_("WebVTT (.vtt) or SRT (.srt)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,.srt,text/vtt"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The edit page also holds the details form, whose fields share these names.
        kwargs.setdefault("auto_id", "id_captions_%s")
        super().__init__(*args, **kwargs)


class TranslateCaptionsForm(forms.Form):
    to_language = forms.ChoiceField(choices=settings.LANGUAGES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_translate_%s")
        super().__init__(*args, **kwargs)


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)


def lesson_form_initial(lesson: Lesson) -> dict[str, Any]:
    """Return an edit form's starting values from the lesson."""
    initial: dict[str, Any] = {
        "language": lesson.language,
        "topics": list(lesson.topics.all()),
        "course": lesson.course,
        # Outside a course a position means nothing; empty, it is chosen when one is.
        "position": lesson.position if lesson.course_id else None,
    }
    for code, _name in settings.LANGUAGES:
        for name in ("title", "summary", "key_points"):
            initial[f"{name}_{_suffix(code)}"] = getattr(lesson, f"{name}_{_suffix(code)}") or ""
    return initial


def language_name(code: str) -> str:
    return str(_LANGUAGE_NAMES.get(code, code))
