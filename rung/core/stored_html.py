"""Re-render HTML stored beside Markdown, after the renderer's rules change."""

from django.db import models

from rung.core.markdown import render_markdown
from rung.core.mentions import MentionResolver


def stored_html_rerender(
    model: type[models.Model],
    *,
    containing: str,
    batch_size: int = 500,
    mentions: MentionResolver | None = None,
) -> int:
    """Re-render `body_html` from `body` where it contains a marker; return rows changed.

    Used by data migrations: rows are read in batches, so a large table is never all in memory.
    Posts link their @mentions: pass the resolver their services render with, or the links
    are lost (`lambda names: MentionLinks()(names)`, accounts', so nothing piles up).
    """
    changed: list[models.Model] = []
    count = 0
    # What was worked out from the old HTML (qa's `body_links`) is emptied with it, so
    # `manage.py glossary_links` works it out again for the new HTML.
    fields = ["body_html"]
    if any(field.name == "body_links" for field in model._meta.get_fields()):
        fields.append("body_links")
    rows = model._default_manager.filter(body_html__contains=containing).only("body", "body_html")
    for row in rows.iterator(chunk_size=batch_size):
        html = render_markdown(row.body, mentions=mentions)  # type: ignore[attr-defined]
        if html != row.body_html:  # type: ignore[attr-defined]
            row.body_html = html  # type: ignore[attr-defined]
            if "body_links" in fields:
                row.body_links = {}  # type: ignore[attr-defined]
            changed.append(row)
        if len(changed) >= batch_size:
            model._default_manager.bulk_update(changed, fields)
            count += len(changed)
            changed = []
    model._default_manager.bulk_update(changed, fields)
    return count + len(changed)
