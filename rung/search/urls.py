from django.urls import path

from rung.search import views

app_name = "search"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("ask/assist/", views.ask_assist, name="ask_assist"),
]
