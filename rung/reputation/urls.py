from django.urls import path

from rung.reputation import views

app_name = "reputation"
urlpatterns: list = []  # noqa: F401
