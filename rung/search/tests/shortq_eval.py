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
LAYOFF_TALK_EN = "about layoffs honestly"
LAID_OFF_EN = "laid off last week"
OFFERS_EN = "Two job offers after a layoff"
LAYOFFS_EN = (LAYOFF_TALK_EN, LAID_OFF_EN, OFFERS_EN)
PROBATION_EN = "six-month probation"
PIP_EN = "60-day PIP"
RTO_EN = "three days a week in the office"
SIDE_PROJECT_EN = "side project worth it"
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
STAFF_DEFENSE_ZH = "Staff 晋升答辩被挂了"
DEFENSE_ZH = ("第一次参加晋升答辩", STAFF_DEFENSE_ZH)
PRINCIPAL_PROMO_ZH = "从 Staff 晋升首席工程师"
HOP_ZH = ("想跳槽",)
RATING_ZH = ("绩效只拿到 M",)
NEW_MANAGER_ZH = ("刚转管理",)
K8S_ZH = ("Kubernetes 集群扩容",)
MEETING_ZH = ("英语开会总是插不上话",)
STAFF_ZH = ("到资深（Staff）",)
CALIBRATION_ZH = ("绩效校准会上",)
STAFF_BURNOUT_ZH = "越来越倦怠"
BURNOUT_ZH = ("感觉自己燃尽了", STAFF_BURNOUT_ZH)
MID_YEAR_ZH = ("第一次做年中述职",)
# Chinese questions added with data_more.py.
LAID_OFF_ZH = "拿到 N+1"
PIP_ZH = "绩效改进计划（PIP）"
OFFERS_ZH = "手上三个 offer"
PROBATION_ZH = "转不了正"
RTO_ZH = "每周回办公室四天"
SIDE_PROJECT_ZH = "下班后做副业"
COUNTER_OFFER_ZH = "今年调薪只有 3%"
OVERTIME_ZH = "默认 996"
ONE_ON_ONE_ZH = "1:1 总是冷场"
TECH_LEAD_ZH = "第一次做项目的技术负责人"
CODE_REVIEW_ZH = "code review 里总挑风格"
ALERTS_ZH = "减少无效告警"
TO_BIG_TECH_ZH = "在外企待了六年"
BEHAVIORAL_ZH = "英文行为面试"
MENTOR_ZH = "第一次给应届生当 mentor"
SCORES_ZH = "3.5 和 3.75"
STAFF_IMPACT_ZH = "Staff 的影响力怎么体现"
PRINCIPAL_ZH = "平时到底在做什么"
RECSYS_DESIGN_ZH = "推荐系统设计题"
DESIGN_INTERVIEW_ZH = "设计短链"
SELF_REVIEW_ZH = "年终绩效自评"
STAFF_ALL_ZH = (*STAFF_ZH, STAFF_IMPACT_ZH, STAFF_DEFENSE_ZH, STAFF_BURNOUT_ZH, PRINCIPAL_PROMO_ZH)
OVERTIME_ALL_ZH = (BURNOUT_ZH[0], OVERTIME_ZH)

QUERIES: tuple[ShortQuery, ...] = (
    # Chinese queries for English questions.
    ShortQuery("职业倦怠", "zh→en", BURNOUT_EN),
    ShortQuery("身心俱疲", "zh→en", BURNOUT_EN),
    ShortQuery("被裁", "zh→en", LAYOFFS_EN),
    ShortQuery("裁员 沟通", "zh→en", (LAYOFF_TALK_EN,)),
    ShortQuery("提拔", "zh→en", PROMOTION_EN),
    ShortQuery("晋升材料", "zh→en", ("promotion packet for staff",)),
    ShortQuery("晋升委员会", "zh→en", ("promotion panel",)),
    ShortQuery("跳槽 谈薪资", "zh→en", (*NEGOTIATE_EN, OFFERS_EN)),
    ShortQuery("换工作 薪资", "zh→en", (*NEGOTIATE_EN, OFFERS_EN)),
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
    ShortQuery("代码库 上手", "zh→en", ("ramp up on a huge codebase", PROBATION_EN)),
    ShortQuery("高级工程师 晋升", "zh→en", ("not ready for senior",)),
    ShortQuery("机器学习 系统设计", "zh→en", ("ML system design interview",)),
    ShortQuery("资深工程师", "zh→en", STAFF_EN),
    # Added with data_more.py, written before their results were looked at.
    ShortQuery("被裁员 找工作", "zh→en", (LAID_OFF_EN, OFFERS_EN)),
    ShortQuery("失业", "zh→en", (LAID_OFF_EN, OFFERS_EN)),
    ShortQuery("裁员 赔偿", "zh→en", (LAID_OFF_EN,)),
    ShortQuery("两个 offer", "zh→en", (OFFERS_EN,)),
    ShortQuery("大厂 创业公司 选择", "zh→en", (OFFERS_EN,)),
    ShortQuery("试用期", "zh→en", (PROBATION_EN,)),
    ShortQuery("转正", "zh→en", (PROBATION_EN,)),
    ShortQuery("刚入职", "zh→en", (PROBATION_EN, "ramp up on a huge codebase")),
    ShortQuery("绩效改进计划", "zh→en", (PIP_EN,)),
    ShortQuery("劝退", "zh→en", (PIP_EN,)),
    ShortQuery("返岗", "zh→en", (RTO_EN,)),
    ShortQuery("回办公室", "zh→en", (RTO_EN,)),
    ShortQuery("远程办公", "zh→en", (RTO_EN,)),
    ShortQuery("副业", "zh→en", (SIDE_PROJECT_EN,)),
    ShortQuery("开源项目", "zh→en", (SIDE_PROJECT_EN,)),
    ShortQuery("个人项目 知识产权", "zh→en", (SIDE_PROJECT_EN,)),
    ShortQuery("值班 太累", "zh→en", BURNOUT_EN),
    # English queries for Chinese questions.
    ShortQuery("promotion defense", "en→zh", (*DEFENSE_ZH, PRINCIPAL_PROMO_ZH)),
    ShortQuery("promotion interview", "en→zh", (*DEFENSE_ZH, PRINCIPAL_PROMO_ZH)),
    ShortQuery("job hopping", "en→zh", (*HOP_ZH, RTO_ZH, TO_BIG_TECH_ZH)),
    ShortQuery("switch jobs salary", "en→zh", (*HOP_ZH, COUNTER_OFFER_ZH, OFFERS_ZH)),
    ShortQuery("salary negotiation", "en→zh", (*HOP_ZH, COUNTER_OFFER_ZH)),
    ShortQuery("performance rating", "en→zh", (*RATING_ZH, *CALIBRATION_ZH, SCORES_ZH)),
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
    ShortQuery("foreign company English", "en→zh", (*MEETING_ZH, BEHAVIORAL_ZH, TO_BIG_TECH_ZH)),
    ShortQuery("staff engineer", "en→zh", STAFF_ALL_ZH),
    ShortQuery("senior to staff", "en→zh", (*STAFF_ZH, STAFF_DEFENSE_ZH)),
    ShortQuery("burnout", "en→zh", BURNOUT_ZH),
    ShortQuery("burned out", "en→zh", BURNOUT_ZH),
    ShortQuery("overtime", "en→zh", OVERTIME_ALL_ZH),
    ShortQuery("exhausted", "en→zh", BURNOUT_ZH),
    ShortQuery("long hours", "en→zh", OVERTIME_ALL_ZH),
    ShortQuery("mid-year review", "en→zh", MID_YEAR_ZH + RATING_ZH),
    ShortQuery("work report slides", "en→zh", MID_YEAR_ZH),
    ShortQuery("PPT", "en→zh", MID_YEAR_ZH),
    ShortQuery("cost reduction", "en→zh", RATING_ZH),
    ShortQuery("stability work", "en→zh", RATING_ZH),
    ShortQuery("self presentation", "en→zh", MID_YEAR_ZH),
    ShortQuery("promotion", "en→zh", (*DEFENSE_ZH, *STAFF_ZH, PRINCIPAL_PROMO_ZH)),
    # Added with data_more.py, written before their results were looked at.
    ShortQuery("laid off", "en→zh", (LAID_OFF_ZH, OFFERS_ZH)),
    ShortQuery("severance", "en→zh", (LAID_OFF_ZH,)),
    ShortQuery("N+1", "en→zh", (LAID_OFF_ZH,)),
    ShortQuery("PIP", "en→zh", (PIP_ZH,)),
    ShortQuery("performance improvement plan", "en→zh", (PIP_ZH,)),
    ShortQuery("multiple offers", "en→zh", (OFFERS_ZH,)),
    ShortQuery("counter offer", "en→zh", (COUNTER_OFFER_ZH,)),
    ShortQuery("probation", "en→zh", (PROBATION_ZH,)),
    ShortQuery("pass probation", "en→zh", (PROBATION_ZH,)),
    ShortQuery("return to office", "en→zh", (RTO_ZH,)),
    ShortQuery("commute", "en→zh", (RTO_ZH,)),
    ShortQuery("side hustle", "en→zh", (SIDE_PROJECT_ZH,)),
    ShortQuery("open source side project", "en→zh", (SIDE_PROJECT_ZH,)),
    ShortQuery("set boundaries", "en→zh", (OVERTIME_ZH,)),
    ShortQuery("one on one", "en→zh", (ONE_ON_ONE_ZH,)),
    ShortQuery("1:1 meetings", "en→zh", (ONE_ON_ONE_ZH,)),
    ShortQuery("tech lead", "en→zh", (TECH_LEAD_ZH,)),
    ShortQuery("code review nitpicks", "en→zh", (CODE_REVIEW_ZH,)),
    ShortQuery("on-call alerts", "en→zh", (ALERTS_ZH,)),
    ShortQuery("alert fatigue", "en→zh", (ALERTS_ZH,)),
    ShortQuery("behavioral interview", "en→zh", (BEHAVIORAL_ZH,)),
    ShortQuery("mentoring a new grad", "en→zh", (MENTOR_ZH,)),
    ShortQuery("rating 3.75", "en→zh", (SCORES_ZH,)),
    ShortQuery("principal engineer", "en→zh", (PRINCIPAL_ZH, PRINCIPAL_PROMO_ZH)),
    ShortQuery("recommendation system design", "en→zh", (RECSYS_DESIGN_ZH,)),
    ShortQuery("self review", "en→zh", (SELF_REVIEW_ZH,)),
    ShortQuery("staff impact", "en→zh", (STAFF_IMPACT_ZH, STAFF_DEFENSE_ZH)),
    ShortQuery("joining big tech", "en→zh", (TO_BIG_TECH_ZH,)),
    ShortQuery("system design interview", "en→zh", (RECSYS_DESIGN_ZH, DESIGN_INTERVIEW_ZH)),
)
