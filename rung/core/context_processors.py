from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """Expose site-wide values without touching the database."""
    return {"site_name": "Rung"}
