"""Evaluation set for cross-lingual search: English/Chinese question pairs and distractors.

All text is original. Each pair asks the same thing in two languages, written the way a
native speaker would ask it rather than translated word for word. Distractors sit near the
pairs' subjects but ask something else, so a search that only matches the subject fails.
"""

from typing import NamedTuple


class EvalQuestion(NamedTuple):
    title: str
    body: str


class EvalPair(NamedTuple):
    key: str  # short slug, unique
    en: EvalQuestion
    zh: EvalQuestion


PAIRS: tuple[EvalPair, ...] = (
    EvalPair(
        "promotion-senior-impact",
        EvalQuestion(
            "What kind of impact do I need to show to get promoted from mid-level to senior?",
            "I've been a mid-level backend engineer at a 300-person company for two and a half "
            "years. My manager says my work is solid but I'm not yet operating at the next "
            "level, even though I ship every ticket on time. What does senior-level impact "
            "actually look like in practice?",
        ),
        EvalQuestion(
            "从中级升到高级工程师，到底需要拿出什么样的影响力？",
            "我在一家三百人左右的公司做后端，中级干了两年半。领导总说我活干得扎实，但还没体现出高"
            "一级的水平，可我的需求每次都是按时交付的。高级工程师的影响力具体应该是什么样的？",
        ),
    ),
    EvalPair(
        "promotion-staff-case",
        EvalQuestion(
            "How do I build a convincing case for promotion from senior to staff engineer?",
            "I'm a senior engineer at a large tech company and my manager wants to nominate me "
            "for staff next cycle. The case goes to a committee of directors who don't know my "
            "work. I led a migration of our billing system to event sourcing that touched four "
            "teams, and I'm not sure how to frame it so they see staff-level scope.",
        ),
        EvalQuestion(
            "高级升 staff 的晋升材料该怎么写，才能让评审委员会认可？",
            "我在大厂做高级工程师，老板打算下个周期提名我升 staff。评审的是几位总监，他们并不了解"
            "我的工作。我主导过计费系统迁移到事件溯源，牵涉四个团队，不知道怎么组织这段经历才能体"
            "现 staff 级别的范围。",
        ),
    ),
    EvalPair(
        "promotion-panel-presentation",
        EvalQuestion(
            "How should I prepare for a promotion review where I present my work to a panel?",
            "To get promoted to P7 at my company you give a 20-minute presentation to a panel of "
            "senior engineers, then take 10 minutes of questions. I've been at P6 for three "
            "years and this is my first attempt. I'm worried they'll grill me on design "
            "shortcuts I took under deadline pressure, so how do I structure the talk and handle "
            "tough questions?",
        ),
        EvalQuestion(
            "第一次参加 P7 晋升答辩，材料和现场提问该怎么准备？",
            "我在 P6 待了三年，今年第一次报晋升 P7，要做二十分钟述职，再接受十分钟评委提问。评委"
            "都是资深技术专家，我担心他们追问当初赶工期时做的设计取舍。答辩内容怎么组织，被问到尖"
            "锐问题时又该怎么应对？",
        ),
    ),
    EvalPair(
        "review-rating-disagree",
        EvalQuestion(
            "My manager rated me as meeting expectations but I think I exceeded them. Should I "
            "push back?",
            "This year I shipped the new search ranking and covered for a teammate on leave for "
            "three months. My rating came back as 'meets expectations', and my manager said "
            "calibration was tight. Is it worth contesting, and how do I raise it without "
            "damaging the relationship?",
        ),
        EvalQuestion(
            "年终绩效只拿到“符合预期”，觉得自己明显超出了，该不该申诉？",
            "今年我上线了新的搜索排序，还替休假的同事扛了三个月的活，结果绩效只给了“符合预期”，领"
            "导说校准时名额很紧。值不值得去争取？怎么开口才不会把关系搞僵？",
        ),
    ),
    EvalPair(
        "review-calibration-meeting",
        EvalQuestion(
            "What actually happens in performance calibration meetings, and how can I influence "
            "the outcome?",
            "Ratings at my company are decided in a calibration meeting between managers that "
            "engineers never see. Last year my manager told me privately I was on track for "
            "'exceeds', but my rating dropped after calibration. What goes on in those rooms, "
            "and what can I do beforehand so my manager can argue for me?",
        ),
        EvalQuestion(
            "绩效校准会上到底在讨论什么？我能做些什么让领导替我争取？",
            "我们公司的绩效是几个经理在校准会上拍板的，员工完全看不到过程。去年领导私下说我能拿“"
            "超出预期”，结果校准完反而降了一档。这种会一般怎么运作？我事先准备些什么，领导在会上"
            "才有底气帮我说话？",
        ),
    ),
    EvalPair(
        "raise-underpaid-vs-new-hires",
        EvalQuestion(
            "How do I ask my manager for a raise when new hires at my level earn more?",
            "I joined four years ago and my salary has only moved with small annual adjustments. "
            "I recently found out that engineers hired last year at my level earn about 20% more "
            "than I do. I don't want to leave, but the gap bothers me, so how should I bring it "
            "up?",
        ),
        EvalQuestion(
            "发现新来的同级同事工资比我高两成，怎么跟领导提涨薪？",
            "我入职四年了，每年只有一点点普调。最近才知道去年新招的同级别工程师比我多拿两成左右。"
            "我本身不想走，但这个差距让我很不舒服，这事该怎么跟领导开口？",
        ),
    ),
    EvalPair(
        "comp-top-of-band",
        EvalQuestion(
            "What can I do when my pay is already at the top of my level's salary band?",
            "HR told me my base salary is at the maximum of the band for senior engineers, so my "
            "raise this year was zero. I'm not ready to go for staff, and my manager says his "
            "hands are tied. Are there other levers, like equity refreshers or bonuses, that I "
            "can realistically ask for?",
        ),
        EvalQuestion(
            "工资已经到了职级薪资带的上限，还有什么办法涨收入？",
            "HR 说我的基本工资已经到了高级工程师这一档的上限，所以今年调薪为零。我暂时还不够格冲"
            "下一个级别，领导也说他没办法。除了晋升，股票补发、奖金这些还能争取吗？",
        ),
    ),
    EvalPair(
        "job-switch-too-soon",
        EvalQuestion(
            "Is it too soon to switch jobs after only a year and a half at my company?",
            "I'm a frontend engineer with about five years of experience and joined my current "
            "company 18 months ago. The team has been reorganised twice and I'm not learning "
            "much anymore. My previous job also lasted under two years, so will leaving this "
            "early look bad to employers?",
        ),
        EvalQuestion(
            "入职才一年半就想跳槽，会不会显得太频繁、不稳定？",
            "我做前端五年左右，在现在这家公司才待了十八个月，团队已经调整了两次，感觉学不到东西"
            "了。可上一份工作我也没干满两年，这么快又走，以后的面试官会不会觉得我不稳定？",
        ),
    ),
    EvalPair(
        "counter-offer-accept",
        EvalQuestion(
            "Should I accept a counter-offer from my current employer after I've already resigned?",
            "I resigned after getting an offer with a 35% raise from another company. Within a "
            "day my director matched the money and offered a title bump as well. I'm tempted to "
            "stay, but I've heard most people who accept counter-offers leave within a year "
            "anyway. How should I decide?",
        ),
        EvalQuestion(
            "提了离职后公司开出挽留条件，我要不要留下来？",
            "我拿到一个涨薪 35% 的 offer 后提了离职，第二天总监就找我谈，说薪资可以跟到一样，还能"
            "给我升一级。我有点心动，但听说接受挽留的人大多一年内还是会走。这种情况该怎么权衡？",
        ),
    ),
    EvalPair(
        "layoff-rumours-prepare",
        EvalQuestion(
            "There are rumours of layoffs at my company. What should I do to prepare now?",
            "Our company missed revenue targets two quarters in a row and leadership has frozen "
            "hiring. People are whispering that a 15% cut is coming next month. I have a "
            "mortgage and a young child, so I'd rather be ready than caught off guard. What "
            "practical steps make sense now?",
        ),
        EvalQuestion(
            "公司里传言要裁员，我现在应该提前做哪些准备？",
            "公司连续两个季度营收没达标，管理层已经冻结招聘，私下都在传下个月要裁掉百分之十五的"
            "人。我有房贷，还有一个孩子，不想到时候措手不及。现在有哪些实际的事情值得先做？",
        ),
    ),
    EvalPair(
        "layoff-severance-negotiate",
        EvalQuestion(
            "Is it possible to negotiate a better severance package after being laid off?",
            "Yesterday I was told my role is being eliminated in a restructuring, after six "
            "years at the company. They offered two months of pay and want me to sign within a "
            "week. Is there room to negotiate, and what should I ask for?",
        ),
        EvalQuestion(
            "被公司裁员了，补偿方案还有谈判的空间吗？",
            "昨天公司通知我，因为组织调整我的岗位被取消了，我在这里干了六年。他们给了两个月工资作"
            "为补偿，要求一周内签字。这个方案还能再谈吗？应该争取些什么？",
        ),
    ),
    EvalPair(
        "pip-can-i-pass",
        EvalQuestion(
            "I was just put on a performance improvement plan. Can I realistically get off it?",
            "Last week my manager gave me a 60-day PIP, citing slow delivery on two projects. I "
            "think unclear requirements were part of the problem, but I know arguing won't help. "
            "Do people actually pass PIPs, or should I start looking for another job immediately?",
        ),
        EvalQuestion(
            "刚被放进绩效改进计划（PIP），还有可能翻身吗？",
            "上周领导给了我一个为期六十天的 PIP，理由是两个项目交付太慢。我觉得需求不清楚也是原因"
            "之一，但争辩估计没用。真的有人能顺利通过 PIP 吗？还是应该马上开始找下家？",
        ),
    ),
    EvalPair(
        "manager-micromanages-prs",
        EvalQuestion(
            "How do I deal with a new manager who micromanages every pull request I open?",
            "My new manager came from a hands-on tech lead role and comments on nearly every PR "
            "I open, often about personal style preferences. I have eight years of experience "
            "and it's starting to feel like I'm not trusted. How can I raise this without "
            "sounding defensive?",
        ),
        EvalQuestion(
            "新领导连我提的每个 PR 都要插手，这种微管理该怎么沟通？",
            "新来的领导之前是一线技术负责人，现在几乎我提的每个 PR 他都要评论，很多只是代码风格上"
            "的个人偏好。我工作八年了，越来越觉得自己不被信任。怎么跟他提才不会显得像在辩解？",
        ),
    ),
    EvalPair(
        "skip-level-first-meeting",
        EvalQuestion(
            "What should I talk about in my first skip-level meeting with my director?",
            "My director has started 30-minute skip-level meetings with everyone on the team, "
            "and mine is next week. I don't want to waste the time, and I'm also afraid of "
            "accidentally throwing my manager under the bus. Which topics are appropriate, and "
            "what should I avoid?",
        ),
        EvalQuestion(
            "第一次和隔级领导一对一沟通，应该聊些什么？",
            "我们总监开始和团队里每个人做半小时的隔级沟通，下周轮到我。我不想浪费这个机会，也怕一"
            "不小心说了直属领导的坏话。哪些话题适合聊，哪些最好别碰？",
        ),
    ),
    EvalPair(
        "ic-or-manager-track",
        EvalQuestion(
            "How do I decide between staying an individual contributor and becoming an "
            "engineering manager?",
            "I'm a senior engineer with seven years of experience, and my director has offered "
            "me a team of five to manage. I enjoy mentoring, but I'm afraid of losing my "
            "technical edge once I stop coding. How did others make this choice, and can I go "
            "back if I don't like it?",
        ),
        EvalQuestion(
            "继续走技术路线还是转管理，到底该怎么选？",
            "我工作七年，目前是高级工程师，总监问我愿不愿意带一个五人小组。我挺喜欢带人，但又担心"
            "不写代码之后技术慢慢荒废。大家当初是怎么做这个决定的？转了管理如果不喜欢还能回头吗？",
        ),
    ),
    EvalPair(
        "tech-lead-how-much-coding",
        EvalQuestion(
            "I just became a tech lead. How much of my time should I still spend coding?",
            "Last month I was made tech lead of a team of six, with no formal people-management "
            "duties. I keep grabbing the hardest tickets myself and then falling behind on "
            "reviews and planning. What's a healthy split between writing code and enabling the "
            "rest of the team?",
        ),
        EvalQuestion(
            "刚当上技术负责人，自己还应该花多少时间写代码？",
            "上个月我被任命为六人小组的技术负责人，不涉及人事管理。我总习惯自己接最难的任务，结果"
            "代码评审和排期都跟不上。写代码和支持团队之间，时间怎么分配比较合理？",
        ),
    ),
    EvalPair(
        "oncall-burnout-make-case",
        EvalQuestion(
            "How do I raise on-call burnout with leadership when the whole team is exhausted?",
            "Our team of four rotates on call weekly, and during your week you get paged about "
            "six times a night. Two people have already said they're thinking of quitting. I "
            "want to push for alert cleanup and a larger rotation, but leadership keeps "
            "prioritising features. How do I make the case?",
        ),
        EvalQuestion(
            "值班半夜被告警叫醒太多，整个组都快撑不住了，怎么跟上面提？",
            "我们组四个人轮流 on-call，每人一周，轮到的那周平均一晚被叫醒六次，已经有两个同事说在"
            "考虑离职。我想推动清理告警、扩大轮值范围，但上面一直优先排新功能。怎样才能说服他们？",
        ),
    ),
    EvalPair(
        "work-hours-boundaries",
        EvalQuestion(
            "How can I set boundaries on my working hours when my team routinely works late?",
            "On my team it's normal to be online until 10pm, and people answer chat messages on "
            "weekends. I have a two-year-old at home and want to stop working evenings, but I'm "
            "worried it will hurt my review. How have others drawn that line without looking "
            "less committed?",
        ),
        EvalQuestion(
            "团队普遍加班到很晚，我想准点下班会不会影响绩效？",
            "我们组晚上十点还在线是常态，周末群里也有人回消息。我家里有个两岁的孩子，想把晚上留给"
            "家人，又怕影响年底绩效。有没有人成功划清过界限，又没被认为不够投入？",
        ),
    ),
    EvalPair(
        "interview-system-design-prep",
        EvalQuestion(
            "How should I prepare for system design interviews when I've only built small CRUD "
            "apps?",
            "I've spent four years building REST APIs for internal tools, and nothing I've "
            "worked on had more than a few hundred users. I have senior-level interviews with "
            "system design rounds in six weeks. How do I prepare so I can reason credibly about "
            "scale I've never run?",
        ),
        EvalQuestion(
            "只做过增删改查的业务开发，系统设计面试该怎么准备？",
            "我做了四年内部工具的 REST 接口开发，接触过的系统用户量最多也就几百人。六周后要面几家"
            "公司的高级岗，都有系统设计环节。没经历过大规模场景，怎么准备才能讲得让人信服？",
        ),
    ),
    EvalPair(
        "interview-coding-practice-time",
        EvalQuestion(
            "How do I fit coding interview practice around a full-time job without burning out?",
            "I plan to change jobs in about three months, and most of my target companies still "
            "run algorithm-style coding rounds. I work around 45 hours a week and can spare "
            "about an hour on weekday evenings. What's an efficient practice plan that won't "
            "wreck me?",
        ),
        EvalQuestion(
            "上班之余刷算法题准备面试，时间怎么安排才不会累垮？",
            "我打算三个月后跳槽，目标公司大多还考算法题。平时每周工作四十五个小时左右，工作日晚上"
            "最多挤出一个小时。有没有比较高效、又不至于把自己搞垮的刷题计划？",
        ),
    ),
    EvalPair(
        "interview-behavioural-conflict",
        EvalQuestion(
            "How do I answer behavioural interview questions about conflict without sounding "
            "negative?",
            "Interviewers keep asking me to describe a time I disagreed with a colleague, and "
            "all my honest stories involve someone behaving badly. In my last two interviews I "
            "felt my answers came across as complaining. How should I choose and frame these "
            "stories?",
        ),
        EvalQuestion(
            "行为面试被问到和同事的冲突，怎么回答才不像在抱怨？",
            "面试里经常被要求讲一次和同事意见不合的经历，可我真实的例子里对方确实做得不太好。最近"
            "两次面试，我感觉自己的回答听起来像在吐槽别人。这类故事该怎么挑、怎么讲？",
        ),
    ),
    EvalPair(
        "resume-reads-junior",
        EvalQuestion(
            "How should I rewrite my resume so it reads like a senior engineer's and not a "
            "junior's?",
            "My resume still lists technologies and tasks the same way it did when I graduated "
            "eight years ago. Recruiters have told me it looks like a mid-level profile. What "
            "should I change to show scope and impact instead of a list of tools?",
        ),
        EvalQuestion(
            "工作八年了，简历还像初级工程师写的，该怎么改？",
            "我的简历还是毕业时的写法，罗列用过的技术和做过的任务，有猎头直说看上去像中级工程师。"
            "要怎么调整，才能体现负责的范围和产出，而不只是一串技术名词？",
        ),
    ),
    EvalPair(
        "remote-only-one-sidelined",
        EvalQuestion(
            "How do I avoid being sidelined as the only remote engineer on my team?",
            "I'm the only remote person on a team of nine; everyone else is in the London office "
            "three days a week. Decisions keep getting made in hallway conversations I'm not "
            "part of. How can I make sure my work is noticed and I don't fall behind when "
            "promotions come around?",
        ),
        EvalQuestion(
            "全组只有我一个人远程办公，怎么避免被边缘化？",
            "团队九个人，其他人每周三天在伦敦办公室，只有我全程远程。很多决定都是在走廊里随口聊出"
            "来的，我根本不在场。怎样才能让自己的工作被看到，晋升时不吃亏？",
        ),
    ),
    EvalPair(
        "relocate-abroad-same-level",
        EvalQuestion(
            "Is it worth relocating abroad for a software job at the same level I have now?",
            "I'm a backend engineer in Shanghai with six years of experience, and I have an "
            "offer in Amsterdam at the same level with relocation support. The salary is higher, "
            "but so are taxes and rent, and my partner would have to find work there. How do "
            "people evaluate a move like this?",
        ),
        EvalQuestion(
            "为了一份同级别的工作搬去国外，值得吗？",
            "我在上海做后端六年，拿到了阿姆斯特丹一家公司的 offer，级别不变，提供搬迁补助。工资看"
            "着高，但税和房租也高，我对象过去还得重新找工作。大家一般怎么评估这种机会？",
        ),
    ),
    EvalPair(
        "mentor-junior-never-asks",
        EvalQuestion(
            "How do I mentor a junior engineer who never asks for help when stuck?",
            "I'm mentoring a new graduate who joined three months ago. He spends days stuck on "
            "problems that a ten-minute conversation would solve, but he never reaches out. How "
            "do I get him to ask earlier without hovering over him?",
        ),
        EvalQuestion(
            "带的新人遇到问题从来不问，自己闷头卡好几天，怎么办？",
            "我在带一个三个月前入职的应届生。他经常在一个问题上卡好几天，其实找人聊十分钟就能解"
            "决，可他从不主动问。怎样让他早点求助，又不至于让我像在盯梢？",
        ),
    ),
    EvalPair(
        "code-review-blocked-by-senior",
        EvalQuestion(
            "What should I do when a senior colleague keeps blocking my pull requests over minor "
            "points?",
            "A staff engineer on my team requests changes on most of my PRs, usually about "
            "naming or structure that our style guide doesn't cover, and some PRs sit for a "
            "week. Discussing it in the comments just goes in circles. How do I resolve this "
            "without going straight to our manager?",
        ),
        EvalQuestion(
            "资深同事总因为一些小分歧卡我的代码评审，该怎么处理？",
            "组里一位 staff 工程师对我大部分 PR 都要求修改，多半是命名或结构上的个人偏好，规范里"
            "并没有要求，有的 PR 一卡就是一周。在评论里讨论总是绕圈子，不直接找领导的话怎么解决比"
            "较好？",
        ),
    ),
    EvalPair(
        "estimates-always-short",
        EvalQuestion(
            "How can I get better at estimating how long my engineering work will take?",
            "My estimates are consistently off by about a factor of two, and our product manager "
            "has started padding them herself. Last sprint a 'three-day' integration took almost "
            "two weeks because the partner API was undocumented. Which techniques actually "
            "improve estimates?",
        ),
        EvalQuestion(
            "我估的开发工期总是严重偏短，怎么才能估得更准？",
            "我给的排期基本都要翻一倍才能做完，产品经理已经开始自己往里加缓冲了。上个迭代一个说好"
            "三天的对接，因为合作方接口没有文档，拖了快两周。有哪些方法真的能提高估时准确度？",
        ),
    ),
    EvalPair(
        "tech-debt-convince-product",
        EvalQuestion(
            "How do I convince product management to prioritise paying down our tech debt?",
            "Our checkout service has no tests and every deploy breaks something, which costs us "
            "about a day a week in firefighting. Product keeps pushing new features and treats "
            "refactoring as optional. How do I frame the tech debt work so it actually makes it "
            "onto the roadmap?",
        ),
        EvalQuestion(
            "怎么说服产品经理给还技术债留出排期？",
            "我们的结算服务没有任何测试，每次发布都会出点问题，每周大概要花一天救火。产品一直催新"
            "功能，把重构当成可有可无。技术债的工作要怎么讲，才能真正排进路线图？",
        ),
    ),
    EvalPair(
        "present-to-executives-ten-minutes",
        EvalQuestion(
            "How do I pitch a technical proposal to executives who give me ten minutes and have "
            "no context?",
            "I need our CTO and CFO to approve a quarter spent migrating off a legacy database, "
            "and I get ten minutes in their weekly meeting. My draft is twenty slides of "
            "architecture diagrams, and a colleague warned me it will lose them immediately. How "
            "should I structure it?",
        ),
        EvalQuestion(
            "只有十分钟向高管汇报技术方案，该怎么讲才有效？",
            "我需要 CTO 和 CFO 批准，花一个季度把老数据库迁移掉，他们的周会上只给我十分钟。我准备"
            "了二十页架构图，同事说高管看两页就没耐心了。汇报内容应该怎么组织？",
        ),
    ),
    EvalPair(
        "design-doc-useful-length",
        EvalQuestion(
            "What makes a design doc genuinely useful, and how long should it be?",
            "My team just started requiring design docs for any project longer than two weeks. "
            "My first one was twelve pages and got almost no comments, which I suspect means "
            "nobody read it. What should a good design doc include, and what should I leave out?",
        ),
        EvalQuestion(
            "技术设计文档怎样写才有人看？篇幅多长比较合适？",
            "我们组刚规定超过两周的项目都要先写设计文档。我写的第一篇有十二页，几乎没人评论，估计"
            "根本没人看完。一份好的设计文档应该包含什么，哪些内容可以省掉？",
        ),
    ),
    EvalPair(
        "new-stack-ramp-up",
        EvalQuestion(
            "How do I ramp up quickly after joining a team that uses a stack I've never touched?",
            "I spent five years writing Java services and just moved to a team that runs "
            "everything on Go and Kubernetes. My manager expects me to contribute independently "
            "within two months. What's the most effective way to get productive fast?",
        ),
        EvalQuestion(
            "换到一个技术栈完全陌生的团队，怎么快速上手？",
            "我写了五年 Java 服务，刚转到一个全部用 Go 和 Kubernetes 的团队。领导希望我两个月内就"
            "能独立干活。有什么高效的办法能尽快进入状态？",
        ),
    ),
    EvalPair(
        "ml-research-to-product",
        EvalQuestion(
            "How do I move from an ML research role into building production machine learning "
            "systems?",
            "I have a PhD and spent three years in a research lab publishing papers on "
            "recommendation models. I want to work on things that ship, but interviewers keep "
            "asking about deployment, monitoring and data pipelines I've never owned. How do I "
            "close that gap and position myself?",
        ),
        EvalQuestion(
            "从算法研究岗转去做能落地上线的机器学习工程，该怎么准备？",
            "我博士毕业后在研究院做了三年推荐模型，主要是发论文。现在想做真正上线的产品，但面试官"
            "总问模型部署、监控和数据管道，这些我都没负责过。这个差距怎么补，自己又该怎么定位？",
        ),
    ),
    EvalPair(
        "big-company-to-startup",
        EvalQuestion(
            "Should I leave a big tech company for an early-stage startup in my early thirties?",
            "I'm 32 and a senior engineer at a large company with stable pay and good benefits. "
            "A friend's seed-stage startup has offered me a founding engineer role at 60% of my "
            "current cash plus 1% equity, and I have about a year of savings. How should I weigh "
            "this?",
        ),
        EvalQuestion(
            "三十出头，要不要从大厂跳去早期创业公司？",
            "我今年三十二，在大厂做高级工程师，收入稳定、福利也好。朋友的种子轮公司邀请我去当创始"
            "工程师，现金只有现在的六成，另给 1% 的股权，我的存款大概够撑一年。这事该怎么权衡？",
        ),
    ),
    EvalPair(
        "options-exercise-on-leaving",
        EvalQuestion(
            "Should I exercise my vested stock options when I leave a startup?",
            "I'm leaving a Series C startup after three years and have 90 days to exercise my "
            "vested options. It would cost about $40,000 plus possible tax, and the company may "
            "not go public for years. How do people decide whether it's worth it?",
        ),
        EvalQuestion(
            "从创业公司离职时，已经归属的期权要不要行权？",
            "我在一家 C 轮公司干了三年，准备离职，已归属的期权必须在九十天内行权。行权大约要花四"
            "万美元，可能还要交税，而公司几年内未必能上市。大家一般怎么判断值不值得？",
        ),
    ),
    EvalPair(
        "imposter-after-fast-promotion",
        EvalQuestion(
            "How do I deal with imposter syndrome after being promoted faster than my peers?",
            "I was promoted to senior after only three years, and now I'm the one people bring "
            "their questions to. In every design review I'm convinced someone will realise I "
            "don't deserve the title. How do I stop this feeling from affecting how I work?",
        ),
        EvalQuestion(
            "比同龄人更早升了高级，总觉得自己不配，怎么调整心态？",
            "我工作三年就升了高级，现在轮到别人来问我问题了。每次参加设计评审，我都担心别人会发现"
            "我根本配不上这个职级。怎样才能不让这种心理影响工作？",
        ),
    ),
    EvalPair(
        "parental-leave-return",
        EvalQuestion(
            "How do I get back up to speed after returning from six months of parental leave?",
            "I go back to work next month after six months of parental leave. While I was away "
            "my team switched its main project and two new people joined. I'm also worried the "
            "gap will count against me in my review, so how should I approach my first few weeks "
            "back?",
        ),
        EvalQuestion(
            "休完半年育儿假回来，怎么尽快重新融入团队？",
            "我下个月结束六个月的育儿假回去上班，这段时间团队换了主要项目，还来了两位新同事。我也"
            "担心这段空档会影响年底绩效。回来的头几周应该怎么安排？",
        ),
    ),
    EvalPair(
        "visibility-without-bragging",
        EvalQuestion(
            "How do I make my infrastructure work visible to leadership without feeling like I'm "
            "bragging?",
            "Most of what I do is invisible: I cut our CI time in half and fixed the flaky tests "
            "that blocked everyone. My manager knows, but his boss has no idea who I am. How can "
            "I get credit with senior leadership without coming across as self-promoting?",
        ),
        EvalQuestion(
            "做的都是幕后基础设施，怎么让高层知道我的贡献又不像邀功？",
            "我做的事情大多是看不见的基础设施：把 CI 时间缩短了一半，修掉了拖累所有人的不稳定测"
            "试。直属领导心里有数，但他的上级根本不知道我是谁。怎样让高层看到这些贡献，又不显得在"
            "自我吹嘘？",
        ),
    ),
    EvalPair(
        "cross-team-no-authority",
        EvalQuestion(
            "How do I lead a cross-team project when I have no authority over the other teams?",
            "I've been asked to drive a logging standardisation effort that needs changes from "
            "five teams. None of them report to my manager, each has its own roadmap, and two "
            "have already said they can't fit it in this quarter. How do I get real commitment "
            "without formal authority?",
        ),
        EvalQuestion(
            "牵头跨团队项目，但对其他团队没有管理权，怎么推得动？",
            "我被指派牵头统一日志规范，需要五个团队配合改动。这些团队都不归我领导管，各有各的规"
            "划，已经有两个团队说这个季度排不进去。没有正式权力，怎么让他们真正投入？",
        ),
    ),
    EvalPair(
        "first-90-days-senior-hire",
        EvalQuestion(
            "What should I focus on in my first three months at a new company as a senior hire?",
            "Next week I start as a senior engineer at a fintech company, coming from a much "
            "smaller startup. I want to build credibility quickly without barging in and "
            "proposing rewrites. What should my first 90 days look like?",
        ),
        EvalQuestion(
            "以高级工程师身份加入新公司，头三个月应该重点做什么？",
            "我下周以高级工程师身份入职一家金融科技公司，之前在一家小得多的创业公司。我想尽快建立"
            "信任，但又不想一上来就指手画脚要重写系统。入职头九十天该怎么安排？",
        ),
    ),
    EvalPair(
        "qa-to-developer-transfer",
        EvalQuestion(
            "How can I move from a QA role into a software developer role at the same company?",
            "I've been a QA engineer for three years and write a lot of test automation in "
            "Python. I'd like to transfer to the backend team, but the internal posting asks for "
            "production development experience. How can I build a track record that makes the "
            "move realistic?",
        ),
        EvalQuestion(
            "做了三年测试，想在公司内部转开发，该怎么争取？",
            "我做测试三年了，平时用 Python 写不少自动化脚本。我想转到后端组，但内部岗位要求有线上"
            "开发经验。要怎么积累成绩，才能让转岗变得现实？",
        ),
    ),
    EvalPair(
        "age-over-35-job-search",
        EvalQuestion(
            "Will being over 35 hurt my chances when I look for a new software job?",
            "I'm 36 and have been a backend engineer for twelve years, and I still write code "
            "every day. I keep hearing that companies prefer younger engineers and quietly "
            "filter out older candidates. Is this real, and what can I do to stay competitive?",
        ),
        EvalQuestion(
            "程序员过了35岁再找工作，真的会被嫌弃吗？",
            "我今年三十六，做了十二年后端，现在每天还在写代码。总听说很多公司更想要年轻人，筛简历"
            "时会悄悄刷掉年纪大的。这种情况真实存在吗？我能做些什么保持竞争力？",
        ),
    ),
    EvalPair(
        "offer-down-level",
        EvalQuestion(
            "A company wants to hire me one level below my current title. Should I accept?",
            "I'm a senior engineer at a mid-sized company and interviewed for a senior role at a "
            "large tech firm. They offered me the mid-level position instead, although the pay "
            "is still more than I make now. Will taking the lower level hurt my career in the "
            "long run?",
        ),
        EvalQuestion(
            "面试大厂被降一级发 offer，薪资还比现在高，要不要接？",
            "我在一家中型公司是高级工程师，去面了一家大厂的高级岗位，结果对方给的是低一级的职位，"
            "不过薪资还是比我现在高。接受降级从长远看会影响职业发展吗？",
        ),
    ),
    EvalPair(
        "internal-transfer-ask",
        EvalQuestion(
            "How do I ask for an internal transfer without upsetting my current manager?",
            "I've been on the payments team for three years and would like to join the new data "
            "platform team, which has an opening. My manager relies on me heavily and we're in "
            "the middle of a project. How do I approach this without burning the relationship?",
        ),
        EvalQuestion(
            "想在公司内部转组，怎么开口才不得罪现在的领导？",
            "我在支付组待了三年，新成立的数据平台组正好有空缺，我很想过去。现在的领导很依赖我，项"
            "目也正做到一半。怎么提这件事，才不会把关系搞坏？",
        ),
    ),
    EvalPair(
        "new-manager-feedback-former-peer",
        EvalQuestion(
            "As a new engineering manager, how do I give critical feedback to a former peer?",
            "Three months ago I was promoted to manage the team I used to be part of. One of my "
            "former peers keeps missing deadlines and his code quality has slipped. We were "
            "friends, and I'm dreading the conversation. How do I give honest feedback without "
            "ruining the relationship?",
        ),
        EvalQuestion(
            "刚从同事升为领导，怎么给以前平级的同事提批评意见？",
            "三个月前我被提拔管理原来所在的团队。以前的一个平级同事最近总是延期，代码质量也下滑"
            "了。我们以前关系很好，我一想到要跟他谈就发怵。怎样既坦诚给反馈，又不毁掉这段关系？",
        ),
    ),
    EvalPair(
        "manager-left-before-promotion",
        EvalQuestion(
            "My manager left right before promotion season. How do I keep my promotion case alive?",
            "For a year I worked toward promotion to senior with my manager, who had agreed to "
            "nominate me this cycle. He resigned last month, and my new manager has known me for "
            "three weeks. How do I make sure that year of groundwork isn't lost?",
        ),
        EvalQuestion(
            "晋升季前领导突然离职，之前为晋升做的铺垫会不会白费？",
            "过去一年我一直和领导一起为晋升高级做准备，他也答应这个周期提名我。结果他上个月离职"
            "了，新领导才认识我三周。怎样才能保证这一年的积累不白费？",
        ),
    ),
    EvalPair(
        "burnout-quit-without-job",
        EvalQuestion(
            "Is it a bad idea to take a few months off between jobs to recover from burnout?",
            "After four intense years at a startup I'm exhausted and thinking of quitting "
            "without another job lined up. I have about ten months of savings, but I'm worried a "
            "gap on my resume will make it harder to get hired later. Has anyone done this, and "
            "how did it go?",
        ),
        EvalQuestion(
            "想裸辞休息几个月缓解倦怠，会影响之后找工作吗？",
            "在创业公司高强度干了四年，我已经身心俱疲，想先裸辞，不找好下家。手里的存款够撑十个月"
            "左右，但担心简历上有空窗期，以后不好找工作。有人这么做过吗？结果怎么样？",
        ),
    ),
)

DISTRACTORS: tuple[tuple[str, EvalQuestion], ...] = (  # (language "en" or "zh", question)
    (
        "en",
        EvalQuestion(
            "How do I negotiate base salary for a new offer when the recruiter asks my current "
            "pay?",
            "I'm in final rounds with two companies and one recruiter keeps asking what I earn "
            "today. I'm underpaid where I am, so sharing the number would anchor the offer low. "
            "How can I deflect without seeming evasive?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I tell my manager I don't want to be promoted right now?",
            "My manager keeps steering me toward a senior promotion, which would mean leading "
            "projects and many more meetings. I have a young family and I'm happy doing solid "
            "mid-level work for a couple of years. How do I say this without looking unambitious?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How should I run a performance improvement plan fairly as a first-time manager?",
            "HR has advised me to put one of my reports on a PIP after six months of missed "
            "commitments. I want the goals to be measurable and achievable, not just a paper "
            "trail. What does a fair PIP look like from the manager's side?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I explain being laid off when interviewers ask why I left my last job?",
            "I was part of a company-wide layoff in March that cut 30% of engineering. "
            "Interviewers keep asking why I left, and I stumble over the answer every time. "
            "What's a good way to explain it honestly and briefly?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How should I run a system design interview when I'm the interviewer for the first "
            "time?",
            "I've just been added to our hiring loop as a system design interviewer, and my "
            "first session is on Thursday. I don't know how much to guide the candidate or how "
            "to score an answer fairly. What should I be looking for?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "My strongest engineer just resigned. Should I make her a counter-offer as her "
            "manager?",
            "One of my best engineers told me she has accepted an offer elsewhere for 25% more "
            "money. I could probably get approval to match it. Is it worth trying, or does a "
            "counter-offer only delay the inevitable?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How should we design an on-call rotation for a team spread across three time zones?",
            "Our team has engineers in San Francisco, Berlin and Singapore, and right now "
            "whoever owns a service gets paged at any hour. We'd like a follow-the-sun rotation. "
            "How have other teams split shifts and handled handoffs?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I decide whether to rewrite a legacy service or refactor it step by step?",
            "Our ten-year-old PHP monolith is painful to change, and half the team wants to "
            "rewrite it in Go. As the lead I need to make a recommendation by the end of the "
            "month. What criteria should drive the decision?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I review someone else's design doc without rewriting it for them?",
            "A junior engineer sent me his first design doc, and I have opinions on nearly every "
            "section. The last time I reviewed one, my comments outnumbered the paragraphs and "
            "the author was discouraged. How do I give useful feedback without taking the design "
            "over?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I find a mentor outside my company as a mid-level mobile engineer?",
            "My company is small and nobody is more senior than me in mobile development. I'd "
            "like regular guidance from someone experienced, but messaging strangers feels "
            "awkward. Where do people find mentors, and how do they ask?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "Should I explain a two-year caregiving gap directly on my engineering resume?",
            "I left my job in 2022 to look after a sick parent and I'm now ready to return to "
            "work. I kept my skills up a little with side projects. Should I mention the gap on "
            "the resume itself or only talk about it if asked?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "What is reasonable to ask for in a relocation package when moving cities for a job?",
            "A company in Seattle has made me an offer, and I'd be moving there from Austin with "
            "my family. Their standard relocation is a $5,000 lump sum, which won't cover much. "
            "What do companies usually flex on?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How should I value the RSU grant in an offer from a public tech company?",
            "The offer includes a four-year RSU grant that vests quarterly after a one-year "
            "cliff, and the recruiter quoted its value at today's share price. How should I "
            "think about the risk when comparing it with a cash-heavy offer from another company?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "I've been a manager for a year and want to go back to IC work. How do I ask?",
            "After twelve months managing a team of six, I've realised I miss building things "
            "and dread the people side of the job. My director invested a lot in making me a "
            "manager. How do I ask to step back without it looking like a failure?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "What is the actual difference between a tech lead and a staff engineer at most "
            "companies?",
            "My company is introducing a staff engineer level, and I currently act as tech lead "
            "for my team. I can't tell whether these are the same role with different names. How "
            "do the scope and expectations differ?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "My skip-level manager asked for candid feedback about my manager. How honest should "
            "I be?",
            "In a skip-level meeting my director asked me directly how my manager is doing. "
            "Honestly, my manager is disorganised and often cancels our one-on-ones. I'm afraid "
            "that being frank will get back to him. What should I say?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How can I convince my company to let me work fully remote despite a "
            "return-to-office policy?",
            "My company requires three office days a week, and my commute is ninety minutes each "
            "way. I'm clearly more productive on my home days and my manager supports me, but "
            "the policy comes from HR. How can I make the case for an exception?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I keep up when I'm the least experienced engineer on a very senior team?",
            "I just joined a team where everyone has at least ten years of experience and I have "
            "two. Discussions move fast and I often can't follow them. How do I learn as quickly "
            "as possible without slowing everyone else down?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do we push back when our manager commits to deadlines without asking the team?",
            "Our manager keeps promising dates to stakeholders before anyone on the team has "
            "looked at the work. Last quarter we met only one of four committed deadlines and "
            "morale is sinking. How can we push back constructively?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "Should I switch to Python for coding interviews if I write Java every day at work?",
            "I use Java daily, but the Python solutions I see in interview prep are much "
            "shorter. I'm worried about wasting time on boilerplate in a 45-minute round. Is "
            "learning a new language just for interviews worth the effort?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I answer 'why are you leaving your current job' honestly in an interview?",
            "The real reason is that my manager is difficult and I've been passed over for "
            "promotion twice. I know I shouldn't badmouth my employer in an interview. What's an "
            "honest answer that still comes across well?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "How do I stop freezing up when I have to present at company all-hands meetings?",
            "Next month I'm presenting our team's quarterly demo to all 400 people at the "
            "company. Even in small meetings my voice shakes and I lose my place. What actually "
            "helps with nerves when speaking in front of a crowd?",
        ),
    ),
    (
        "en",
        EvalQuestion(
            "Is a part-time master's in machine learning worth it while working as a backend "
            "engineer?",
            "I've been a backend engineer for five years and might want to move toward ML "
            "someday. A local university offers a two-year part-time master's for about $30,000. "
            "Would employers value it, or are self-study and side projects enough?",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "跳槽时 HR 要看上一份工作的银行流水，可以拒绝吗？",
            "我拿到一家公司的口头 offer，HR 说发正式 offer 前要看我近六个月的工资流水来核实薪资。"
            "我之前报的数字里算上了年终奖，流水上看不出来。这种要求能拒绝吗？该怎么解释？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "晋升答辩没通过，明年还要不要再报一次？",
            "今年第一次冲 P7，答辩后被告知“影响力不足”，没有通过。领导鼓励我明年再试，可我觉得这"
            "次已经把能讲的都讲了。失败之后该怎么复盘，明年还值得再报吗？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "第一次当组长，给组员打绩效怎样才算公平？",
            "今年我第一次当组长，要给五个组员打绩效，公司规定必须有一个人拿最低档。几个人表现都差"
            "不多，我实在不知道怎么取舍。怎样打分才公平，又能跟大家解释清楚？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "裁员后留下来的人活多了一倍，我要不要也走？",
            "上个月公司裁掉了三分之一的人，我留了下来，但手上的活一下子翻了一倍。剩下的同事人心惶"
            "惶，领导也说不清后面的计划。这种情况下继续留着还有意义吗？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "现在跳槽涨幅一般能谈到多少，涨三成还现实吗？",
            "我工作五年，准备换工作，目前年包四十万。有人说跳槽至少要涨三成，也有人说现在行情不"
            "好，能平跳就不错了。目前市场上比较普遍的涨幅是多少？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "领导经常在会上当众否定我的方案，该怎么办？",
            "最近几次周会上，我提的技术方案都被领导当着全组的面直接否掉，也不说具体原因。私下问"
            "他，他只说再想想。我开始怀疑他是不是对我有意见，这种情况该怎么处理？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "不在值班表上，周末却总被领导拉进群处理线上问题，合理吗？",
            "我不负责值班，但领导经常周末在群里@我处理线上问题，一弄就是几个小时。公司既没有加班"
            "费，也不给调休。这种情况正常吗？我该怎么跟领导提？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "面试时 HR 问我手里有没有其他 offer，该怎么回答？",
            "我正在面三家公司，其中一家已经到了谈薪阶段，HR 问我手上有没有别的 offer、分别是什么"
            "价位。其实我还没有书面 offer，说实话怕被压价，夸大又怕被拆穿。该怎么回答比较好？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "做业务的后端工程师有必要系统学习分布式系统理论吗？",
            "我做业务后端三年，平时主要写接口和 SQL，很少接触分布式的底层原理。有人推荐我啃 DDIA "
            "和 Raft 论文，但工作里好像用不上。花大量时间学这些，对职业发展真的有帮助吗？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "简历上要不要写个人博客和 GitHub 上的小项目？",
            "我在 GitHub 上有几个小项目，star 不多，博客也断断续续写了两年。朋友说写上去能加分，"
            "也有人说质量一般反而减分。招聘方真的会看这些吗？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "带新人占用了太多时间，自己的活干不完怎么办？",
            "领导让我同时带两个应届生，每天答疑、帮看代码要花掉两三个小时。结果我自己负责的模块一"
            "再延期，绩效也受影响。带人和自己的产出该怎么平衡？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "评审时发现老同事的代码问题很多，怎么提意见才不伤人？",
            "组里一位老同事的 PR 经常有明显的问题，比如不处理异常、没有测试。我资历比他浅，每次提"
            "意见都很犹豫，怕他觉得我在挑刺。评审意见怎么写比较得体？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "需求改了三次但上线日期不变，怎么跟产品沟通变更的代价？",
            "我们的项目开发到一半，产品已经改了三次需求，但上线日期一直没动。每次改动都要返工，组"
            "里天天加班。怎样让产品经理意识到需求变更的成本？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "每周的技术周报怎么写才不像流水账？",
            "领导要求每周五交一份技术周报，我每次都是把做过的任务一条条列出来，领导说看不出重点和"
            "进展。周报该怎么组织，才能让人一眼看懂价值？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "工作五年只会 PHP 一门语言，要不要换个方向再学一门？",
            "我一直用 PHP 做业务开发，五年没换过技术栈。最近看招聘要求越来越多写 Go 或 Java，心里"
            "有点慌。是该趁现在转语言，还是在现有方向上继续深挖？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "算法岗越来越卷，要不要从推荐算法转回后端开发？",
            "我硕士毕业做了两年推荐算法，每天调参、跑实验，感觉成长有限，组里还在减人，后端岗位看"
            "起来更稳定。从算法转开发可行吗？之前的经历还用得上吗？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "创业公司用期权抵一部分现金，这些期权到底值多少钱？",
            "我在谈一家 A 轮公司的 offer，对方用期权补足现金上的差距，说按上一轮估值算值八十万。"
            "我不太懂行权价、归属这些概念。该怎么估算这部分的真实价值？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "打算明年要孩子，现在跳槽合适吗？",
            "我和爱人计划明年要孩子，刚好我拿到一个更好的 offer。担心刚入职没多久就休产假，新领导"
            "会有看法，试用期也不稳。是先留在现公司等孩子出生，还是直接跳？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "开技术讨论会时总插不上话，怎么在会上更有存在感？",
            "组里每次开技术讨论会，几个资深同事语速很快，我还在组织语言，话题就过去了。事后领导说"
            "我参与度不高。怎样才能在会上更主动地表达自己的观点？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "依赖的兄弟团队接口一再延期，拖累我们上线，怎么办？",
            "我们的新功能依赖另一个团队提供的接口，对方已经延期两次，我们的上线日期也跟着往后推。"
            "对方负责人每次都说在排期。该怎么推动，什么时候应该升级给领导？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "做了十年 Java 开发，转行做产品经理可行吗？",
            "我三十四岁，做了十年 Java 开发，对业务比较熟，最近在考虑转产品经理。担心转过去要从初"
            "级做起，收入会降不少。有过来人能分享一下经历吗？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "试用期快结束了，领导一直没给反馈，转正会有问题吗？",
            "我入职快六个月，试用期下个月到期。这段时间领导很少跟我一对一，也没说过我做得怎么样。"
            "我有点担心转正，要不要主动去问？该怎么问？",
        ),
    ),
    (
        "zh",
        EvalQuestion(
            "从北京回老家二线城市工作，降薪一半值得吗？",
            "在北京做了八年开发，房子买不起，父母年纪也大了。老家省会的同类岗位薪资只有现在的一半"
            "左右，但房价低很多。有回去的朋友能说说真实的感受吗？",
        ),
    ),
)
