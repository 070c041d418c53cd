from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from rung.core import views as core_views
from rung.qa.views import browse

# The admin is where operators edit levels, topics and members: it carries Rung's name,
# not Django's ("Django site admin").
admin.site.site_header = _("Rung administration")
admin.site.site_title = _("Rung admin")
admin.site.index_title = _("Levels, topics, members and posts")

urlpatterns = [
    path("", browse.home, name="home"),
    path("", include("rung.qa.urls")),
    path("", include("rung.search.urls")),
    path("growth/", include("rung.growth.urls")),
    path("", include("rung.languages.urls")),
    path("members/", include("rung.accounts.urls")),
    path("moderation/", include("rung.moderation.urls")),
    path("notifications/", include("rung.notifications.urls")),
    path("learn/", include("rung.learn.urls")),
    path("", include("rung.reputation.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("-/health", core_views.health, name="health"),
    # Mail kept instead of sent, for a developer without a mail server; 404 unless DEBUG.
    path("-/mail/", core_views.kept_mail, name="kept_mail"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Uploaded avatars; behind a proxy in production, from Django in the embedded default.
    # Only avatars: lesson files (media/learn/) are sent by the learn app after its access
    # check, so an unpublished lesson's video is never reachable by its address.
    path(
        f"{settings.MEDIA_URL.strip('/')}/avatars/<path:path>",
        serve,
        {"document_root": Path(settings.MEDIA_ROOT) / "avatars"},
    ),
]
