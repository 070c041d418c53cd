"""Where apps above qa add to topic and question pages, to every post, and to the home feed."""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.core.slots import Slot
from rung.qa.models import Post, Question, Topic

# Below the answers and the answer form: similar questions (search), and the like.
question_page_end: Slot[Question] = Slot("end of a question's page")

# Next to the question's outcome, for the asker alone and never cached: what the asker can
# do with it elsewhere (growth adds "Add to my work log").
outcome_actions: Slot[Question] = Slot("beside a question's outcome, for its asker")


@dataclass(frozen=True)
class PostAction:
    """A link an app above qa adds to every post's actions (flag, moderate, and the like).

    `url(kind, pk)` gives the address for a post of a kind ("question", "answer",
    "reply"); `kinds` limits the action to some kinds. Members who did not write the post
    see it, or only moderators when `moderators_only` is set. It depends on nothing but
    the post and those two facts about the reader, so it is safe in cached fragments,
    which are kept apart for authors and moderators.
    """

    name: str
    label: str | Promise
    url: Callable[[str, int], str]
    kinds: frozenset[str] = frozenset({"question", "answer", "reply"})
    moderators_only: bool = False
    order: int = 100


_post_actions: dict[str, PostAction] = {}


def post_action_register(action: PostAction) -> None:
    """Add an action; a second one under the same name replaces the first."""
    _post_actions[action.name] = action


def post_actions_for(kind: str, *, is_author: bool, is_moderator: bool) -> list[PostAction]:
    """Return the actions a reader gets under a post of `kind`, in order."""
    return [
        action
        for action in sorted(_post_actions.values(), key=lambda a: (a.order, a.name))
        if kind in action.kinds and (is_moderator if action.moderators_only else not is_author)
    ]


# In a topic page's header, beside "Ask in this topic": the reader's watch level (notifications).
topic_page_actions: Slot[Topic] = Slot("topic page actions")

# Under the question, with its like and edit links: the reader's watch toggle (notifications).
question_page_actions: Slot[Question] = Slot("question page actions")


@dataclass(frozen=True)
class PostRef:
    """A post on a page, by kind ("question", "answer", "reply"), id and the question it is on."""

    kind: str
    pk: int
    question_id: int


# Controls under a post whose state is the reader's own (whether they saved it). Unlike a
# PostAction they may not sit in a cached fragment as HTML: the fragment keeps a slot for
# each post, and every response fills all of a page's slots with one call per source, so a
# source reads the reader's state for the whole page at once (see fragments.py).
ReaderPostSource = Callable[[HttpRequest, Sequence[PostRef]], Mapping[PostRef, str]]
_reader_post_sources: dict[str, tuple[int, ReaderPostSource]] = {}


def reader_post_source_register(name: str, source: ReaderPostSource, *, order: int = 100) -> None:
    """Add a source of per-reader controls; a second one under the same name replaces it."""
    _reader_post_sources[name] = (order, source)


def reader_post_parts(request: HttpRequest, posts: Sequence[PostRef]) -> dict[PostRef, SafeString]:
    """Return each post's per-reader controls, every source's in order, for one reader."""
    parts: dict[PostRef, list[str]] = {post: [] for post in posts}
    if not posts:
        return {}
    for _order, source in sorted(_reader_post_sources.values(), key=lambda entry: entry[0]):
        rendered = source(request, posts)
        for post in posts:
            html = rendered.get(post)
            if html:
                parts[post].append(html)
    # Each source renders its own autoescaping template.
    return {post: SafeString(" ".join(html)) for post, html in parts.items()}


# The home feed leaves out questions in topics a member muted. Muting is the notifications
# app's, above qa, so it names a function that returns a member's muted topic ids; without
# it (or for visitors) nothing is left out.
MutedTopicsSource = Callable[[User], Collection[int]]
_muted_topics: MutedTopicsSource | None = None


def muted_topics_source_set(source: MutedTopicsSource | None) -> None:
    """Say how to read the topics a member muted (notifications sets it when it starts)."""
    global _muted_topics
    _muted_topics = source


def muted_topics_source() -> MutedTopicsSource | None:
    return _muted_topics


@dataclass(frozen=True)
class PostLanguageParts:
    """What the languages app adds to every post a question page shows.

    `lang_attr`, `badge` and `translate_control` give HTML for a post (its ` lang="…"`
    attribute, its language badge, the control that translates it); `body` turns a post's
    stored, sanitized HTML into what readers see (glossary terms linked, from what the app
    stored beside it when it can). Each depends only
    on the post and the interface language, so it is safe in cached fragments.
    """

    lang_attr: Callable[[Post], str]
    badge: Callable[[Post], str]
    translate_control: Callable[[Post], str]
    body: Callable[[Post], str]


_post_language_parts: PostLanguageParts | None = None


def post_language_parts_set(parts: PostLanguageParts | None) -> None:
    """Say how posts show their language (the languages app sets it when it starts)."""
    global _post_language_parts
    _post_language_parts = parts


def post_language_parts() -> PostLanguageParts | None:
    return _post_language_parts


# Between a topic's guide and its questions: the topic's videos (learn). Visitors' copies of
# the page keep what it gave, and are replaced when the topic's feed version moves, so a
# section that depends on anything else bumps that version when it changes (qa.services).
topic_page_sections: Slot[Topic] = Slot("topic page sections")

# On the home page's first page, beside the ladder: what to watch next (learn). The subject
# is the home page's version (the sum of the topics' feed versions), which a section can key
# a cached copy on without a query.
home_page_sections: Slot[int] = Slot("home page sections")
