from django.urls import path

from rung.reputation import views

app_name = "reputation"
urlpatterns = [
    path("reputation/", views.reputation_mine, name="mine"),
]
