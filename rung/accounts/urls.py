from django.urls import path

from rung.accounts import views, views_employer

app_name = "accounts"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/edit/", views.profile_edit, name="profile_edit"),
    path("me/employer/", views_employer.employer, name="employer"),
    path("me/employer/again/<str:key>/", views_employer.employer_again, name="employer_again"),
    # No trailing slash: "suggest/" is the profile address of a member named "suggest".
    path("suggest", views.member_suggest, name="member_suggest"),
    path("<str:username>/", views.profile, name="profile"),
]
