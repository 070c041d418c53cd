"""Render plans and self-reviews as Markdown documents a member can download and keep.

Member-written text goes into a structure we build (headings, bullets, sections). It must
not be able to change that structure: a goal titled "# Promoted" must stay a title, and a
check-in note that opens a code fence must not swallow every goal after it. So each piece
of text is escaped for the place it lands in, while ordinary emphasis and lists inside
notes keep working.
"""

import re
from collections.abc import Sequence

from django.utils.text import slugify
from django.utils.translation import gettext as _

from rung.growth.models import Goal, GrowthPlan, SelfReview

FILENAME_MAX_LENGTH = 60

# What can open a block at the start of a line: ATX headings, block quotes, list bullets,
# ordered-list numbers, code fences, tables and setext/thematic lines.
_LINE_START = re.compile(r"^(\s*)([#>+*=|~`-]|\d+[.)])")
# Block quotes and list items a line may sit in; what follows them can still open a block.
_CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
# Headings, fences, and lines of only "=" or "-" (which turn the line above into a heading).
_OPENS_BLOCK = re.compile(r"^(?:#|```|~~~|=+[ \t]*$|-+[ \t]*$)")
# Starts only where a run of backslashes starts: tried from inside a run, "\\*" would rescan
# the rest of it at every position, which costs the square of the run's length.
_BACKSLASHES_BEFORE_LT = re.compile(r"(?<!\\)(\\*)<")
_WHITESPACE = re.compile(r"\s+")
# What can act inside one line of text: escapes, emphasis, code, links, raw HTML, entities.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~!])")


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if match is None:
        return line
    indent, marker = match.group(1), match.group(2)
    rest = line[match.end() :]
    if marker[0].isdigit():
        # "1." only opens a list when the dot or bracket follows the digits.
        return f"{indent}{marker[:-1]}\\{marker[-1]}{rest}"
    return f"{indent}\\{marker}{rest}"


def _escape_html(text: str) -> str:
    """Escape every "<" so no raw HTML survives, keeping backslashes typed before it."""
    # Raw HTML blocks such as "<!--" run on past blank lines and would hide what follows.
    return _BACKSLASHES_BEFORE_LT.sub(lambda m: m.group(1) * 2 + "\\<", text)


def _flat(text: str) -> str:
    return _escape_html(_WHITESPACE.sub(" ", text).strip())


def md_line(text: str) -> str:
    """Return text as one line of Markdown that cannot open a block of its own."""
    return _escape_line_start(_flat(text))


def md_heading(text: str) -> str:
    """Return text for a heading line: one line, with no hashes that could end or open one."""
    # A heading's content is read as inline text, so only "#" (a closing run) needs care.
    return _flat(text).replace("#", "\\#")


def md_block(text: str) -> str:
    """Return multi-line text as Markdown paragraphs that cannot become headings or fences.

    Lists, emphasis and links the member typed keep working; what could reach outside the
    text (headings, code fences, raw HTML, setext underlines) is escaped line by line.
    """
    lines = []
    for line in _escape_html(text.strip()).splitlines():
        prefix = _CONTAINER_PREFIX.match(line)
        start = prefix.end() if prefix else 0
        if _OPENS_BLOCK.match(line[start:]):
            line = f"{line[:start]}\\{line[start:]}"
        lines.append(line.rstrip())
    return "\n".join(lines)


def md_link(text: str, url: str) -> str:
    """Return a Markdown link whose words read as typed, on one line, to a site address."""
    label = _INLINE_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip())
    return f"[{label}]({url})"


def export_filename(title: str, *, fallback: str) -> str:
    """Return a safe `.md` file name from a title: ASCII letters, digits and hyphens only."""
    slug = slugify(title)[:FILENAME_MAX_LENGTH].strip("-_")
    slug = re.sub(r"[^a-z0-9-]", "", slug)
    return f"{slug or fallback}.md"


def _field_line(label: str, value: str) -> str:
    return f"- {label}: {md_line(value)}"


def render_plan_markdown(plan: GrowthPlan, goals: Sequence[Goal]) -> str:
    """Return a plan with its goals, actions and check-ins as one Markdown document.

    Goals must come with their axis, actions and check-ins loaded (see `plan_goals`).
    """
    out = [f"# {md_heading(plan.title)}", ""]
    if plan.summary.strip():
        out += [md_block(plan.summary), ""]
    if not goals:
        out += [md_line(_("This plan has no goals yet.")), ""]
    for goal in goals:
        out += [f"## {md_heading(goal.title)}", ""]
        out.append(_field_line(_("Axis"), goal.axis.name))
        out.append(_field_line(_("Status"), str(goal.get_status_display())))
        if goal.target_date is not None:
            out.append(_field_line(_("Target date"), goal.target_date.isoformat()))
        out.append("")
        if goal.description.strip():
            out += [md_block(goal.description), ""]
        actions = list(goal.actions.all())
        if actions:
            out += [f"### {md_heading(_('Actions'))}", ""]
            out += [f"- [{'x' if a.done else ' '}] {md_line(a.text)}" for a in actions]
            out.append("")
        check_ins = list(goal.check_ins.all())
        if check_ins:
            out += [f"### {md_heading(_('Check-ins'))}", ""]
            for check_in in check_ins:
                out += [f"#### {check_in.date.isoformat()}", "", md_block(check_in.note), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_self_review_markdown(review: SelfReview) -> str:
    """Return a self-review draft under its title and period, as the member wrote it."""
    period = _("Period: %(start)s to %(end)s") % {
        "start": review.period_start.isoformat(),
        "end": review.period_end.isoformat(),
    }
    # The draft body is the member's own Markdown (generated, then edited), so it is kept
    # as written; only the title and period we add around it are escaped.
    parts = [f"# {md_heading(review.title)}", "", md_line(period), ""]
    if review.text.strip():
        parts += [review.text.strip(), ""]
    return "\n".join(parts).rstrip("\n") + "\n"
