"""Who may do what to a post; each check raises instead of returning a flag."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.qa.models import Post
from rung.qa.posts import post_question


def check_edit_permission(user: User, post: Post) -> None:
    """Allow the author, or a moderator, to edit or delete a post that still exists."""
    if post.author_id != user.pk and not is_moderator(user):
        raise PermissionDenied(_("You can only change your own posts."))
    if post.is_deleted:
        raise ValidationError(_("This post was deleted."))


def check_like_permission(user: User, post: Post) -> None:
    """Allow liking only visible posts by someone else."""
    if post.is_deleted or post_question(post).is_deleted:
        raise ValidationError(_("This post was deleted."))
    if post.author_id == user.pk:
        raise ValidationError(_("You can't like your own post."))
