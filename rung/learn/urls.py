from django.urls import URLPattern, URLResolver, path

from rung.learn.views import studio

app_name = "learn"

urlpatterns: list[URLPattern | URLResolver] = [
    path("studio/", studio.studio, name="studio"),
    path("studio/new/", studio.studio_new, name="studio_new"),
    path("studio/<slug:slug>/", studio.studio_edit, name="studio_edit"),
    path("studio/<slug:slug>/captions/", studio.studio_captions, name="studio_captions"),
    path("studio/<slug:slug>/translate/", studio.studio_translate, name="studio_translate"),
    path("studio/<slug:slug>/publish/", studio.studio_publish, name="studio_publish"),
    path("studio/<slug:slug>/delete/", studio.studio_delete, name="studio_delete"),
]
