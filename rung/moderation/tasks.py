"""Background work for moderation, run by the task worker."""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.tasks import task
from django.utils.translation import gettext as _

from rung.core.mail import site_link

logger = logging.getLogger(__name__)
SPAM_CHECK_TIMEOUT = 5


def _ask_outside_check(fields: dict[str, str]) -> bool:
    """Ask the Akismet-style endpoint whether a post is spam ("true" means it is)."""
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(settings.RUNG_SPAM_CHECK_URL, data=data, method="POST")
    with urllib.request.urlopen(request, timeout=SPAM_CHECK_TIMEOUT) as response:
        return response.read(64).strip().lower() == b"true"


@task
def spam_check_task(kind: str, post_id: int) -> bool:
    """Hold a post the outside spam check calls spam; return whether it did.

    Any failure of the check (down, slow, nonsense) leaves the post as it is.
    """
    from rung.moderation.services import post_hold
    from rung.qa.models import Answer, Question

    model = Question if kind == "question" else Answer
    post = model.objects.select_related("author").filter(pk=post_id).first()
    if post is None or post.is_deleted or settings.RUNG_SPAM_CHECK != "akismet":
        return False
    fields = {
        "api_key": settings.RUNG_SPAM_CHECK_KEY,
        "blog": settings.RUNG_SITE_URL,
        "comment_type": "forum-post",
        "comment_author": post.author.username,
        "comment_author_email": post.author.email,
        "comment_content": post.body,
        "permalink": site_link(post.get_absolute_url()),
    }
    try:
        spam = _ask_outside_check(fields)
    except (OSError, ValueError, urllib.error.URLError) as error:
        logger.warning("spam check failed for %s %s: %s", kind, post_id, json.dumps(str(error)))
        return False
    if spam:
        post_hold(post=post, reason=_("flagged by the spam check"), actor=post.author)
    return spam
