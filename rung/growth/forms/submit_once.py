"""The hidden token that lets a create service spot a form submitted twice."""

import uuid
from typing import Any

from django import forms


class SubmitOnceForm(forms.Form):
    """A create form whose every rendering carries a new random `submit_token`.

    Services take the token and return the row an earlier submit of the same rendering
    made (rung/growth/services/submit_once.py), so a double click creates one row.
    """

    submit_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submit_token", uuid.uuid4())
