from django.urls import path

from rung.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("notices/", views.notices, name="notices"),
    path("flag/<str:kind>/<int:pk>/", views.flag, name="flag"),
    path("posts/<str:kind>/<int:pk>/", views.post_action, name="post_action"),
    path("posts/<str:kind>/<int:pk>/reveal/", views.reveal, name="reveal"),
    path("questions/<int:pk>/", views.question_tools, name="question"),
    path("questions/<int:pk>/lock/", views.question_lock, name="question_lock"),
    path("questions/<int:pk>/duplicate/", views.question_duplicate, name="question_duplicate"),
    path("questions/<int:pk>/reopen/", views.question_reopen, name="question_reopen"),
    path("questions/<int:pk>/move/", views.question_move, name="question_move"),
    path("members/<str:username>/", views.member, name="member"),
    path("members/<str:username>/penalty/", views.member_penalty, name="member_penalty"),
    path(
        "members/<str:username>/penalties/<int:pk>/lift/", views.penalty_lift, name="penalty_lift"
    ),
    path("members/<str:username>/delete-spammer/", views.member_spammer, name="member_spammer"),
    path("members/<str:username>/trust/", views.member_trust, name="member_trust"),
    path("domains/", views.domains, name="domains"),
    path("audit/", views.audit, name="audit"),
]
