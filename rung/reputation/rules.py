"""The numbers reputation is made of, in one place (docs/reputation.md explains each)."""

import datetime

# Points a member earns for what others do with their posts.
QUESTION_LIKE_POINTS = 2
ANSWER_LIKE_POINTS = 10
REPLY_LIKE_POINTS = 2
HELPFUL_POINTS = 15
# An asker saying an answer helped them reach an outcome weighs most.
OUTCOME_POINTS = 30
# What promotions and accepted offers add on top, per answer that helped.
OUTCOME_MILESTONE_POINTS = 20

# Sign-ups from one network (an IPv4 /24 or IPv6 /56) this close together are taken for one
# person: their likes on one post count once, and none counts on a post of the author's.
SYBIL_WINDOW = datetime.timedelta(hours=24)

# Experts: the recent list looks back this far; each public answer in a topic adds this
# much to the member's points there, besides the credits its likes and marks earned.
EXPERTS_RECENT = datetime.timedelta(days=14)
EXPERT_ANSWER_POINTS = 2
EXPERTS_SHOWN = 5
