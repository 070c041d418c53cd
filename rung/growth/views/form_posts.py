"""What the growth views that take a form share: who posts, the 400 status, service errors."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest

from rung.accounts.models import User

FORM_ERROR_STATUS = 400


def current_member(request: HttpRequest) -> User:
    """Return the signed-in member (views are behind `login_required`)."""
    assert isinstance(request.user, User)
    return request.user


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
