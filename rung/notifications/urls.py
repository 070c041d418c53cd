from django.urls import path

from rung.notifications import views, views_follow
from rung.notifications.views_mail import preferences_page, unsubscribe_page

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_read, name="mark_read"),
    path("<int:notice_id>/", views.notice_open, name="open"),
    path("following/", views_follow.following, name="following"),
    path("follow/topic/<int:pk>/", views_follow.follow_topic, name="follow_topic"),
    path("follow/question/<int:pk>/", views_follow.follow_question, name="follow_question"),
    path("follow/member/<int:pk>/", views_follow.follow_member, name="follow_member"),
    path("saved/", views_follow.bookmark_list, name="bookmarks"),
    path("saved/question/<int:pk>/", views_follow.bookmark_question, name="bookmark_question"),
    path("saved/answer/<int:pk>/", views_follow.bookmark_answer, name="bookmark_answer"),
    path("saved/<int:pk>/remove/", views_follow.bookmark_remove, name="bookmark_remove"),
    path("settings/", preferences_page, name="preferences"),
    path("unsubscribe/<str:token>/", unsubscribe_page, name="unsubscribe"),
]
