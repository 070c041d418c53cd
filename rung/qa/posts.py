"""What kind a post is and which question it belongs to, asked of any post.

Questions and answers are two tables sharing `models.Post`; a reply is an answer with a
parent. Code that handles any post asks here instead of testing its class. A post's likes
and revisions need no helper: `post.likes` and `post.revisions` are its own.
"""

from rung.qa.events import PostKind
from rung.qa.models import Answer, Post, Question


def post_kind(post: Post) -> PostKind:
    """Name what a post is: a question, an answer, or a reply to an answer."""
    if isinstance(post, Answer):
        return "reply" if post.parent_id is not None else "answer"
    return "question"


def post_question_id(post: Post) -> int:
    """Return the id of the question a post belongs to: a question's own, an answer's."""
    return post.question_id if isinstance(post, Answer) else post.pk


def post_question(post: Post) -> Question:
    """Return the question a post belongs to, whose version covers its cached renderings."""
    if isinstance(post, Answer):
        return post.question
    assert isinstance(post, Question)
    return post


def post_author_hidden(post: Post) -> bool:
    """Say whether a post is shown without its author: an anonymous question, and what its
    asker writes under it."""
    question = post_question(post)
    return question.is_anonymous and post.author_id == question.author_id


def post_model(kind: PostKind) -> type[Post]:
    """Return the table that holds posts of a kind; answers hold the replies too."""
    return Question if kind == "question" else Answer
