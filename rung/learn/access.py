"""Who may watch and who may edit a lesson or course: the only way views fetch them.

Readers see published lessons that are ready to play. Instructors (staff, superusers and
members of the Instructors group) publish lessons; each edits their own, staff edit all.
A lesson a reader may not see is a 404, the same as one that does not exist.
"""

from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import Q
from django.http import Http404

from rung.accounts.models import User
from rung.learn.models import Course, Lesson, LessonStatus

INSTRUCTORS_GROUP = "Instructors"

Member = User | AnonymousUser | None


def is_instructor(member: Member) -> bool:
    """Say whether a member may publish lessons: active and staff, superuser or instructor."""
    if not isinstance(member, User) or not member.is_active:
        return False
    if member.is_staff or member.is_superuser:
        return True
    cached: bool | None = getattr(member, "_rung_is_instructor", None)
    if cached is None:
        cached = Group.objects.filter(user=member, name=INSTRUCTORS_GROUP).exists()
        member._rung_is_instructor = cached  # type: ignore[attr-defined]
    return cached


def _edits_all(member: Member) -> bool:
    return (
        isinstance(member, User) and member.is_active and (member.is_staff or member.is_superuser)
    )


def lessons_watchable() -> Q:
    """Return the condition for lessons every reader may watch."""
    return Q(is_published=True, status=LessonStatus.READY)


def courses_watchable() -> Q:
    return Q(is_published=True)


def lessons_editable_by(member: Member) -> Q:
    """Return the condition for the lessons a member may edit (none for non-instructors)."""
    if _edits_all(member):
        return Q()
    if is_instructor(member):
        assert isinstance(member, User)
        return Q(created_by=member)
    return Q(pk__in=[])


def may_edit_lesson(member: Member, lesson: Lesson) -> bool:
    if _edits_all(member):
        return True
    return is_instructor(member) and isinstance(member, User) and lesson.created_by_id == member.pk


def lesson_for_viewer(member: Member, slug: str) -> Lesson:
    """Return a lesson the member may watch (its editor may preview it), or raise 404."""
    lesson = Lesson.objects.filter(slug=slug).select_related("course").first()
    if lesson is None:
        raise Http404
    if lesson.is_published and lesson.status == LessonStatus.READY:
        return lesson
    if may_edit_lesson(member, lesson):
        return lesson
    raise Http404


def lesson_for_editor(member: Member, slug: str) -> Lesson:
    """Return a lesson the member may edit, or raise 404 (missing and forbidden alike)."""
    lesson = Lesson.objects.filter(slug=slug).first()
    if lesson is None or not may_edit_lesson(member, lesson):
        raise Http404
    return lesson


def course_for_viewer(member: Member, slug: str) -> Course:
    """Return a published course, or any course for staff, or raise 404."""
    course = Course.objects.filter(slug=slug).first()
    if course is None or not (course.is_published or _edits_all(member)):
        raise Http404
    return course
