"""Growth workspace addresses. Every `<public_id>` is a random id, never a sequence."""

from django.urls import path

from rung.growth.views import assessment, exports, plans, reviews, sharing, worklog, workspace

app_name = "growth"
urlpatterns = [
    path("", workspace.home, name="home"),
    # Rating scales and review history.
    path("scales/", reviews.scale_list, name="scales"),
    path("scales/<slug:slug>/delete/", reviews.scale_delete, name="scale_delete"),
    path("reviews/", reviews.review_list, name="reviews"),
    path("reviews/new/", reviews.review_create, name="review_create"),
    path("reviews/<str:public_id>/", reviews.review_detail, name="review"),
    path("reviews/<str:public_id>/edit/", reviews.review_edit, name="review_edit"),
    path("reviews/<str:public_id>/delete/", reviews.review_delete, name="review_delete"),
    # Self-assessment against the ladder, and the gaps it shows.
    path("assessment/", assessment.self_assessment, name="assessment"),
    path("gaps/", assessment.gaps, name="gaps"),
    path("gaps/ask/", assessment.ask_from_gap, name="ask_from_gap"),
    path("gaps/plan/", plans.plan_from_gaps, name="plan_from_gaps"),
    # Plans, goals, actions and check-ins.
    path("plans/", plans.plan_list, name="plans"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<str:public_id>/", plans.plan_detail, name="plan"),
    path("plans/<str:public_id>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<str:public_id>/delete/", plans.plan_delete, name="plan_delete"),
    path("plans/<str:public_id>/goals/new/", plans.goal_create, name="goal_create"),
    path("goals/<str:public_id>/edit/", plans.goal_edit, name="goal_edit"),
    path("goals/<str:public_id>/delete/", plans.goal_delete, name="goal_delete"),
    path("goals/<str:public_id>/actions/", plans.action_create, name="action_create"),
    path("actions/<str:public_id>/toggle/", plans.action_toggle, name="action_toggle"),
    path("actions/<str:public_id>/delete/", plans.action_delete, name="action_delete"),
    path("goals/<str:public_id>/check-ins/", plans.checkin_create, name="checkin_create"),
    path("check-ins/<str:public_id>/edit/", plans.checkin_edit, name="checkin_edit"),
    path("check-ins/<str:public_id>/delete/", plans.checkin_delete, name="checkin_delete"),
    # Work log and self-review drafts.
    path("log/", worklog.log_list, name="log"),
    path("log/<str:public_id>/edit/", worklog.log_edit, name="log_edit"),
    path("log/<str:public_id>/delete/", worklog.log_delete, name="log_delete"),
    # The outcome of one's own question, added from the question's page.
    path("outcomes/<int:question_id>/log/", worklog.outcome_to_log, name="outcome_log"),
    path("self-reviews/", worklog.self_review_list, name="self_reviews"),
    path("self-reviews/<str:public_id>/", worklog.self_review_detail, name="self_review"),
    path(
        "self-reviews/<str:public_id>/delete/",
        worklog.self_review_delete,
        name="self_review_delete",
    ),
    # Exports.
    path("plans/<str:public_id>/export.md", exports.plan_markdown, name="plan_markdown"),
    path("plans/<str:public_id>/print/", exports.plan_print, name="plan_print"),
    path(
        "self-reviews/<str:public_id>/export.md",
        exports.self_review_markdown,
        name="self_review_markdown",
    ),
    path(
        "self-reviews/<str:public_id>/print/", exports.self_review_print, name="self_review_print"
    ),
    # Sharing, invitations and comments.
    path("plans/<str:public_id>/sharing/", sharing.share_list, name="sharing"),
    path("plans/<str:public_id>/reviews/", sharing.shared_reviews, name="shared_reviews"),
    path("shares/<str:public_id>/revoke/", sharing.share_revoke, name="share_revoke"),
    path("invites/<str:public_id>/accept/", sharing.invite_accept, name="invite_accept"),
    path("invites/<str:public_id>/decline/", sharing.invite_decline, name="invite_decline"),
    # The link mailed with an invitation by email address; the secret is never stored.
    path("invites/<str:public_id>/join/<str:token>/", sharing.invite_link, name="invite_link"),
    path("goals/<str:public_id>/comments/", sharing.comment_create, name="comment_create"),
    path("comments/<str:public_id>/delete/", sharing.comment_delete, name="comment_delete"),
]
