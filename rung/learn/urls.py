from django.urls import URLPattern, URLResolver

app_name = "learn"

urlpatterns: list[URLPattern | URLResolver] = []
