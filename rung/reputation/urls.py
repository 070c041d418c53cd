from django.urls import URLPattern, path

from rung.reputation import expert_views, views

app_name = "reputation"
urlpatterns: list[URLPattern] = [
    path("reputation/", views.reputation_mine, name="mine"),
    path("experts/", expert_views.experts_page, name="experts"),
]
