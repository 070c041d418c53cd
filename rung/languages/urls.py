"""Language addresses: switching the interface, translating a post, the glossary."""

from django.urls import path

from rung.languages.views import glossary, switch, translation

app_name = "languages"
urlpatterns = [
    path("language/", switch.language_switch, name="switch"),
    path("glossary/", glossary.glossary_page, name="glossary"),
    path("translate/<str:kind>/<int:pk>/", translation.translate_post, name="translate"),
]
