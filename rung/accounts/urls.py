from django.urls import path

from rung.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/edit/", views.profile_edit, name="profile_edit"),
    # No trailing slash: "suggest/" is the profile address of a member named "suggest".
    path("suggest", views.member_suggest, name="member_suggest"),
    path("<str:username>/", views.profile, name="profile"),
]
