from django.urls import path

from rung.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/edit/", views.profile_edit, name="profile_edit"),
    path("<str:username>/", views.profile, name="profile"),
]
