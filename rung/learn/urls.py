from django.urls import path

from rung.learn.views import watch

app_name = "learn"

urlpatterns = [
    path("", watch.index, name="index"),
    path("courses/<slug:slug>/", watch.course, name="course"),
    path("<slug:slug>/", watch.lesson, name="lesson"),
    path("<slug:slug>/video.mp4", watch.video, name="video"),
    path("<slug:slug>/poster.jpg", watch.poster, name="poster"),
    path("<slug:slug>/captions/<str:language>.vtt", watch.captions, name="captions"),
    path("<slug:slug>/progress", watch.progress, name="progress"),
]
