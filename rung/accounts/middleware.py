"""Account pages (django-allauth's) answer a form sent back with errors with 400."""

from collections.abc import Callable

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


class AccountFormErrorsMiddleware:
    """Give allauth's refused forms the 400 every other Rung form answers with.

    allauth shows the form again with its errors under 200, so scripts, proxies and tests
    could not tell a refusal from a page; the page itself stays as allauth renders it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_template_response(
        self, request: HttpRequest, response: TemplateResponse
    ) -> TemplateResponse:
        match = request.resolver_match
        if (
            request.method == "POST"
            and response.status_code == 200
            and match is not None
            and (match.url_name or "").startswith("account_")
        ):
            form = (response.context_data or {}).get("form")
            if isinstance(form, BaseForm) and form.is_bound and form.errors:
                response.status_code = 400
        return response
