"""Held-out evaluation set for short queries across languages, on the demo content.

Each query is one to four words in one language; its relevant questions are demo
questions (rung/demo/data.py) in the other language, named by a piece of their title
that no other demo title contains. This set was written before the weights were tuned
and was not used while tuning them: the tuning queries live in shortq_tuning.py. When
the demo gains questions, add queries for them here, and keep the two sets apart.
"""

from typing import Literal, NamedTuple

Direction = Literal["zh→en", "en→zh"]


class ShortQuery(NamedTuple):
    query: str
    direction: Direction
    relevant: tuple[str, ...]  # title fragments of the relevant demo questions


# English demo questions, by a fragment of their title.
PROMOTION_EN = (
    "not ready for senior",
    "promotion packet for staff",
    "promotion panel",
    "quiet high performers get promoted",
)
BURNOUT_EN = ("Burned out after a brutal on-call quarter",)
LAYOFFS_EN = ("about layoffs honestly",)
NEGOTIATE_EN = ("negotiate salary when changing jobs",)
SYSTEM_DESIGN_EN = ("ML system design interview", "failing system design rounds")
REVIEWS_EN = ("My first performance review", "I got Meets", "Got Impact E", "calibrate ratings")
STAFF_EN = (
    "promotion packet for staff",
    "Staff engineer without a team",
    "Interviewing for staff roles",
    "between staff and principal",
)
PRINCIPAL_EN = ("rarely ship code", "hands-on skills sharp", "between staff and principal")
# Chinese demo questions.
DEFENSE_ZH = ("第一次参加晋升答辩",)
HOP_ZH = ("想跳槽",)
RATING_ZH = ("绩效只拿到 M",)
NEW_MANAGER_ZH = ("刚转管理",)
K8S_ZH = ("Kubernetes 集群扩容",)
MEETING_ZH = ("英语开会总是插不上话",)
STAFF_ZH = ("到资深（Staff）",)
CALIBRATION_ZH = ("绩效校准会上",)
BURNOUT_ZH = ("感觉自己燃尽了",)
MID_YEAR_ZH = ("第一次做年中述职",)

QUERIES: tuple[ShortQuery, ...] = (
    # Chinese queries for English questions.
    ShortQuery("职业倦怠", "zh→en", BURNOUT_EN),
    ShortQuery("身心俱疲", "zh→en", BURNOUT_EN),
    ShortQuery("被裁", "zh→en", LAYOFFS_EN),
    ShortQuery("裁员 沟通", "zh→en", LAYOFFS_EN),
    ShortQuery("提拔", "zh→en", PROMOTION_EN),
    ShortQuery("晋升材料", "zh→en", ("promotion packet for staff",)),
    ShortQuery("晋升委员会", "zh→en", ("promotion panel",)),
    ShortQuery("跳槽 谈薪资", "zh→en", NEGOTIATE_EN),
    ShortQuery("换工作 薪资", "zh→en", NEGOTIATE_EN),
    ShortQuery("系统设计面试", "zh→en", SYSTEM_DESIGN_EN),
    ShortQuery("面试 分歧", "zh→en", ("fair hiring decision",)),
    ShortQuery("招聘", "zh→en", ("fair hiring decision",)),
    ShortQuery("校准", "zh→en", ("calibrate ratings",)),
    ShortQuery("绩效评级", "zh→en", ("calibrate ratings", "I got Meets")),
    ShortQuery("第一次绩效评估", "zh→en", ("My first performance review",)),
    ShortQuery("线上故障", "zh→en", ("production outage",)),
    ShortQuery("优先级", "zh→en", ("director changes priorities",)),
    ShortQuery("截止日期", "zh→en", ("push back on a deadline",)),
    ShortQuery("组织调整", "zh→en", ("announce a reorg",)),
    ShortQuery("代码评审", "zh→en", ("code or design reviews",)),
    ShortQuery("设计评审", "zh→en", ("code or design reviews",)),
    ShortQuery("设计文档", "zh→en", ("design docs get more comments",)),
    ShortQuery("英语 写作", "zh→en", ("design docs get more comments",)),
    ShortQuery("英语 开会", "zh→en", ("non-native English speaker", "Shanghai and Seattle")),
    ShortQuery("跨时区 团队", "zh→en", ("Shanghai and Seattle",)),
    ShortQuery("主人翁意识", "zh→en", ("show ownership as a junior", "Got Impact E")),
    ShortQuery("影响力", "zh→en", ("rarely ship code", "Got Impact E")),
    ShortQuery("首席工程师", "zh→en", PRINCIPAL_EN),
    ShortQuery("技术总监", "zh→en", ("senior EM to director", "director changes priorities")),
    ShortQuery("带团队", "zh→en", ("offered me a team lead role", "second team")),
    ShortQuery("转管理", "zh→en", ("offered me a team lead role",)),
    ShortQuery("A/B 测试", "zh→en", ("A/B test is flat",)),
    ShortQuery("代码库 上手", "zh→en", ("ramp up on a huge codebase",)),
    ShortQuery("高级工程师 晋升", "zh→en", ("not ready for senior",)),
    ShortQuery("机器学习 系统设计", "zh→en", ("ML system design interview",)),
    ShortQuery("资深工程师", "zh→en", STAFF_EN),
    # English queries for Chinese questions.
    ShortQuery("promotion defense", "en→zh", DEFENSE_ZH),
    ShortQuery("promotion interview", "en→zh", DEFENSE_ZH),
    ShortQuery("job hopping", "en→zh", HOP_ZH),
    ShortQuery("switch jobs salary", "en→zh", HOP_ZH),
    ShortQuery("salary negotiation", "en→zh", HOP_ZH),
    ShortQuery("performance rating", "en→zh", RATING_ZH + CALIBRATION_ZH),
    ShortQuery("calibration meeting", "en→zh", CALIBRATION_ZH),
    ShortQuery("rating my reports", "en→zh", CALIBRATION_ZH),
    ShortQuery("direct reports", "en→zh", CALIBRATION_ZH + NEW_MANAGER_ZH),
    ShortQuery("new manager", "en→zh", NEW_MANAGER_ZH),
    ShortQuery("first-time manager", "en→zh", NEW_MANAGER_ZH),
    ShortQuery("managing older colleagues", "en→zh", NEW_MANAGER_ZH),
    ShortQuery("k8s", "en→zh", K8S_ZH),
    ShortQuery("cluster scaling", "en→zh", K8S_ZH),
    ShortQuery("troubleshooting pods", "en→zh", K8S_ZH),
    ShortQuery("speak up in meetings", "en→zh", MEETING_ZH),
    ShortQuery("foreign company English", "en→zh", MEETING_ZH),
    ShortQuery("staff engineer", "en→zh", STAFF_ZH),
    ShortQuery("senior to staff", "en→zh", STAFF_ZH),
    ShortQuery("burnout", "en→zh", BURNOUT_ZH),
    ShortQuery("burned out", "en→zh", BURNOUT_ZH),
    ShortQuery("overtime", "en→zh", BURNOUT_ZH),
    ShortQuery("exhausted", "en→zh", BURNOUT_ZH),
    ShortQuery("long hours", "en→zh", BURNOUT_ZH),
    ShortQuery("mid-year review", "en→zh", MID_YEAR_ZH + RATING_ZH),
    ShortQuery("work report slides", "en→zh", MID_YEAR_ZH),
    ShortQuery("PPT", "en→zh", MID_YEAR_ZH),
    ShortQuery("cost reduction", "en→zh", RATING_ZH),
    ShortQuery("stability work", "en→zh", RATING_ZH),
    ShortQuery("self presentation", "en→zh", MID_YEAR_ZH),
    ShortQuery("promotion", "en→zh", DEFENSE_ZH + STAFF_ZH),
)
