"""Read what a rendered `<select>` offers, for tests of forms over HTTP."""

import re


def select_options(html: str, name: str) -> list[str]:
    """Return the option values of the select named `name` (not of any `<template>`)."""
    match = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    assert match is not None, f"no select named {name}"
    return re.findall(r'<option value="([^"]*)"', match.group(1))


def selected_option(html: str, name: str) -> str | None:
    """Return the value of the selected option of the select named `name`, if any."""
    match = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    assert match is not None, f"no select named {name}"
    chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', match.group(1))
    return chosen.group(1) if chosen else None
