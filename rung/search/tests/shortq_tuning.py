"""Tuning set for short queries across languages: the queries the weights were tuned on.

`expansion.EXPANDED_WEIGHT`, `expansion.OPTIONAL_WEIGHT` and
`selectors.EXPANDED_LIST_WEIGHT` were chosen by their recall on these queries alone. The
held-out figures come from shortq_eval.py, which shares no query with this file (a test
checks it).
"""

from rung.search.tests.shortq_eval import (
    BURNOUT_EN,
    BURNOUT_ZH,
    CALIBRATION_ZH,
    COUNTER_OFFER_ZH,
    DEFENSE_ZH,
    HOP_ZH,
    K8S_ZH,
    LAYOFFS_EN,
    MEETING_ZH,
    MID_YEAR_ZH,
    NEGOTIATE_EN,
    NEW_MANAGER_ZH,
    OVERTIME_ALL_ZH,
    PRINCIPAL_PROMO_ZH,
    PROMOTION_EN,
    RATING_ZH,
    REVIEWS_EN,
    SELF_REVIEW_ZH,
    STAFF_ALL_ZH,
    STAFF_ZH,
    SYSTEM_DESIGN_EN,
    ShortQuery,
)

QUERIES: tuple[ShortQuery, ...] = (
    ShortQuery("晋升", "zh→en", PROMOTION_EN),
    ShortQuery("升职", "zh→en", PROMOTION_EN),
    ShortQuery("倦怠", "zh→en", BURNOUT_EN),
    ShortQuery("裁员", "zh→en", LAYOFFS_EN),
    ShortQuery("值班", "zh→en", BURNOUT_EN),
    ShortQuery("谈薪", "zh→en", NEGOTIATE_EN),
    ShortQuery("面试", "zh→en", (*SYSTEM_DESIGN_EN, "fair hiring decision")),
    ShortQuery("系统设计", "zh→en", SYSTEM_DESIGN_EN),
    ShortQuery("绩效考核", "zh→en", REVIEWS_EN),
    ShortQuery("线上事故", "zh→en", ("production outage",)),
    ShortQuery("重组", "zh→en", ("announce a reorg",)),
    ShortQuery("burnt out", "en→zh", BURNOUT_ZH),
    ShortQuery("996", "en→zh", OVERTIME_ALL_ZH),
    ShortQuery("promo", "en→zh", (*DEFENSE_ZH, *STAFF_ZH, PRINCIPAL_PROMO_ZH)),
    ShortQuery("kubernetes", "en→zh", K8S_ZH),
    ShortQuery("negotiate", "en→zh", (*HOP_ZH, COUNTER_OFFER_ZH)),
    ShortQuery("staff", "en→zh", STAFF_ALL_ZH),
    ShortQuery("annual work report", "en→zh", (*MID_YEAR_ZH, *RATING_ZH, SELF_REVIEW_ZH)),
    ShortQuery("manager", "en→zh", NEW_MANAGER_ZH),
    ShortQuery("meetings", "en→zh", MEETING_ZH),
    ShortQuery("calibration", "en→zh", CALIBRATION_ZH),
)
