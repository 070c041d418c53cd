from django.urls import path

from rung.qa.views import (
    browse,
    history,
    indexes,
    invitations,
    language,
    outcomes,
    posting,
    question,
    reactions,
)

app_name = "qa"
urlpatterns = [
    path("ask/", posting.question_ask, name="ask"),
    path("levels/", indexes.levels, name="levels"),
    path("levels/companies/", indexes.company_levels, name="company_levels"),
    path("topics/", indexes.topics, name="topics"),
    path("topics/<slug:slug>/", browse.topic, name="topic"),
    path("questions/<int:pk>/", question.question_detail, name="question"),
    path("questions/<int:pk>/edit/", posting.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", posting.question_delete, name="question_delete"),
    path("questions/<int:pk>/history/", history.question_history, name="question_history"),
    path("questions/<int:pk>/like/", reactions.question_like, name="question_like"),
    path("questions/<int:pk>/answer/", posting.answer_create, name="answer_create"),
    path("questions/<int:pk>/language/", language.question_language, name="question_language"),
    path("questions/<int:pk>/outcome/", outcomes.outcome_edit, name="outcome"),
    path("questions/<int:pk>/invite/", invitations.answer_invite, name="answer_invite"),
    path("questions/<int:pk>/<slug:slug>/", question.question_detail, name="question_slug"),
    path("answers/<int:pk>/", question.answer_permalink, name="answer"),
    path("answers/<int:pk>/replies/", question.answer_replies, name="answer_replies"),
    path("answers/<int:pk>/reply/", posting.reply_create, name="reply_create"),
    path("answers/<int:pk>/edit/", posting.answer_edit, name="answer_edit"),
    path("answers/<int:pk>/delete/", posting.answer_delete, name="answer_delete"),
    path("answers/<int:pk>/history/", history.answer_history, name="answer_history"),
    path("answers/<int:pk>/like/", reactions.answer_like, name="answer_like"),
    path("answers/<int:pk>/helpful/", reactions.answer_mark_helpful, name="answer_helpful"),
    path("answers/<int:pk>/language/", language.answer_language, name="answer_language"),
    path("replies/<int:pk>/language/", language.reply_language, name="reply_language"),
    path(
        "invitations/<int:pk>/decline/",
        invitations.answer_invitation_decline,
        name="answer_invitation_decline",
    ),
]
