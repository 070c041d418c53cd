from django.urls import path

app_name = "learn"

urlpatterns: list = []
