from django.urls import path

from rung.notifications import views
from rung.notifications.views_mail import preferences_page, unsubscribe_page

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_read, name="mark_read"),
    path("<int:notice_id>/", views.notice_open, name="open"),
    path("settings/", preferences_page, name="preferences"),
    path("unsubscribe/<str:token>/", unsubscribe_page, name="unsubscribe"),
]
