"""A question's page as HTML, written in Python: its topic crumbs, its card (context and
body) and the page around them with the answers' section and form.

The same HTML as `qa/_question_crumbs.html`, `qa/_question_main.html` (with
`qa/_context_card.html`) and `qa/_question_page.html`, which
rung/qa/tests/test_question_html.py renders both ways and compares; the templates stay as
the reference that test reads, and the page's template still renders the pages of the
readers `question_page_html` leaves out. These parts are rendered on a question's first
read, where the template engine's lookups, includes and translated labels cost more than
the dozen values they show.

Every value a member or the database gave is escaped, as the templates' autoescaping
does; the interface strings are the templates' literals, which Django trusts, so their
translations are not escaped either. What the languages app adds to the body (its
`lang` attribute, glossary links, the translate control) comes through
`post_language_parts` (rung/qa/slots.py), as for answers (rung/qa/thread_html.py).
"""

from typing import Any

from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from rung.core.fast_urls import fast_reverse
from rung.core.templatetags.rung import answers_label, likes_label, time_writer, views_label
from rung.qa.models import Question
from rung.qa.slots import post_language_parts
from rung.qa.templatetags.byline import byline
from rung.qa.templatetags.post_actions import post_actions, reader_post_parts_tag
from rung.qa.thread_html import csrf_input, human_check, like_form


def crumbs_html(context: dict[str, Any]) -> str:
    """Render `qa/_question_crumbs.html`: the question's topics as links."""
    question: Question = context["question"]
    pills = "".join(
        f'<a class="topic-pill" href="{escape(topic.get_absolute_url())}">{escape(topic.name)}</a>'
        for topic in question.topics.all()
    )
    return f'  <nav class="crumbs" aria-label="{gettext("Topics")}">{pills}</nav>\n'


def question_main_html(context: dict[str, Any]) -> str:
    """Render `qa/_question_main.html`: the context card, the body and its translate control."""
    question: Question = context["question"]
    language = post_language_parts()
    lang = language.lang_attr(question) if language else ""
    body = language.body(question) if language else question.body_html
    control = language.translate_control(question) if language else "\n"
    # The card's template ends in a line break, and so does the line that includes it.
    return (
        f"  {_context_card(question, lang)}\n\n"
        f'  <div class="prose body" id="post-body-question-{question.pk}"{lang}>{body}</div>\n'
        f"  {control}\n"
    )


def _row(label: str, value: str, *, wide: bool = False, lang: str = "") -> str:
    opening = '<div class="wide">' if wide else "<div>"
    return f"{opening}<dt>{label}</dt><dd{lang}>{value}</dd></div>"


def _context_card(question: Question, lang: str) -> str:
    """Render `qa/_context_card.html`: what the asker said of their level and last review."""
    if not question.has_context:
        return ""
    level, years = question.ctx_level, question.ctx_years
    company_level = question.ctx_company_level
    ratings = list(question.ratings.all())
    rows = [
        _row(gettext("Level"), escape(level.name)) if level else "",
        _row(
            gettext("Experience"),
            ngettext("%(years)s year", "%(years)s years", years) % {"years": years},
        )
        if years is not None
        else "",
        _row(
            gettext("Company level"),
            f'<span translate="no">{escape(company_level.company.name)} '
            f"{escape(company_level.code)}</span> · {escape(company_level.level.name)}",
        )
        if company_level
        else "",
        _row(gettext("Company"), escape(question.ctx_company), lang=lang)
        if question.ctx_company
        else "",
        _ratings(question, ratings) if ratings else "",
        _row(gettext("Question focus"), escape(question.ctx_focus), wide=True, lang=lang)
        if question.ctx_focus
        else "",
        _row(
            gettext("Would love feedback on"),
            escape(question.ctx_feedback_wanted),
            wide=True,
            lang=lang,
        )
        if question.ctx_feedback_wanted
        else "",
    ]
    lines = "".join(f"    {row}\n" for row in rows)
    return (
        f'<section class="context-card" aria-label="{gettext("Context")}">\n'
        f"  <dl>\n{lines}  </dl>\n</section>"
    )


def _ratings(question: Question, ratings: list[Any]) -> str:
    scale = question.ctx_scale
    heading = gettext("Last review")
    if scale:
        heading += f' <span class="muted">({escape(scale.name)})</span>'
    separator = '<span class="sep" aria-hidden="true"> · </span>'
    marks = separator.join(
        f'<span class="rating" title="{escape(rating.choice.label)}">'
        f"{escape(rating.axis.name)} <strong>{escape(rating.choice.mark)}</strong></span>"
        for rating in ratings
    )
    return f'<div class="wide"><dt>{heading}</dt><dd class="ratings">{marks}</dd></div>'


def status_html(question: Question) -> str:
    """Render the closed or locked notice (`qa/_question_status.html`), reading the original
    a duplicate points to as it is now; "" for a question that is neither."""
    if question.closed_at is None and question.locked_at is None:
        return ""
    return render_to_string("qa/_question_status.html", {"question": question})


def _escaped(value: Any) -> str:
    """`{{ value }}`: HTML given as safe stays as it is, anything else is escaped."""
    return str(conditional_escape(value))


def question_page_html(context: dict[str, Any]) -> SafeString | None:
    """Render `qa/_question_page.html` for a reader with nothing to change on the question.

    That is every shared copy (visitors', members' with nothing of their own on it) and
    any member who is neither the asker nor a moderator, on a published question, with no
    invitation of theirs: the pages read most and rendered cold most. Anyone else (the
    asker's outcome and invitations, a moderator's controls, a held question's notice)
    gets None, and the template renders their page.
    """
    question: Question = context["question"]
    if (
        context.get("is_asker")
        or context.get("can_moderate")
        or context.get("asker_outcome")
        or context.get("invitation")
        or context.get("invite_panel")
        or not question.is_published
    ):
        return None
    user = context["user"]
    request = context["request"]
    language = post_language_parts()
    lang = language.lang_attr(question) if language else ""
    badge = language.badge(question) if language else ""
    when = time_writer()
    # Only members' forms take the token: a visitor's page never asks for one, so their
    # response sets no CSRF cookie and can be kept (rung/qa/visitor_pages.py).
    csrf = csrf_input(context.get("csrf_token")) if user.is_authenticated else ""
    status = context.get("question_status")
    status = status_html(question) if status is None else _escaped(status)
    edited = (
        f'<a href="{escape(fast_reverse("qa:question_history", question.pk))}">'
        f"{gettext('edited')} {when(question.edited_at)}</a>"
        if question.edited_at
        else ""
    )
    views = context.get("question_views")
    views = escape(views_label(question.view_count)) if views is None else _escaped(views)
    answers = escape(answers_label(question.answer_count))
    if user.is_authenticated:
        liked = bool(context.get("question_liked"))
        like = like_form(
            escape(fast_reverse("qa:question_like", question.pk)),
            csrf,
            liked=liked,
            count=question.like_count,
            label=gettext("Liked") if liked else gettext("Like"),
        )
    else:
        like = f'<span class="like-static">▲ {escape(likes_label(question.like_count))}</span>'
    actions = "".join(_escaped(action) for action in context.get("question_actions") or ())
    outcome_html = context.get("outcome_html")
    outcome = (
        f'\n  <section class="outcome" id="outcome" aria-label="{gettext("Outcome")}">\n'
        f"    {_escaped(outcome_html)}\n    \n  </section>\n  "
        if outcome_html
        else ""
    )
    page = (
        '<article class="question" id="question">\n'
        f"  {_escaped(context.get('question_crumbs', ''))}\n"
        "  \n"
        f"  {status}\n"
        f"  <h1{lang}>{escape(question.title)}</h1>\n"
        '  <div class="post-meta">\n'
        f"    {byline(question.author, question.is_anonymous, question.anonymous_label)}\n"
        f'    <span class="when">{gettext("asked")} {when(question.created_at)}</span>{badge}\n'
        f"    {edited}\n"
        f'    <span class="stats"><span>{views}</span><span>{answers}</span></span>\n'
        "  </div>\n"
        f"  {_escaped(context.get('question_main', ''))}\n"
        '  <div class="post-actions">\n'
        f"    {like}\n"
        "    \n"
        "    \n"
        f"    {post_actions(context, question, 'question')}\n"
        f"    {reader_post_parts_tag(context, question, 'question')}\n"
        f"    {actions}\n"
        "  </div>\n"
        f"  {outcome}\n"
        "</article>\n"
        "\n\n"
        f"{_answers_section(context, question, answers)}"
        "\n\n"
        f"{_answer_form(context, question, user, request, csrf)}"
        "\n\n\n\n"
        + "".join(_escaped(section) for section in context.get("end_sections") or ())
        + "\n"
    )
    # Every value above was escaped, apart from our own markup and trusted translations.
    return mark_safe(page)


def _answers_section(context: dict[str, Any], question: Question, answers: str) -> str:
    url = escape(question.get_absolute_url())
    sort = context.get("answer_sort")
    tabs = ""
    if question.answer_count > 1:
        helpful = ' aria-current="page"' if sort == "helpful" else ""
        newest = ' aria-current="page"' if sort == "newest" else ""
        tabs = (
            f'<nav class="tabs answer-sort" aria-label="{gettext("Sort answers")}">\n'
            f'    <a href="{url}#answers-heading"{helpful}>{gettext("Most helpful")}</a>\n'
            f'    <a href="{url}?sort=newest#answers-heading"{newest}>{gettext("Newest")}</a>\n'
            "  </nav>"
        )
    where = ""
    if not context.get("is_first_page"):
        back = (
            (gettext("Back to the newest answers"), "?sort=newest")
            if sort == "newest"
            else (gettext("Back to the top answers"), "")
        )
        where = (
            f'<p class="answers-where">{gettext("You are reading later answers.")} '
            f'<a href="{url}{back[1]}#answers-heading">{back[0]}</a></p>'
        )
    return (
        '<section class="answers" aria-labelledby="answers-heading">\n'
        f'  <h2 id="answers-heading">{answers}</h2>\n'
        f"  {tabs}\n"
        f"  {where}\n"
        f"  {_escaped(context.get('threads_html', ''))}\n"
        "</section>"
    )


def _answer_form(
    context: dict[str, Any], question: Question, user: Any, request: Any, csrf: str
) -> str:
    if not question.takes_answers:
        return ""
    heading = gettext("Your answer")
    if user.is_authenticated:
        help_text = gettext(
            "Markdown works. Be specific: what you did, what happened, what you would do again."
        )
        check = human_check(
            "answer", gettext("Leave this empty"), _escaped(context.get("started_token", ""))
        )
        action = escape(fast_reverse("qa:answer_create", question.pk))
        suggest = escape(fast_reverse("accounts:member_suggest"))
        form = (
            f'  <form method="post" action="{action}">{csrf}\n'
            '    <input type="hidden" name="submit_token" '
            f'value="{_escaped(context.get("form_token", ""))}">\n'
            f"    {check}\n\n"
            f'    <label for="id_body" class="visually-hidden">{heading}</label>'
            '<textarea name="body" id="id_body" rows="8" '
            f'maxlength="{_escaped(context.get("body_max_length", ""))}" required '
            f'data-mention-source="{suggest}" '
            f'data-mention-label="{gettext("Members to mention")}"></textarea>\n'
            f'    <p class="help">{help_text}</p>\n'
            f'    <button type="submit" class="button primary">{gettext("Post your answer")}'
            "</button>\n"
            "  </form>\n  "
        )
    else:
        next_path = escape(urlencode(request.path))
        login = escape(fast_reverse("account_login"))
        signup = escape(fast_reverse("account_signup"))
        form = (
            f'  <p><a href="{login}?next={next_path}">{gettext("Log in")}</a> {gettext("or")} '
            f'<a href="{signup}?next={next_path}">{gettext("sign up")}</a> '
            f"{gettext('to answer.')}</p>\n  "
        )
    return (
        '\n<section class="answer-form" aria-labelledby="your-answer">\n'
        f'  <h2 id="your-answer">{heading}</h2>\n'
        f"  \n{form}\n"
        "</section>\n"
    )
