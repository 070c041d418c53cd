"""Every write of moderation: standing, holds, flags, the queue's actions, penalties, audit.

Each service is keyword-only and atomic. Actions a moderator or administrator takes are
recorded in the audit log in the same transaction, so no action happens unrecorded. The
modules follow the order they build on each other: audit, standing, penalties, queue, flags.
"""

from rung.moderation.services.audit import (
    audit_record,
    post_label,
)
from rung.moderation.services.flags import (
    flag_create,
    penalties_expire_for,
)
from rung.moderation.services.penalties import (
    MAX_PENALTY_DAYS,
    notice_send,
    notices_take,
    penalties_expire,
    penalty_active,
    penalty_lift,
    penalty_message,
    penalty_set,
)
from rung.moderation.services.queue import (
    author_reveal,
    post_approve,
    post_delete,
    post_hide,
    post_hold,
    question_close_duplicate,
    question_lock,
    question_move,
    question_reopen,
    review_open,
    spam_domain_add,
    spammer_delete,
)
from rung.moderation.services.standing import (
    member_facts,
    standing_of,
    standing_recompute,
    trust_level_set,
    visit_record,
)

__all__ = [
    "MAX_PENALTY_DAYS",
    "audit_record",
    "author_reveal",
    "flag_create",
    "member_facts",
    "notice_send",
    "notices_take",
    "penalties_expire",
    "penalties_expire_for",
    "penalty_active",
    "penalty_lift",
    "penalty_message",
    "penalty_set",
    "post_approve",
    "post_delete",
    "post_hide",
    "post_hold",
    "post_label",
    "question_close_duplicate",
    "question_lock",
    "question_move",
    "question_reopen",
    "review_open",
    "spam_domain_add",
    "spammer_delete",
    "standing_of",
    "standing_recompute",
    "trust_level_set",
    "visit_record",
]
