"""Comparing HTML that two renderers write: a template and the Python written beside it."""

import difflib

import pytest


def assert_same_html(new: str, old: str) -> None:
    """Fail with a line diff (template above, Python below) unless both are the same text.

    A difference only in line endings or trailing text shows as the two strings in full.
    """
    if new != old:
        diff = difflib.unified_diff(
            old.splitlines(), new.splitlines(), "template", "python", lineterm=""
        )
        pytest.fail("\n".join(diff) or f"{old!r}\n!=\n{new!r}")
