from django.urls import path

from rung.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_read, name="mark_read"),
    path("<int:notice_id>/", views.notice_open, name="open"),
]
