from django.urls import URLPattern, URLResolver, path

from rung.learn.views import studio, watch

app_name = "learn"

# The studio's addresses come first: "studio" and "courses" are never lesson slugs.
urlpatterns: list[URLPattern | URLResolver] = [
    path("studio/", studio.studio, name="studio"),
    path("studio/new/", studio.studio_new, name="studio_new"),
    path("studio/<slug:slug>/", studio.studio_edit, name="studio_edit"),
    path("studio/<slug:slug>/captions/", studio.studio_captions, name="studio_captions"),
    path("studio/<slug:slug>/translate/", studio.studio_translate, name="studio_translate"),
    path("studio/<slug:slug>/publish/", studio.studio_publish, name="studio_publish"),
    path("studio/<slug:slug>/delete/", studio.studio_delete, name="studio_delete"),
    path("", watch.index, name="index"),
    path("courses/<slug:slug>/", watch.course, name="course"),
    path("<slug:slug>/", watch.lesson, name="lesson"),
    path("<slug:slug>/video.mp4", watch.video, name="video"),
    path("<slug:slug>/poster.jpg", watch.poster, name="poster"),
    path("<slug:slug>/captions/<str:language>.vtt", watch.captions, name="captions"),
    path("<slug:slug>/progress", watch.progress, name="progress"),
]
