from django.urls import URLPattern, path

from rung.reputation import expert_views

app_name = "reputation"
urlpatterns: list[URLPattern] = [
    path("experts/", expert_views.experts_page, name="experts"),
]
