"""Career words in English and Chinese that short searches are widened with.

Pure data. Each entry is one idea with the forms posts use for it: English forms first,
Chinese forms second. A search of a few words that names one of these forms also looks
for the others, in both languages, so 晋升 finds "promoted" and "burnout" finds "burned
out". The glossary's terms (registered through `rung.core.term_pairs`) are read beside
these; an idea may appear in both, and the forms of every entry a typed form belongs to
are used together.

English forms are stemmed like the index ("promoted" and "promotion" both become
`promot`), so plurals and regular verb forms need no entry of their own; irregular ones
("laid off", "burnt out") and other words for the same thing do. A form of several words
is matched as a phrase. Keep forms specific: a form that is also an everyday word (优化
alone, "report" alone) would widen unrelated searches, so the narrower 被优化 and "direct
report" stand in for them.
"""

from rung.core.term_pairs import TermPair

CAREER_TERMS: tuple[TermPair, ...] = (
    # Levels, promotion and reviews ------------------------------------------------------
    TermPair(
        ("promotion", "promoted", "get promoted", "promo", "promo cycle", "level up"),
        ("晋升", "升职", "提拔", "晋级", "升级答辩"),
    ),
    TermPair(
        ("passed over for promotion", "passed over", "not promoted", "promotion denied"),
        ("晋升失败", "没评上", "晋升被拒", "没升上去"),
    ),
    TermPair(
        ("performance review", "perf review", "annual review", "review cycle", "appraisal"),
        ("绩效评估", "绩效考核", "年终考核", "考评", "绩效评审"),
    ),
    TermPair(
        ("rating", "performance rating", "review score", "meets expectations", "exceeds"),
        ("绩效等级", "评级", "打分", "绩效结果"),
    ),
    TermPair(
        ("performance improvement plan", "PIP", "put on a PIP"),
        ("绩效改进计划", "PIP", "绩效改进"),
    ),
    TermPair(
        ("self-review", "self review", "self-assessment", "self assessment", "self-evaluation"),
        ("自评", "绩效自评", "年终自评", "自我评价"),
    ),
    TermPair(
        ("mid-year review", "self presentation", "work report", "year-end summary"),
        ("年中述职", "述职", "年终总结", "工作汇报"),
    ),
    TermPair(("slides", "slide deck", "presentation", "PPT"), ("幻灯片", "PPT", "汇报材料")),
    TermPair(
        ("junior", "junior engineer", "new grad", "entry level"),
        ("初级", "初级工程师", "应届生", "校招"),
    ),
    TermPair(("mid-level", "mid level", "intermediate engineer"), ("中级", "中级工程师")),
    TermPair(("senior", "senior engineer", "senior developer"), ("高级", "高级工程师", "高工")),
    TermPair(
        ("staff engineer", "staff", "staff-level", "staff plus"),
        ("资深", "资深工程师", "Staff 工程师", "主任工程师"),
    ),
    TermPair(
        ("principal engineer", "principal", "distinguished engineer"),
        ("首席工程师", "首席", "Principal"),
    ),
    TermPair(("architect", "software architect"), ("架构师",)),
    TermPair(("director", "engineering director"), ("总监", "技术总监")),
    # People -----------------------------------------------------------------------------
    TermPair(
        ("manager", "boss", "line manager", "my manager", "supervisor"),
        ("经理", "领导", "上级", "老板", "leader", "主管"),
    ),
    TermPair(("direct report", "direct reports", "my reports"), ("下属", "直接下属", "组员")),
    TermPair(("team lead", "lead a team", "leading a team"), ("组长", "带团队", "小组长")),
    TermPair(("tech lead", "technical lead", "TL"), ("技术负责人", "技术组长", "TL")),
    TermPair(
        ("move into management", "management track", "people management", "become a manager"),
        ("转管理", "做管理", "带人", "管理岗"),
    ),
    TermPair(
        ("new manager", "first-time manager", "first time manager"),
        ("新任经理", "新经理", "刚转管理"),
    ),
    TermPair(
        ("mentor", "mentors", "mentorship", "mentoring", "mentee"),
        ("导师", "带教", "师傅", "带新人", "mentor"),
    ),
    TermPair(
        ("one-on-one", "one on one", "1-on-1", "1on1", "1:1"),
        ("一对一", "一对一沟通", "单独沟通", "1:1"),
    ),
    TermPair(
        ("cross-team", "across teams", "cross-functional", "influence without authority"),
        ("跨团队", "跨部门", "横向推动"),
    ),
    TermPair(("feedback", "critique"), ("反馈", "意见")),
    TermPair(("conflict", "disagreement", "disagree"), ("冲突", "分歧", "矛盾")),
    TermPair(("take credit", "steal credit", "credit for my work"), ("抢功", "功劳")),
    TermPair(("colleague", "coworker", "teammate", "peer"), ("同事", "队友")),
    TermPair(("leadership",), ("领导力",)),
    TermPair(("hiring", "recruiting", "hire"), ("招聘", "招人")),
    TermPair(("reorg", "reorganization", "restructuring"), ("组织调整", "架构调整", "重组")),
    # Pay, jobs and leaving --------------------------------------------------------------
    TermPair(("raise", "pay raise", "pay rise", "salary increase"), ("加薪", "涨薪", "调薪")),
    TermPair(
        ("salary", "pay", "compensation", "wage", "wages"),
        ("薪资", "工资", "薪水", "薪酬", "待遇"),
    ),
    TermPair(("bonus", "year-end bonus", "annual bonus"), ("奖金", "年终奖")),
    TermPair(
        ("negotiate", "negotiation", "salary negotiation", "negotiate salary"),
        ("谈薪", "谈薪资", "薪资谈判", "谈判", "议价"),
    ),
    TermPair(("job offer", "offer", "offer letter"), ("offer", "录用通知", "入职邀请")),
    TermPair(
        ("probation", "probation period", "probationary period", "pass probation"),
        ("试用期", "转正", "转不了正", "试用期考核", "转正答辩"),
    ),
    TermPair(
        ("layoff", "laid off", "lay off", "let go", "RIF", "reduction in force", "redundancy"),
        ("裁员", "被裁", "被裁员", "被优化", "裁员潮", "被毕业", "N+1", "裁员补偿"),
    ),
    TermPair(
        ("severance", "severance package", "severance pay", "redundancy pay"),
        ("N+1", "赔偿", "裁员补偿", "离职补偿", "经济补偿", "补偿金"),
    ),
    TermPair(
        ("resignation", "resign", "quit", "quitting", "leave the company", "hand in my notice"),
        ("离职", "辞职", "提离职", "裸辞"),
    ),
    TermPair(
        ("job hopping", "job hop", "switch jobs", "change jobs", "changing jobs", "new job"),
        ("跳槽", "换工作", "换公司"),
    ),
    TermPair(
        ("job search", "job hunting", "looking for a job", "job market"),
        ("找工作", "求职", "投简历"),
    ),
    TermPair(("resume", "résumé", "CV"), ("简历",)),
    TermPair(("referral", "employee referral"), ("内推",)),
    TermPair(("recruiter", "headhunter"), ("猎头", "招聘专员")),
    TermPair(("interview", "interviews", "interviewing", "interviewer"), ("面试", "面试官")),
    TermPair(
        ("behavioral interview", "behavioural interview", "behavioral questions"),
        ("行为面试", "behavioral"),
    ),
    TermPair(
        ("system design", "system design interview", "design round"),
        ("系统设计", "系统设计面试"),
    ),
    TermPair(
        ("career change", "career switch", "switch careers", "change careers"), ("转行", "转型")
    ),
    TermPair(
        ("career growth", "career development", "career path"), ("职业发展", "职业成长", "职业规划")
    ),
    TermPair(("startup", "start-up", "early-stage company"), ("创业公司", "初创公司")),
    TermPair(("big tech", "FAANG", "large tech company"), ("大厂", "互联网大厂")),
    TermPair(("multinational", "foreign company", "global company"), ("外企",)),
    # Hours, health and where you work ---------------------------------------------------
    TermPair(
        ("burnout", "burned out", "burnt out", "burn out", "exhausted", "exhaustion"),
        ("倦怠", "职业倦怠", "燃尽", "身心俱疲", "精疲力尽", "累垮"),
    ),
    TermPair(
        ("overtime", "long hours", "working late", "crunch", "996", "weekend work"),
        ("加班", "996", "加班文化", "高强度加班", "大小周", "周末加班"),
    ),
    TermPair(
        ("on-call", "on call", "oncall", "pager", "paged"), ("值班", "on-call", "oncall", "值守")
    ),
    TermPair(
        ("alert", "alerts", "alerting", "false alarm", "false alarms"),
        ("告警", "报警", "无效告警", "误报"),
    ),
    TermPair(("stress", "stressed", "anxiety", "anxious", "pressure"), ("压力", "焦虑", "压力大")),
    TermPair(
        ("impostor syndrome", "imposter syndrome", "self-doubt"), ("冒名顶替综合征", "自我怀疑")
    ),
    TermPair(("work-life balance", "work life balance"), ("工作与生活平衡", "工作生活平衡")),
    TermPair(
        ("step back", "take a break", "step away", "sabbatical"),
        ("休息一段时间", "停下来休息", "休假"),
    ),
    TermPair(("time off", "vacation", "PTO", "annual leave"), ("休假", "年假", "请假")),
    TermPair(
        ("parental leave", "maternity leave", "paternity leave"), ("产假", "陪产假", "育儿假")
    ),
    TermPair(
        ("return to office", "RTO", "back to the office", "office mandate"),
        ("返岗", "回办公室", "返回办公室", "坐班", "到办公室"),
    ),
    TermPair(
        ("remote work", "remote", "work from home", "WFH"), ("远程办公", "远程工作", "居家办公")
    ),
    TermPair(("hybrid work", "hybrid"), ("混合办公",)),
    TermPair(("side project", "side hustle", "personal project"), ("副业", "个人项目", "业余项目")),
    TermPair(("time zone", "time zones", "distributed team"), ("时差", "跨时区")),
    # Engineering work -------------------------------------------------------------------
    TermPair(
        ("code review", "PR review", "pull request review", "reviewing code"),
        ("代码评审", "代码审查", "CR"),
    ),
    TermPair(("design review", "architecture review"), ("设计评审", "方案评审", "技术评审")),
    TermPair(
        ("outage", "incident", "production incident", "production issue"),
        ("事故", "线上事故", "故障"),
    ),
    TermPair(("postmortem", "post-mortem", "retrospective", "retro"), ("复盘",)),
    TermPair(
        ("debug", "debugging", "troubleshoot", "troubleshooting"), ("排查", "调试", "定位问题")
    ),
    TermPair(("deadline", "deadlines", "due date"), ("截止日期", "工期", "deadline")),
    TermPair(("estimate", "estimation", "effort estimate"), ("估时", "工作量评估", "评估工期")),
    TermPair(("priorities", "prioritize", "prioritization"), ("优先级",)),
    TermPair(("tech debt", "technical debt"), ("技术债", "技术债务")),
    TermPair(("codebase", "legacy code", "code base"), ("代码库", "老代码", "屎山")),
    TermPair(("onboarding", "ramp up", "ramping up", "new hire"), ("入职", "上手", "新人入职")),
    TermPair(("reliability", "stability", "uptime"), ("稳定性", "可靠性")),
    TermPair(
        ("cost reduction", "cost savings", "cost cutting", "reduce costs"),
        ("降本", "降本增效", "成本优化"),
    ),
    TermPair(("Kubernetes", "k8s"), ("Kubernetes", "K8s", "容器编排")),
    TermPair(("cluster", "clusters"), ("集群",)),
    TermPair(("scale up", "scaling", "autoscaling", "capacity"), ("扩容", "扩缩容", "弹性伸缩")),
    TermPair(("A/B test", "AB test", "experiment"), ("A/B 测试", "AB测试", "实验")),
    TermPair(("machine learning", "ML"), ("机器学习", "算法")),
    TermPair(
        ("recommendation system", "recommender", "recommender system", "recsys"),
        ("推荐系统", "推荐算法"),
    ),
    TermPair(("cold start", "cold-start"), ("冷启动",)),
    TermPair(("feature leakage", "label leakage", "data leakage"), ("特征穿越", "数据穿越")),
    TermPair(("high concurrency", "high traffic"), ("高并发",)),
    TermPair(("flash sale", "flash sales"), ("秒杀",)),
    TermPair(("URL shortener", "short link", "short links"), ("短链", "短链接")),
    TermPair(("backend", "back-end"), ("后端",)),
    TermPair(("frontend", "front-end"), ("前端",)),
    # Talking and writing ----------------------------------------------------------------
    TermPair(("meeting", "meetings"), ("开会", "会议")),
    TermPair(("speak up", "get a word in", "interrupt"), ("插话", "插不上话", "发言")),
    TermPair(("English", "non-native speaker", "second language"), ("英语", "英文")),
    TermPair(("writing", "technical writing", "write clearly"), ("写作", "文档写作")),
    TermPair(("announce", "announcement", "communicate"), ("宣布", "通知", "沟通")),
)
