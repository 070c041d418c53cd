"""The glossary's content: career terms with their names and definitions in English and
Chinese, kept as code so it is edited and reviewed with the code."""

from dataclasses import dataclass
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rung.core.term_pairs import TermPair

Lang = Literal["en", "zh"]
# Values for the HTML `lang` attribute of each content language.
HTML_LANG: dict[Lang, str] = {"en": "en", "zh": "zh-Hans"}
QUERY_MAX_CHARS = 100


@dataclass(frozen=True)
class Theme:
    slug: str
    label: str | Promise


@dataclass(frozen=True)
class Term:
    """One career term with its names and a definition in English and in Chinese."""

    slug: str
    theme: str
    en: str
    zh: str
    en_definition: str
    zh_definition: str
    # Other spellings, plurals and abbreviations that posts use for the same idea.
    en_also: tuple[str, ...] = ()
    zh_also: tuple[str, ...] = ()

    def name(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def definition(self, lang: Lang) -> str:
        return self.zh_definition if lang == "zh" else self.en_definition

    def variants(self) -> tuple[str, ...]:
        """Return every form of the term that posts are searched for."""
        return (self.en, *self.en_also, self.zh, *self.zh_also)


THEMES = (
    Theme("levels", _("Levels and promotion")),
    Theme("reviews", _("Performance reviews")),
    Theme("people", _("Working with people")),
    Theme("growth", _("Growing your career")),
    Theme("jobs", _("Pay, contracts and leaving")),
)

TERMS: tuple[Term, ...] = (
    # Levels and promotion ------------------------------------------------------------------
    Term(
        "level",
        "levels",
        en="level",
        en_also=("levels", "job level", "job levels", "career level", "career levels"),
        zh="职级",
        zh_also=("级别",),
        en_definition="A rung on a company's career ladder. It sets the expectations you are "
        "judged against, and usually the pay band you sit in.",
        zh_definition="公司职业阶梯上的一级。它决定了评价你时所用的标准，通常也对应一个薪资范围。",
    ),
    Term(
        "levelling",
        "levels",
        en="levelling",
        en_also=("leveling",),
        zh="定级",
        zh_also=("职级评定",),
        en_definition="Deciding which level someone joins at or belongs to, usually from "
        "interviews or a review of recent work. A level set too low is hard to fix later.",
        zh_definition="确定一个人入职时或当前应处于哪个职级，通常依据面试表现或近期工作的评审。"
        "定级偏低，之后往往很难纠正。",
    ),
    Term(
        "career-ladder",
        "levels",
        en="career ladder",
        en_also=("career ladders", "engineering ladder", "job ladder", "career framework"),
        zh="职业阶梯",
        zh_also=("职级体系", "晋升通道"),
        en_definition="The written list of levels and what each one expects, across areas "
        "such as technical skill, impact and teamwork.",
        zh_definition="成文的职级列表，写明每一级在技术能力、影响力、协作等方面的要求。",
    ),
    Term(
        "promotion",
        "levels",
        en="promotion",
        en_also=("promotions", "promo", "promos", "promoted"),
        zh="晋升",
        zh_also=("升职",),
        en_definition="Moving up to the next level, with a new title and usually more pay. "
        "Most companies promote people who already work at the next level, not people who "
        "might one day.",
        zh_definition="升到更高一级职级，通常伴随新头衔和加薪。多数公司晋升的是已经在按更高一级"
        "标准工作的人，而不是“将来也许可以”的人。",
    ),
    Term(
        "promotion-packet",
        "levels",
        en="promotion packet",
        en_also=(
            "promotion packets",
            "promo packet",
            "promo packets",
            "promotion case",
            "promo doc",
            "promotion document",
        ),
        zh="晋升材料",
        zh_also=("晋升文档", "晋升申请材料"),
        en_definition="The document that makes the case for a promotion: the work you did, "
        "its results and what peers say, set against the next level's expectations.",
        zh_definition="为晋升准备的书面材料：列出你做过的工作、取得的结果和同事的评价，"
        "并逐条对照更高一级的要求。",
    ),
    Term(
        "promotion-committee",
        "levels",
        en="promotion committee",
        en_also=("promotion committees", "promo committee", "promotion panel"),
        zh="晋升委员会",
        zh_also=("晋升评审委员会", "评审委员会"),
        en_definition="A group of senior people, often from other teams, who read promotion "
        "packets and decide. They rarely know you, so the packet has to speak for you.",
        zh_definition="由资深人员（常来自其他团队）组成、审阅晋升材料并作出决定的小组。"
        "他们通常不认识你，所以材料必须自己把事情讲清楚。",
    ),
    Term(
        "promotion-defense",
        "levels",
        en="promotion defense",
        en_also=("promotion defence", "promotion interview"),
        zh="晋升答辩",
        en_definition="A step common at Chinese companies: you present your work to a review "
        "panel and answer its questions, and the panel's score weighs heavily in the decision.",
        zh_definition="国内公司常见的晋升环节：向评审小组讲述自己的工作并回答提问，"
        "评委的打分对能否晋升影响很大。",
    ),
    Term(
        "senior-engineer",
        "levels",
        en="senior engineer",
        en_also=(
            "senior engineers",
            "senior software engineer",
            "senior software engineers",
            "senior developer",
        ),
        zh="高级工程师",
        zh_also=("高级开发工程师",),
        en_definition="A level at which you are trusted to deliver sizeable projects on your "
        "own and to help the people around you grow.",
        zh_definition="能够独立交付较大项目、并带动身边同事成长的职级。",
    ),
    Term(
        "staff-engineer",
        "levels",
        en="staff engineer",
        en_also=("staff engineers", "staff software engineer", "staff+", "staff-plus"),
        zh="主任工程师",
        zh_also=("Staff工程师", "Staff 工程师"),
        en_definition="The level above senior on many ladders. Staff engineers set technical "
        "direction across several teams and spend much of their time on problems nobody was "
        "assigned.",
        zh_definition="许多公司中高于高级工程师的一级，也常直接叫 Staff 工程师。"
        "负责跨多个团队的技术方向，大量时间花在没人认领的问题上。",
    ),
    Term(
        "principal-engineer",
        "levels",
        en="principal engineer",
        en_also=("principal engineers",),
        zh="首席工程师",
        en_definition="A level above staff that is rare at most companies. The work shapes the "
        "technical strategy of a whole organisation.",
        zh_definition="高于 Staff 的职级，在多数公司都很少见。其工作影响整个组织的技术战略。",
    ),
    Term(
        "tech-lead",
        "levels",
        en="tech lead",
        en_also=("tech leads", "technical lead", "technical leads"),
        zh="技术负责人",
        zh_also=("技术组长",),
        en_definition="The engineer who guides a team's technical decisions and keeps the work "
        "moving. It is usually a role rather than a level, and need not include managing people.",
        zh_definition="带领团队做技术决策、推动工作前进的工程师。它通常是一个角色而不是职级，"
        "也不一定要管人。",
    ),
    Term(
        "engineering-manager",
        "levels",
        en="engineering manager",
        en_also=("engineering managers", "people manager", "people managers"),
        zh="技术经理",
        zh_also=("研发经理", "工程经理"),
        en_definition="A manager responsible for a team's people: hiring, growth, reviews and "
        "how the team works. Moving into it is a change of job, not a promotion.",
        zh_definition="负责团队成员的管理者：招聘、成长、绩效评估以及团队的工作方式。"
        "转做经理是换了一份工作，而不是一次晋升。",
    ),
    Term(
        "individual-contributor",
        "levels",
        en="individual contributor",
        en_also=("individual contributors", "IC track"),
        zh="个人贡献者",
        zh_also=("专业序列", "技术序列"),
        en_definition="An engineer who grows by doing the work rather than by managing people. "
        "Many companies have a separate IC track that reaches as high as the management one.",
        zh_definition="通过亲自做事而不是管人来成长的工程师。许多公司设有独立的专业序列，"
        "上限与管理序列相当。",
    ),
    # Performance reviews -------------------------------------------------------------------
    Term(
        "performance-review",
        "reviews",
        en="performance review",
        en_also=(
            "performance reviews",
            "perf review",
            "perf reviews",
            "performance evaluation",
            "performance appraisal",
        ),
        zh="绩效评估",
        zh_also=("绩效考核", "绩效评审"),
        en_definition="The regular, often twice-yearly, judgement of how well you did against "
        "your level's expectations. It feeds your rating, pay and promotion.",
        zh_definition="定期（常为每半年一次）评估你在本职级要求下的表现，"
        "结果会影响绩效等级、薪酬和晋升。",
    ),
    Term(
        "performance-rating",
        "reviews",
        en="performance rating",
        en_also=("performance ratings", "perf rating", "perf ratings", "performance score"),
        zh="绩效",
        zh_also=("绩效等级", "绩效评级", "绩效结果"),
        en_definition="The grade a review ends in, such as 'meets' or 'exceeds' expectations, "
        "or 3.75 or B at many Chinese companies. Said on its own, 绩效 usually means this grade.",
        zh_definition="绩效评估最终给出的等级，例如“符合预期”“超出预期”，或国内常见的 3.75、"
        "A/B/C。单说“绩效”时，通常就是指这个结果。",
    ),
    Term(
        "calibration",
        "reviews",
        en="calibration",
        en_also=(
            "calibrations",
            "calibration meeting",
            "calibration meetings",
            "calibration session",
            "calibration sessions",
        ),
        zh="校准",
        zh_also=("绩效校准", "校准会"),
        en_definition="A meeting where managers compare ratings across teams so that the same "
        "work gets the same grade. Your manager speaks for you there, so make sure they know "
        "your results.",
        zh_definition="各团队经理一起比较绩效评级、力求同样的工作得到同样等级的会议。"
        "你不在场，由经理替你发言，所以要确保他清楚你的成果。",
    ),
    Term(
        "performance-improvement-plan",
        "reviews",
        en="performance improvement plan",
        en_also=("performance improvement plans", "PIP", "PIPs"),
        zh="绩效改进计划",
        en_definition="A formal plan with goals and a deadline, given when performance is "
        "judged too low. Sometimes it is a real second chance, sometimes a step towards "
        "letting someone go.",
        zh_definition="因绩效被判定不达标而下发的正式计划，带有目标和期限。有时是真正的改进机会，"
        "有时则是辞退前的一步。",
    ),
    Term(
        "360-feedback",
        "reviews",
        en="360 feedback",
        en_also=("360-degree feedback", "360 review", "360 reviews", "360-degree review"),
        zh="360度评估",
        zh_also=("360 度评估", "360评估", "360度反馈", "360 反馈", "360环评"),
        en_definition="Feedback gathered from the people all around you, such as peers, "
        "partner teams and reports as well as your manager, usually as input to a review.",
        zh_definition="从你周围的人那里收集的反馈，包括同事、合作团队、下属以及经理，"
        "通常作为绩效评估的参考。",
    ),
    Term(
        "self-review",
        "reviews",
        en="self-review",
        en_also=("self-reviews", "self review", "self-assessment", "self-evaluation"),
        zh="自评",
        zh_also=("自我评估",),
        en_definition="Your own written account of your work in a review period. Managers "
        "often reuse its words, so concrete results and numbers matter.",
        zh_definition="你对本考核周期工作的书面总结。经理常会直接引用其中的内容，"
        "因此具体的成果和数字很重要。",
    ),
    Term(
        "work-report",
        "reviews",
        en="annual work report",
        en_also=("work report", "work reports", "year-end report"),
        zh="述职",
        zh_also=("述职报告", "年终述职", "年度述职"),
        en_definition="A presentation, common at Chinese companies, in which you report a "
        "period's work to your manager or a panel, often as part of a review or promotion.",
        zh_definition="向上级或评审小组汇报一段时间工作的陈述环节，常用于绩效评估或晋升。",
    ),
    Term(
        "okr",
        "reviews",
        en="OKR",
        en_also=("OKRs", "objectives and key results"),
        zh="目标与关键结果",
        zh_also=("目标与关键成果",),
        en_definition="Objectives and key results: a way of setting goals that pairs an "
        "ambitious objective with a few measurable results. Reaching about 70% is often fine.",
        zh_definition="一种目标管理方法：把一个有挑战性的目标与几个可衡量的结果配对，"
        "完成七成左右通常就算不错。",
    ),
    Term(
        "kpi",
        "reviews",
        en="KPI",
        en_also=("KPIs", "key performance indicator", "key performance indicators"),
        zh="关键绩效指标",
        zh_also=("考核指标",),
        en_definition="Key performance indicator: a number you are measured against, such as "
        "uptime or revenue. Unlike an OKR, a missed KPI usually counts against you.",
        zh_definition="用来衡量你工作的具体数字，例如可用性或收入。与 OKR 不同，"
        "KPI 没完成通常会直接影响评价。",
    ),
    Term(
        "impact",
        "reviews",
        en="impact",
        en_also=("business impact",),
        zh="影响力",
        zh_also=("业务影响",),
        en_definition="The difference your work made to users, the business or other "
        "engineers. Reviews weigh it above effort or the amount of code written.",
        zh_definition="你的工作给用户、业务或其他工程师带来的实际变化。绩效评估更看重它，"
        "而不是付出的辛苦或代码量。",
    ),
    Term(
        "scope",
        "reviews",
        en="scope",
        zh="职责范围",
        en_definition="How big a problem you are trusted with: a task, a feature, a system, or "
        "several teams' worth of work. Each level up usually means a wider scope.",
        zh_definition="你被托付的问题有多大：一个任务、一个功能、一个系统，或横跨几个团队的工作。"
        "职级越高，职责范围通常越大。",
    ),
    Term(
        "ownership",
        "reviews",
        en="ownership",
        en_also=("owner mindset",),
        zh="主人翁意识",
        zh_also=("owner意识", "owner 意识"),
        en_definition="Treating a problem as yours until it is solved, including the "
        "unglamorous parts nobody asked you to do.",
        zh_definition="把一个问题当作自己的事，直到它真正解决为止，包括那些没人要求、"
        "也不显眼的部分。",
    ),
    Term(
        "brag-document",
        "reviews",
        en="brag document",
        en_also=("brag documents", "brag doc", "brag docs", "brag file", "work log"),
        zh="工作日志",
        zh_also=("成果记录",),
        en_definition="A running list of what you did and why it mattered, kept as you go. "
        "It makes self-reviews and promotion packets far easier to write.",
        zh_definition="随时记下自己做了什么、为什么重要的清单。有了它，写自评和晋升材料会轻松得多。",
    ),
    # Working with people -------------------------------------------------------------------
    Term(
        "one-on-one",
        "people",
        en="one-on-one",
        en_also=("one-on-ones", "one on one", "1:1", "1:1s", "1-on-1"),
        zh="一对一",
        zh_also=("一对一沟通", "1对1"),
        en_definition="A regular private meeting between you and your manager or a mentor. It "
        "is your time: bring the topics, career ones included.",
        zh_definition="你与经理或导师定期进行的单独会谈。这是属于你的时间，议题由你来准备，"
        "也包括职业发展的话题。",
    ),
    Term(
        "skip-level",
        "people",
        en="skip-level meeting",
        en_also=(
            "skip-level meetings",
            "skip-level",
            "skip-levels",
            "skip level",
            "skip-level one-on-one",
        ),
        zh="越级沟通",
        zh_also=("隔级沟通", "跨级沟通"),
        en_definition="A meeting with your manager's manager. It gives them a direct view of "
        "the team, and gives you context you would not otherwise hear.",
        zh_definition="与经理的上级单独沟通。对方能直接了解团队情况，你也能听到平时接触不到的背景。",
    ),
    Term(
        "mentor",
        "people",
        en="mentor",
        en_also=("mentors", "mentorship", "mentoring"),
        zh="导师",
        zh_also=("导师制",),
        en_definition="Someone more experienced who gives you advice and perspective. A mentor "
        "talks with you; a sponsor talks about you.",
        zh_definition="比你更有经验、给你建议和视角的人。导师是和你交谈的人，"
        "举荐人则是在别人面前为你说话的人。",
    ),
    Term(
        "sponsor",
        "people",
        en="sponsor",
        en_also=("sponsors", "sponsorship"),
        zh="举荐人",
        zh_also=("背书人",),
        en_definition="A senior person who spends their standing on you: naming you for big "
        "projects and arguing for you in calibration and promotion discussions.",
        zh_definition="愿意用自己的影响力为你争取机会的资深人士：推荐你参与重要项目，"
        "并在校准和晋升讨论中为你说话。",
    ),
    Term(
        "stakeholder",
        "people",
        en="stakeholder",
        en_also=("stakeholders",),
        zh="利益相关方",
        zh_also=("利益相关者", "干系人"),
        en_definition="Anyone affected by your work or with a say in it, such as product "
        "managers, other teams or leadership. Keeping them informed is part of the job.",
        zh_definition="受你的工作影响或对其有话语权的人，例如产品经理、其他团队或管理层。"
        "让他们及时了解进展也是工作的一部分。",
    ),
    # Growing your career -------------------------------------------------------------------
    Term(
        "stretch-assignment",
        "growth",
        en="stretch assignment",
        en_also=("stretch assignments", "stretch project", "stretch projects"),
        zh="挑战性任务",
        zh_also=("挑战性项目",),
        en_definition="Work a little beyond your current level, taken on to learn and to show "
        "that you can operate at the next one.",
        zh_definition="略高于当前职级要求的工作，用来学习，也用来证明你能胜任更高一级。",
    ),
    Term(
        "visibility",
        "growth",
        en="visibility",
        zh="可见度",
        zh_also=("曝光度",),
        en_definition="How well the people who decide your review know what you did. Good work "
        "that nobody hears about rarely counts in full.",
        zh_definition="决定你绩效的人对你工作的了解程度。没人知道的好工作，往往得不到应有的认可。",
    ),
    Term(
        "development-plan",
        "growth",
        en="development plan",
        en_also=(
            "development plans",
            "individual development plan",
            "IDP",
            "career development plan",
            "growth plan",
        ),
        zh="个人发展计划",
        zh_also=("发展计划", "成长计划"),
        en_definition="A short written plan, agreed with your manager, that names the skills "
        "you want to build next and how you will practise them.",
        zh_definition="与经理商定的简短书面计划，写明接下来要提升的能力以及练习的方式。",
    ),
    Term(
        "design-doc",
        "growth",
        en="design doc",
        en_also=("design docs", "design document", "design documents"),
        zh="设计文档",
        zh_also=("技术方案",),
        en_definition="A written proposal for how to build something, reviewed before coding "
        "starts. At senior levels it is one of the main ways to show technical judgement.",
        zh_definition="在动手编码前写好并请人评审的实现方案。到了高级别，"
        "它是展示技术判断力的主要方式之一。",
    ),
    Term(
        "internal-transfer",
        "growth",
        en="internal transfer",
        en_also=("internal transfers", "internal move", "internal mobility", "team transfer"),
        zh="转岗",
        zh_also=("内部转岗", "内部调动"),
        en_definition="Moving to another team or role inside the same company. It often "
        "restarts the clock towards promotion, so time it with care.",
        zh_definition="在同一家公司内换到另一个团队或岗位。这常常会让晋升进度重新计算，"
        "所以要挑好时机。",
    ),
    Term(
        "headcount",
        "growth",
        en="headcount",
        en_also=("headcounts", "head count", "HC"),
        zh="编制",
        en_definition="An approved slot to hire someone, often shortened to HC. Without "
        "headcount there is no hire, and sometimes no internal transfer, however good the "
        "candidate.",
        zh_definition="获批的招聘名额，常简称 HC。没有编制就不能招人，有时也无法接收转岗，"
        "无论候选人多优秀。",
    ),
    Term(
        "burnout",
        "growth",
        en="burnout",
        en_also=("burned out", "burnt out", "burn-out"),
        zh="职业倦怠",
        zh_also=("倦怠",),
        en_definition="Exhaustion from long stretches of stress or overwork, until the work "
        "stops feeling worth it. Recovery takes rest and real change, not only a holiday.",
        zh_definition="长期压力或过劳造成的身心耗竭，让人觉得工作失去意义。"
        "恢复需要休息和实际的改变，而不只是一次休假。",
    ),
    Term(
        "involution",
        "growth",
        en="involution",
        zh="内卷",
        en_definition="A Chinese word for competition in which everyone works harder but nobody "
        "gets further ahead, such as ever longer hours becoming the new normal.",
        zh_definition="人人都更拼命、却没人因此真正领先的竞争，例如越来越长的加班变成新的常态。",
    ),
    # Pay, contracts and leaving ------------------------------------------------------------
    Term(
        "total-compensation",
        "jobs",
        en="total compensation",
        en_also=("total comp", "TC"),
        zh="总包",
        zh_also=("年包", "薪资总包"),
        en_definition="Everything a job pays in a year: base salary, bonus and the yearly "
        "value of any stock. Compare offers on this, not on salary alone.",
        zh_definition="一份工作一年的全部收入：基本工资、奖金以及股票按年折算的价值。"
        "比较 offer 时要看总包，而不只看月薪。",
    ),
    Term(
        "equity",
        "jobs",
        en="equity",
        en_also=("RSU", "RSUs", "stock options"),
        zh="股权激励",
        zh_also=("期权", "限制性股票"),
        en_definition="Company shares or options given as pay, usually vesting over several "
        "years. It ties part of your income to the company's value and to staying.",
        zh_definition="作为薪酬发放的公司股票或期权，通常分几年归属。"
        "它把你的一部分收入与公司价值、以及你是否留下绑在一起。",
    ),
    Term(
        "counter-offer",
        "jobs",
        en="counter-offer",
        en_also=("counter-offers", "counteroffer", "counteroffers", "counter offer"),
        zh="反向报价",
        zh_also=("挽留offer",),
        en_definition="An offer from your current employer to keep you once you say you are "
        "leaving, usually more pay. Whatever made you look elsewhere often remains.",
        zh_definition="你提出离职后，现公司为挽留你而开出的条件，通常是加薪。"
        "但促使你想离开的原因往往依然存在。",
    ),
    Term(
        "probation",
        "jobs",
        en="probation",
        en_also=("probation period", "probationary period"),
        zh="试用期",
        en_definition="The first months of a new job, when either side can end it more easily. "
        "In China it lasts at most six months, and passing it is called 转正.",
        zh_definition="新工作的最初几个月，双方在此期间解除劳动关系更容易。"
        "国内试用期最长六个月，通过试用期称为“转正”。",
    ),
    Term(
        "notice-period",
        "jobs",
        en="notice period",
        en_also=("notice periods",),
        zh="离职通知期",
        zh_also=("提前通知期", "通知期"),
        en_definition="The time between saying you are leaving and your last day. In China an "
        "employee normally gives 30 days' written notice, or 3 days during probation.",
        zh_definition="从提出离职到最后一天之间的时间。在国内，员工一般需提前 30 天书面通知，"
        "试用期内提前 3 天即可。",
    ),
    Term(
        "non-compete",
        "jobs",
        en="non-compete",
        en_also=("non-competes", "noncompete", "non-compete agreement", "non-compete clause"),
        zh="竞业协议",
        zh_also=("竞业限制", "竞业禁止", "竞业限制协议"),
        en_definition="A clause that bars you from working for competitors for a while after "
        "you leave. In China it can last up to two years, and the employer must pay you "
        "monthly while it applies.",
        zh_definition="约定离职后一段时间内不得为竞争对手工作。在国内最长两年，"
        "且公司须在此期间按月向你支付补偿。",
    ),
    Term(
        "layoff",
        "jobs",
        en="layoff",
        en_also=("layoffs", "laid off", "lay off", "reduction in force", "RIF"),
        zh="裁员",
        zh_also=("被裁", "裁员潮"),
        en_definition="Ending jobs for business reasons rather than performance. How it is "
        "done, including notice and pay, depends on local law and the company.",
        zh_definition="因经营原因而非个人绩效解除劳动关系。通知期和补偿怎么安排，"
        "取决于当地法律和公司政策。",
    ),
    Term(
        "severance",
        "jobs",
        en="severance",
        en_also=("severance pay", "severance package", "severance packages"),
        zh="补偿金",
        zh_also=("经济补偿金", "经济补偿", "离职补偿"),
        en_definition="Money paid when a job ends. In China it is often written N+1: a month's "
        "pay per year worked (N), plus a month when notice is not given. An unlawful "
        "dismissal can cost 2N.",
        zh_definition="劳动关系结束时支付的款项。国内常说“N+1”：每工作一年补偿一个月工资（N），"
        "未提前通知再加一个月。违法解除则可能需支付 2N 的赔偿金。",
    ),
    Term(
        "996",
        "jobs",
        en="996",
        en_also=("996 schedule", "996 culture"),
        zh="996工作制",
        en_definition="Working 9 a.m. to 9 p.m., six days a week: shorthand for the long hours "
        "at some Chinese tech companies, and at odds with China's labour law on working hours.",
        zh_definition="早九点到晚九点、每周工作六天，常用来指部分国内科技公司的长工时，"
        "与劳动法关于工时的规定相冲突。",
    ),
)


def content_language(language: str | None) -> Lang:
    """Return the glossary language for a UI language code such as "zh-hans"."""
    return "zh" if (language or "").lower().startswith("zh") else "en"


def other_language(lang: Lang) -> Lang:
    return "en" if lang == "zh" else "zh"


def glossary_term_pairs() -> list[TermPair]:
    """Return each term's English and Chinese names, for search's query expansion."""
    return [TermPair((term.en, *term.en_also), (term.zh, *term.zh_also)) for term in TERMS]
