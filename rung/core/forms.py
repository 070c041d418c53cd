"""What views that take a form share: the status of a refused form, and service errors on it."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form

from rung.core.ratelimit import Limited

# A form sent back with its errors answers 400, so htmx (`data-swap-refusals`), scripts
# and tests can tell a refusal from a page.
FORM_ERROR_STATUS = 400


def add_service_errors(form: Form, error: ValidationError) -> None:
    """Show a service's validation error on the form, on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        for message in error.messages:
            form.add_error(None, message)


def save_form[T](form: Form, save: Callable[[dict[str, Any]], T]) -> T | None:
    """Return what `save` made of a valid form's data, or None with the errors on the form."""
    if not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    except Limited as limited:
        # The view answers 429 with Retry-After when it sees `form.limited`.
        form.add_error(None, limited.message)
        form.limited = limited  # type: ignore[attr-defined]
        return None
