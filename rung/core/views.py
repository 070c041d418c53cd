from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def health(request: HttpRequest) -> HttpResponse:
    """Answer load balancers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
