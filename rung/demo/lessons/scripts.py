"""The demo lessons' scripts: slides and narration, in English and Simplified Chinese.

Each narrated sentence has its Chinese twin at the same index, so the Chinese captions take
the English sentence's timings. A lesson's first spoken line is its title, read over the
title slide, which is also the poster.
"""

from dataclasses import dataclass

Pair = tuple[str, str]


@dataclass(frozen=True)
class Segment:
    heading_en: str
    heading_zh: str
    bullets_en: tuple[str, ...]
    bullets_zh: tuple[str, ...]
    narration_en: tuple[str, ...]
    narration_zh: tuple[str, ...]


@dataclass(frozen=True)
class CourseScript:
    slug: str
    title_en: str
    title_zh: str
    summary_en: str
    summary_zh: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class LessonScript:
    slug: str
    course: str | None
    position: int
    topics: tuple[str, ...]
    title_en: str
    title_zh: str
    summary_en: str
    summary_zh: str
    key_points_en: tuple[str, ...]
    key_points_zh: tuple[str, ...]
    segments: tuple[Segment, ...]


def _segment(heading: Pair, bullets: list[Pair], lines: list[Pair]) -> Segment:
    """Build a segment from (English, Chinese) pairs, so each line sits beside its twin."""
    return Segment(
        heading_en=heading[0],
        heading_zh=heading[1],
        bullets_en=tuple(en for en, _zh in bullets),
        bullets_zh=tuple(zh for _en, zh in bullets),
        narration_en=tuple(en for en, _zh in lines),
        narration_zh=tuple(zh for _en, zh in lines),
    )


def _points(pairs: list[Pair]) -> dict[str, tuple[str, ...]]:
    return {
        "key_points_en": tuple(en for en, _zh in pairs),
        "key_points_zh": tuple(zh for _en, zh in pairs),
    }


ML_COURSE = CourseScript(
    slug="senior-ml-system-design",
    title_en="Senior ML system design",
    title_zh="高级机器学习系统设计",
    summary_en=(
        "Four short lessons on the machine learning system design interview at the senior "
        "level: how it runs, a worked design, the rubric behind the score, and prompts to "
        "practise with."
    ),
    summary_zh=(
        "四节短课，讲高级工程师级别的机器学习系统设计面试：面试怎么进行、一道完整的设计示例、"
        "打分背后的标准，以及可以拿来练习的题目。"
    ),
    topics=("senior", "ml-system-design", "interviewing"),
)

COURSES: tuple[CourseScript, ...] = (ML_COURSE,)

_COURSE_TOPICS = ("senior", "ml-system-design", "interviewing")

ML_INTERVIEW_FORMAT = LessonScript(
    slug="ml-design-how-the-interview-runs",
    course=ML_COURSE.slug,
    position=1,
    topics=_COURSE_TOPICS,
    title_en="How the ML design interview runs",
    title_zh="机器学习设计面试是怎么进行的",
    summary_en="The phases of a forty-five minute ML design round and what is heard in each.",
    summary_zh="一场四十五分钟的机器学习设计面试分几个阶段，每个阶段面试官在听什么。",
    **_points(
        [
            (
                "Spend the first minutes on the problem, not the model.",
                "前几分钟谈问题，不谈模型。",
            ),
            ("Say your metric before your architecture.", "先说指标，再说架构。"),
            ("Leave time for trade-offs and monitoring.", "给权衡和监控留出时间。"),
        ]
    ),
    segments=(
        _segment(
            ("The shape of the round", "面试的整体结构"),
            [
                ("About 45 minutes, one open problem", "大约四十五分钟，一道开放题"),
                ("You lead; the interviewer steers", "由你主导，面试官把方向"),
                ("No code, a lot of reasoning", "不写代码，重在推理"),
            ],
            [
                (
                    "An ML system design round usually lasts about forty five minutes.",
                    "机器学习系统设计面试通常持续大约四十五分钟。",
                ),
                (
                    "You get one open problem, such as recommending videos or catching fraud.",
                    "你会拿到一道开放题，比如推荐视频或识别欺诈。",
                ),
                (
                    "You are expected to lead, while the interviewer steers with questions.",
                    "你需要主导讨论，面试官则通过提问来把握方向。",
                ),
            ],
        ),
        _segment(
            ("Phase one: frame the problem", "第一阶段：界定问题"),
            [
                ("Ask who the users are and what success means", "问清用户是谁、成功意味着什么"),
                ("Pick one business metric and one model metric", "选定一个业务指标和一个模型指标"),
                ("State the scale: users, items, requests", "说明规模：用户、物品、请求量"),
            ],
            [
                (
                    "Spend the first five to eight minutes on the problem itself.",
                    "前五到八分钟，先把问题本身讲清楚。",
                ),
                (
                    "Ask who the users are and what a good outcome looks like for them.",
                    "问清用户是谁，对他们来说好的结果是什么样子。",
                ),
                (
                    "Then name a business metric and the offline metric you will train against.",
                    "然后说出一个业务指标，以及训练时要优化的离线指标。",
                ),
            ],
        ),
        _segment(
            ("Phase two: the design", "第二阶段：设计方案"),
            [
                ("Data and labels first", "先谈数据和标签"),
                ("Then features and a baseline model", "再谈特征和基线模型"),
                ("Then serving, latency and cost", "然后是在线服务、延迟和成本"),
            ],
            [
                (
                    "The middle twenty minutes are the design.",
                    "中间的二十分钟用来讲设计。",
                ),
                (
                    "Start with where labels come from, because everything else depends on them.",
                    "先讲标签从哪里来，因为其他一切都依赖它。",
                ),
                (
                    "Propose a simple baseline before you reach for a deep model.",
                    "在用深度模型之前，先提出一个简单的基线。",
                ),
                (
                    "Then show how the model is served within the latency budget.",
                    "接着说明模型如何在延迟预算之内提供服务。",
                ),
            ],
        ),
        _segment(
            ("Phase three: depth and trade-offs", "第三阶段：深挖与权衡"),
            [
                ("The interviewer picks one area to go deep", "面试官挑一个方向深挖"),
                ("Monitoring, drift and retraining", "监控、数据漂移与重新训练"),
                ("Say what you would cut, and why", "说明你会砍掉什么，以及为什么"),
            ],
            [
                (
                    "In the last part the interviewer picks one area and goes deep.",
                    "最后一部分，面试官会挑一个方向深入追问。",
                ),
                (
                    "They listen for trade-offs you name yourself, not ones they drag out of you.",
                    "他们想听到你主动说出的权衡，而不是被追问出来的。",
                ),
                (
                    "Keep a few minutes for monitoring and how the system improves over time.",
                    "留几分钟讲监控，以及系统如何随时间不断改进。",
                ),
            ],
        ),
    ),
)

ML_FEED_RANKING = LessonScript(
    slug="ml-design-feed-ranking-worked-example",
    course=ML_COURSE.slug,
    position=2,
    topics=_COURSE_TOPICS,
    title_en="Worked example: ranking a home feed",
    title_zh="完整示例：首页信息流排序",
    summary_en=(
        "A feed-ranking design from requirements to monitoring, in the order you would say it."
    ),
    summary_zh="一个信息流排序系统的设计，从需求一直讲到监控，按面试中讲述的顺序展开。",
    **_points(
        [
            (
                "Two stages: cheap candidate generation, then a precise ranker.",
                "两阶段：低成本召回，再精确排序。",
            ),
            (
                "Labels come from engagement, weighted by what the product values.",
                "标签来自用户互动，按产品看重的程度加权。",
            ),
            (
                "Ship behind an A/B test and watch for drift.",
                "通过 A/B 测试上线，并持续关注数据漂移。",
            ),
        ]
    ),
    segments=(
        _segment(
            ("Requirements and metrics", "需求与指标"),
            [
                ("Rank posts for each member's home feed", "为每位用户的首页信息流排序"),
                ("Business metric: daily active sessions", "业务指标：每日活跃会话数"),
                ("Model metric: AUC and calibration", "模型指标：AUC 与校准度"),
            ],
            [
                (
                    "Our task is to rank posts in each member's home feed.",
                    "我们的任务是为每位用户的首页信息流中的帖子排序。",
                ),
                (
                    "The business cares about members coming back, so we track daily sessions.",
                    "业务方关心用户是否回访，所以我们跟踪每日会话数。",
                ),
                (
                    "Offline we measure the ranker by AUC and by how well it is calibrated.",
                    "离线时，我们用 AUC 和校准程度来衡量排序模型。",
                ),
            ],
        ),
        _segment(
            ("Candidate generation", "候选召回"),
            [
                ("Millions of posts, a few hundred candidates", "数百万帖子，筛出几百个候选"),
                ("Sources: follows, similar members, trending", "来源：关注、相似用户、热门内容"),
                ("Embeddings with nearest-neighbour search", "向量表示加近邻检索"),
            ],
            [
                (
                    "We cannot score millions of posts per request, so we first narrow them down.",
                    "每次请求无法给数百万帖子打分，所以要先缩小范围。",
                ),
                (
                    "Candidates come from people you follow, members like you, and trending posts.",
                    "候选来自你关注的人、与你相似的用户以及热门帖子。",
                ),
                (
                    "An embedding model with approximate nearest neighbour search finds similar "
                    "posts fast.",
                    "用向量模型配合近似近邻检索，可以快速找到相似的帖子。",
                ),
            ],
        ),
        _segment(
            ("Ranking model and features", "排序模型与特征"),
            [
                ("Start with gradient boosted trees", "先用梯度提升树"),
                ("Member, post, author and context features", "用户、帖子、作者和上下文特征"),
                ("Predict several actions, combine with weights", "预测多种行为，再加权组合"),
            ],
            [
                (
                    "For the ranker I would start with gradient boosted trees as a baseline.",
                    "排序模型我会先用梯度提升树作为基线。",
                ),
                (
                    "Features describe the member, the post, the author and the moment of the "
                    "request.",
                    "特征描述用户、帖子、作者以及请求发生的时刻。",
                ),
                (
                    "The model predicts clicks, comments and hides, and a weighted sum gives the "
                    "score.",
                    "模型预测点击、评论和隐藏，再用加权求和得到最终分数。",
                ),
            ],
        ),
        _segment(
            ("Training data and labels", "训练数据与标签"),
            [
                ("Impressions with what happened next", "曝光记录及之后发生的行为"),
                ("Watch for position bias", "注意位置偏差"),
                ("Train daily on a sliding window", "每天用滑动窗口训练"),
            ],
            [
                (
                    "Each impression becomes a training row, labelled with what the member did "
                    "next.",
                    "每一次曝光都是一条训练样本，标签是用户随后做了什么。",
                ),
                (
                    "Posts at the top get more clicks anyway, so we correct for position bias.",
                    "排在顶部的帖子本来就会获得更多点击，所以要校正位置偏差。",
                ),
                (
                    "We retrain every day on a sliding window of recent weeks.",
                    "我们每天用最近几周的滑动窗口数据重新训练。",
                ),
            ],
        ),
        _segment(
            ("Serving and latency", "在线服务与延迟"),
            [
                ("Budget: 200 ms for the whole feed", "预算：整个信息流 200 毫秒"),
                ("Precompute embeddings and author features", "预先计算向量和作者特征"),
                ("Cache the feed for a short time", "短时间缓存信息流"),
            ],
            [
                (
                    "The whole feed must come back in about two hundred milliseconds.",
                    "整个信息流需要在大约两百毫秒内返回。",
                ),
                (
                    "We precompute embeddings and slow features, and fetch them from a feature "
                    "store.",
                    "向量和计算较慢的特征提前算好，从特征存储中读取。",
                ),
                (
                    "Only the few hundred candidates are scored online, in one batch.",
                    "在线只对几百个候选打分，而且一次批量完成。",
                ),
            ],
        ),
        _segment(
            ("Monitoring and iteration", "监控与迭代"),
            [
                ("Dashboards for inputs, scores and outcomes", "监控输入、分数和结果的看板"),
                ("A/B test every new model", "每个新模型都做 A/B 测试"),
                ("Next steps: diversity and fresh content", "下一步：多样性与新内容"),
            ],
            [
                (
                    "We watch feature distributions and score distributions for drift.",
                    "我们监控特征分布和分数分布，以发现漂移。",
                ),
                (
                    "Every new model ships behind an A B test against the current one.",
                    "每个新模型都要与当前模型做 A B 测试后才上线。",
                ),
                (
                    "Later iterations add diversity rules and a boost for new creators.",
                    "后续迭代会加入多样性规则，并扶持新的创作者。",
                ),
            ],
        ),
    ),
)

ML_RUBRIC = LessonScript(
    slug="ml-design-the-rubric",
    course=ML_COURSE.slug,
    position=3,
    topics=_COURSE_TOPICS,
    title_en="The rubric behind the score",
    title_zh="打分背后的评估标准",
    summary_en=(
        "The signals interviewers write down, and what separates a senior answer from a "
        "mid-level one."
    ),
    summary_zh="面试官记录的信号，以及高级与中级回答之间的差别。",
    **_points(
        [
            (
                "Four signals: framing, ML depth, systems, communication.",
                "四类信号：问题界定、机器学习深度、系统能力、沟通。",
            ),
            (
                "Senior answers choose and defend; mid-level answers list.",
                "高级回答会做选择并论证；中级回答只会罗列。",
            ),
            ("Raise risks before you are asked.", "在被问到之前主动提出风险。"),
        ]
    ),
    segments=(
        _segment(
            ("Four signals", "四类信号"),
            [
                ("Problem framing", "问题界定"),
                ("Machine learning depth", "机器学习深度"),
                ("Systems and scale", "系统与规模"),
                ("Communication", "沟通"),
            ],
            [
                (
                    "Most rubrics score four signals.",
                    "大多数评估标准会对四类信号打分。",
                ),
                (
                    "They are problem framing, machine learning depth, systems thinking, and "
                    "communication.",
                    "它们是问题界定、机器学习深度、系统思维和沟通。",
                ),
                (
                    "Each one gets its own grade, and the notes explain the grade with examples.",
                    "每一项都有单独的等级，评语会用具体例子说明理由。",
                ),
            ],
        ),
        _segment(
            ("What mid-level looks like", "中级水平的表现"),
            [
                ("Correct pieces, weak connections", "各部分正确，但衔接薄弱"),
                ("Lists options without choosing", "罗列选项却不做选择"),
                ("Needs prompting to reach monitoring", "需要提示才谈到监控"),
            ],
            [
                (
                    "A typical mid-level answer has correct pieces that are loosely connected.",
                    "典型的中级回答各个部分都对，但彼此联系松散。",
                ),
                (
                    "It lists three possible models and does not say which one to build first.",
                    "它会列出三种可能的模型，却不说先做哪一个。",
                ),
                (
                    "Monitoring and failure cases appear only when the interviewer asks.",
                    "监控和失败场景只有在面试官追问时才会出现。",
                ),
            ],
        ),
        _segment(
            ("What senior looks like", "高级水平的表现"),
            [
                ("Ties every choice to the metric", "每个选择都与指标挂钩"),
                ("Chooses, then defends the choice", "先做选择，再为选择辩护"),
                ("Names risks and how to detect them", "指出风险以及如何发现它们"),
            ],
            [
                (
                    "A senior answer ties each design choice back to the metric agreed at the "
                    "start.",
                    "高级的回答会把每个设计选择都联系回开头约定的指标。",
                ),
                (
                    "It picks one approach, says why, and says what evidence would change the "
                    "plan.",
                    "它会选定一种方案，说明原因，并说明什么证据会让计划改变。",
                ),
                (
                    "It raises risks such as feedback loops before anyone asks.",
                    "它会在别人提问之前就主动提出反馈循环之类的风险。",
                ),
            ],
        ),
        _segment(
            ("Using the rubric to practise", "用评估标准来练习"),
            [
                ("Record a mock and grade each signal", "录一次模拟面试，逐项打分"),
                ("Fix the weakest signal first", "先补最弱的一项"),
            ],
            [
                (
                    "After a mock interview, grade yourself on each of the four signals.",
                    "做完一次模拟面试后，按四类信号分别给自己打分。",
                ),
                (
                    "Work on the weakest one first, since one low grade can sink the round.",
                    "先改进最弱的一项，因为一项低分就可能让整轮面试失利。",
                ),
            ],
        ),
    ),
)

ML_PRACTICE = LessonScript(
    slug="ml-design-practice-prompts",
    course=ML_COURSE.slug,
    position=4,
    topics=_COURSE_TOPICS,
    title_en="Practice prompts and strong answers",
    title_zh="练习题与优秀回答要点",
    summary_en="Three prompts to practise with, and what a strong answer covers in each.",
    summary_zh="三道练习题，以及每道题的优秀回答应当涵盖的内容。",
    **_points(
        [
            ("Practise out loud, against a clock.", "大声练习，并且计时。"),
            ("For each prompt, name the label before the model.", "每道题都先说标签，再说模型。"),
        ]
    ),
    segments=(
        _segment(
            ("How to practise", "怎样练习"),
            [
                ("Out loud, forty minutes, a timer", "大声说，四十分钟，计时"),
                ("Draw the diagram as you speak", "边讲边画图"),
            ],
            [
                (
                    "Practise these prompts out loud with a timer set to forty minutes.",
                    "练习这些题目时要大声讲出来，并把计时器设为四十分钟。",
                ),
                (
                    "Draw the diagram as you speak, the way you would on a whiteboard.",
                    "边讲边画图，就像在白板上一样。",
                ),
            ],
        ),
        _segment(
            ("Prompt: detect spam comments", "题目：识别垃圾评论"),
            [
                ("Precision matters: false alarms anger members", "精确率重要：误报会惹恼用户"),
                ("Labels from reports and reviewers", "标签来自举报和人工审核"),
                ("Adversaries adapt: plan retraining", "对手会变化：规划重新训练"),
            ],
            [
                (
                    "First prompt: design a system that catches spam comments.",
                    "第一题：设计一个识别垃圾评论的系统。",
                ),
                (
                    "A strong answer weighs precision against recall, because wrong removals "
                    "hurt real members.",
                    "优秀的回答会权衡精确率和召回率，因为误删会伤害真实用户。",
                ),
                (
                    "It gets labels from reports and human review, and expects spammers to adapt.",
                    "它从举报和人工审核中获取标签，并预料到垃圾发布者会不断变换手法。",
                ),
            ],
        ),
        _segment(
            ("Prompt: estimate delivery time", "题目：预估送达时间"),
            [
                ("Regression with a clear error metric", "回归问题，误差指标要清楚"),
                (
                    "Features from the route, the weather, the restaurant",
                    "特征来自路线、天气、餐厅",
                ),
                ("Late is worse than early", "迟到比提前更糟"),
            ],
            [
                (
                    "Second prompt: predict how long a food delivery will take.",
                    "第二题：预测一份外卖需要多久送达。",
                ),
                (
                    "A strong answer treats it as regression and notes that a late estimate "
                    "costs more than an early one.",
                    "优秀的回答会把它当作回归问题，并指出估计偏晚的代价比偏早更大。",
                ),
                (
                    "It uses features from the route, the weather and how busy the kitchen is.",
                    "它会使用路线、天气以及厨房繁忙程度等特征。",
                ),
            ],
        ),
        _segment(
            ("Prompt: search for a help centre", "题目：帮助中心搜索"),
            [
                ("Retrieval, then re-ranking", "先检索，再重排"),
                ("Clicks as weak labels", "把点击当作弱标签"),
                ("Measure success by fewer support tickets", "以工单减少衡量成效"),
            ],
            [
                (
                    "Third prompt: build search for a product's help centre.",
                    "第三题：为一个产品的帮助中心构建搜索。",
                ),
                (
                    "A strong answer combines keyword and embedding retrieval, then re-ranks the "
                    "top results.",
                    "优秀的回答会结合关键词检索和向量检索，再对靠前的结果重排。",
                ),
                (
                    "It measures success by fewer support tickets, not only by clicks.",
                    "它用支持工单的减少来衡量成效，而不只看点击。",
                ),
            ],
        ),
    ),
)

MID_OWN_A_PROJECT = LessonScript(
    slug="mid-level-owning-a-project-end-to-end",
    course=None,
    position=0,
    topics=("mid-level", "leadership-ownership"),
    title_en="Owning a project end to end",
    title_zh="端到端负责一个项目",
    summary_en="What ownership means at mid-level, from the first question to the last follow-up.",
    summary_zh="在中级阶段，负责一个项目意味着什么：从最初的问题到最后的跟进。",
    **_points(
        [
            ("Write down what done means before you start.", "开工前写下什么叫完成。"),
            ("Share progress before anyone has to ask.", "在别人问之前主动同步进展。"),
            ("Close the loop after launch.", "上线之后把事情收尾。"),
        ]
    ),
    segments=(
        _segment(
            ("What ownership means", "负责到底意味着什么"),
            [
                ("You answer for the outcome, not only the code", "你对结果负责，而不只是代码"),
                ("Nobody has to chase you", "不需要别人来追你"),
            ],
            [
                (
                    "Owning a project means you answer for the outcome, not only for your own "
                    "tasks.",
                    "负责一个项目意味着你对结果负责，而不只是完成自己的任务。",
                ),
                (
                    "The test is simple: nobody has to chase you to know where it stands.",
                    "检验方法很简单：没人需要追着你问进展。",
                ),
            ],
        ),
        _segment(
            ("Before you start", "开工之前"),
            [
                ("Write a one-page plan", "写一页纸的计划"),
                ("Define done with your manager", "和经理一起定义完成标准"),
                ("List the risks you can see", "列出你能看到的风险"),
            ],
            [
                (
                    "Before writing code, write a one page plan and agree on what done means.",
                    "写代码之前，先写一页纸的计划，并就完成标准达成一致。",
                ),
                (
                    "List the risks you can see, and who you will need help from.",
                    "列出你能看到的风险，以及你需要谁的帮助。",
                ),
                (
                    "This page becomes the thing you point to when scope starts to grow.",
                    "当范围开始膨胀时，这页纸就是你可以拿出来的依据。",
                ),
            ],
        ),
        _segment(
            ("While you build", "推进过程中"),
            [
                ("A short weekly update", "每周一次简短更新"),
                ("Raise problems early", "尽早提出问题"),
                ("Make small decisions yourself", "小决定自己做"),
            ],
            [
                (
                    "Send a short update every week, even when the news is dull.",
                    "每周发一次简短的进展更新，即使没什么新鲜事。",
                ),
                (
                    "Raise problems when they are small, together with an option you would choose.",
                    "问题还小的时候就提出来，同时附上你倾向的方案。",
                ),
                (
                    "Make the small decisions yourself, and write them down so others can follow.",
                    "小的决定自己做，并记录下来，方便别人了解。",
                ),
            ],
        ),
        _segment(
            ("After launch", "上线之后"),
            [
                ("Check the result against the plan", "对照计划检查结果"),
                ("Hand over cleanly", "干净利落地交接"),
                ("Tell the story in your review", "在绩效评估中讲清这段经历"),
            ],
            [
                (
                    "After launch, compare the result with the plan and share what you learned.",
                    "上线之后，把结果和计划对照，并分享你的收获。",
                ),
                (
                    "Write the handover notes you would want to receive yourself.",
                    "写一份你自己也希望收到的交接说明。",
                ),
                (
                    "This closing work is what reviewers remember as ownership.",
                    "这些收尾工作，正是评审者心目中的负责到底。",
                ),
                (
                    "Then write down, in two or three lines, the result you will show at review.",
                    "然后用两三行字，写下你在绩效评估时可以拿出来的成果。",
                ),
            ],
        ),
    ),
)

# "backlog" is said only in this lesson's narration (its third segment), never on its
# slides' titles or in its summary or key points, so a transcript search finds the moment.
MID_FEEDBACK_TO_PLAN = LessonScript(
    slug="mid-level-turning-review-feedback-into-a-plan",
    course=None,
    position=0,
    topics=("mid-level", "performance-reviews", "promotions"),
    title_en="Turning review feedback into a plan",
    title_zh="把绩效反馈变成行动计划",
    summary_en="Read ratings such as Impact E and Teamwork M+ as a map of what to do next half.",
    summary_zh="把“影响力 E、团队协作 M+”这样的评分，当作下半年行动的地图。",
    **_points(
        [
            ("Separate the rating from the reasons behind it.", "把评分和背后的原因分开看。"),
            ("Pick one area to move, not all of them.", "只挑一个方面去提升，而不是全部。"),
            ("Agree on evidence with your manager up front.", "事先和经理约定用什么证据来衡量。"),
        ]
    ),
    segments=(
        _segment(
            ("Read the ratings", "读懂评分"),
            [
                ("Impact E: meets expectations", "影响力 E：符合预期"),
                ("Teamwork M+: above, in places", "团队协作 M+：部分超出预期"),
                ("Ask for the examples behind each", "问清每项评分背后的例子"),
            ],
            [
                (
                    "Say your review reads Impact E and Teamwork M plus.",
                    "假设你的绩效评估写着：影响力 E，团队协作 M 加。",
                ),
                (
                    "The letters matter less than the examples your manager used to pick them.",
                    "字母本身没那么重要，重要的是经理据以打分的那些例子。",
                ),
                (
                    "Ask for two examples behind each rating, in a calm one to one.",
                    "在一次平和的一对一谈话中，请经理为每项评分各举两个例子。",
                ),
            ],
        ),
        _segment(
            ("Choose one area", "选一个方面"),
            [
                ("Teamwork is already a strength", "团队协作已经是强项"),
                ("Impact is where the next level is judged", "下一级别主要看影响力"),
            ],
            [
                (
                    "Teamwork is already a strength, so keep it steady rather than chase it.",
                    "团队协作已经是你的强项，保持住即可，不必刻意追求。",
                ),
                (
                    "Impact is where promotion to the next level is usually decided, so focus "
                    "there.",
                    "晋升到下一级别通常取决于影响力，所以把精力放在这里。",
                ),
            ],
        ),
        _segment(
            ("Turn it into work", "把它变成具体工作"),
            [
                ("Find a problem your team keeps putting off", "找到团队一直搁置的问题"),
                ("Size it for one half", "规划成半年能完成的规模"),
                ("Write the expected result as a number", "把预期结果写成一个数字"),
            ],
            [
                (
                    "Look for a problem your team keeps putting off.",
                    "找一个团队一直在拖延的问题。",
                ),
                (
                    "Often it sits at the bottom of the backlog because nobody owns it.",
                    "它往往躺在待办清单的最底部，因为没有人负责。",
                ),
                (
                    "Size it so it can ship within one half, and write the expected result as a "
                    "number.",
                    "把它规划成半年之内能交付的规模，并把预期结果写成一个数字。",
                ),
            ],
        ),
        _segment(
            ("Agree and check in", "达成共识并定期回顾"),
            [
                ("Show the plan to your manager", "把计划给经理看"),
                ("Agree what evidence counts", "约定哪些证据算数"),
                ("Review it every month", "每月回顾一次"),
            ],
            [
                (
                    "Show the plan to your manager and agree on what evidence will count.",
                    "把计划给经理看，并约定哪些证据会被认可。",
                ),
                (
                    "Check in once a month, and adjust the plan rather than drop it.",
                    "每月回顾一次，调整计划而不是放弃它。",
                ),
                (
                    "At the next review, your examples will already be written down.",
                    "到下一次绩效评估时，你的例子早已记录在案。",
                ),
            ],
        ),
    ),
)

JUNIOR_FIRST_NINETY_DAYS = LessonScript(
    slug="junior-your-first-ninety-days",
    course=None,
    position=0,
    topics=("junior", "technical-skills"),
    title_en="Your first ninety days",
    title_zh="入职后的前九十天",
    summary_en="How a junior engineer learns the codebase, asks good questions and ships early.",
    summary_zh="初级工程师如何熟悉代码库、提出好问题并尽早交付。",
    **_points(
        [
            ("Ship something small in the first two weeks.", "前两周内交付一个小改动。"),
            ("Ask questions with what you already tried.", "提问时附上你已经尝试过的办法。"),
            ("Keep a notes file of what you learn.", "用一个笔记文件记录所学。"),
        ]
    ),
    segments=(
        _segment(
            ("Ship something small", "交付一个小改动"),
            [
                ("A small fix in the first two weeks", "前两周内修一个小问题"),
                ("Learn the path from laptop to production", "熟悉从本地到生产环境的流程"),
            ],
            [
                (
                    "Aim to ship a small fix within your first two weeks.",
                    "争取在入职头两周内交付一个小修复。",
                ),
                (
                    "The point is not the fix, but learning how code travels from your laptop to "
                    "production.",
                    "重点不在修复本身，而在于弄清代码如何从你的电脑走到生产环境。",
                ),
            ],
        ),
        _segment(
            ("Ask good questions", "提出好问题"),
            [
                ("Say what you tried", "说明你尝试过什么"),
                ("Time-box being stuck", "给卡住的时间设个上限"),
                ("Ask in public channels", "在公开频道里提问"),
            ],
            [
                (
                    "When you are stuck, give yourself a fixed time, then ask.",
                    "遇到困难时，给自己定一个时限，到点就去问。",
                ),
                (
                    "Say what you tried and what you expected, so people can help quickly.",
                    "说明你尝试过什么、预期是什么，别人才能快速帮上忙。",
                ),
                (
                    "Asking in a team channel helps the next new person too.",
                    "在团队频道里提问，也能帮到下一位新同事。",
                ),
                (
                    "Nobody expects you to know the system yet; they do expect you to ask.",
                    "没人指望你现在就熟悉系统，但大家都希望你主动提问。",
                ),
            ],
        ),
        _segment(
            ("Learn the system", "了解整个系统"),
            [
                ("Draw the main services", "画出主要服务"),
                ("Read recent incident notes", "阅读最近的事故报告"),
                ("Keep a notes file", "维护一份笔记"),
            ],
            [
                (
                    "Draw a rough map of the main services and check it with a teammate.",
                    "画一张主要服务的草图，请同事帮你核对。",
                ),
                (
                    "Recent incident notes show you where the system is fragile.",
                    "最近的事故报告会告诉你系统的薄弱之处。",
                ),
                (
                    "Keep a notes file of everything you learn; it becomes your review evidence "
                    "later.",
                    "把学到的东西都记在笔记里，日后它就是你绩效评估的证据。",
                ),
            ],
        ),
        _segment(
            ("Get feedback early", "尽早获得反馈"),
            [
                ("Small pull requests", "小而精的代码合并请求"),
                ("Ask your manager what good looks like", "问经理什么样算做得好"),
            ],
            [
                (
                    "Keep pull requests small, so reviews come back fast and teach you more.",
                    "让每次代码合并请求保持小巧，评审就来得快，你也学得更多。",
                ),
                (
                    "At the end of the first month, ask your manager what good looks like at "
                    "your level.",
                    "第一个月结束时，问问经理在你这个级别什么样算做得好。",
                ),
            ],
        ),
    ),
)

SENIOR_LEADING_WITHOUT_AUTHORITY = LessonScript(
    slug="senior-leading-without-authority",
    course=None,
    position=0,
    topics=("senior", "leadership-ownership"),
    title_en="Leading without authority",
    title_zh="没有职权也能领导",
    summary_en=(
        "How senior engineers move other teams through clear writing, trust and shared goals."
    ),
    summary_zh="高级工程师如何通过清晰的文字、信任和共同目标推动其他团队。",
    **_points(
        [
            ("Write the decision down before the meeting.", "会议之前先把决策写下来。"),
            ("Find what the other team wants.", "弄清对方团队想要什么。"),
            ("Give credit in public.", "公开地把功劳归给别人。"),
        ]
    ),
    segments=(
        _segment(
            ("Influence, not orders", "靠影响力，而不是命令"),
            [
                ("Work crosses team lines", "工作会跨越团队边界"),
                ("Nobody reports to you", "没有人向你汇报"),
            ],
            [
                (
                    "At senior level, most important work crosses team lines.",
                    "到了高级阶段，大多数重要工作都会跨越团队边界。",
                ),
                (
                    "You need other teams to act, and none of them report to you.",
                    "你需要其他团队采取行动，而他们都不向你汇报。",
                ),
                (
                    "So your tools are clear writing, trust you have earned, and goals you share.",
                    "所以你的工具是清晰的文字、积累起来的信任，以及共同的目标。",
                ),
            ],
        ),
        _segment(
            ("Write it down", "把事情写下来"),
            [
                ("A short design note", "一份简短的设计说明"),
                ("Options with their costs", "列出各方案及其代价"),
                ("A clear ask and a date", "明确的请求和日期"),
            ],
            [
                (
                    "A short written note does more than a long meeting.",
                    "一份简短的书面说明，胜过一场冗长的会议。",
                ),
                (
                    "Lay out the options with their costs, and say which one you recommend.",
                    "列出各个方案及其代价，并说明你推荐哪一个。",
                ),
                (
                    "End with a clear ask and a date, so silence is not mistaken for agreement.",
                    "最后写明请求和日期，免得沉默被误当成同意。",
                ),
                (
                    "Send the note a day before the meeting, so the meeting is for deciding.",
                    "提前一天发出说明，让会议专门用来做决定。",
                ),
            ],
        ),
        _segment(
            ("Shared goals and credit", "共同目标与功劳"),
            [
                ("Find what the other team needs", "找到对方团队需要什么"),
                ("Make their win part of the plan", "把对方的收益纳入计划"),
                ("Credit them in public", "公开表扬他们"),
            ],
            [
                (
                    "Find out what the other team is measured on.",
                    "弄清楚对方团队的考核指标是什么。",
                ),
                (
                    "Shape the plan so that their goal moves forward too.",
                    "调整计划，让他们的目标也能向前推进。",
                ),
                (
                    "When it ships, thank them in public; the next request will be easier.",
                    "上线之后公开感谢他们，下一次请求就会更顺利。",
                ),
            ],
        ),
        _segment(
            ("When people disagree", "当大家意见不一"),
            [
                ("Disagree on the page, not in the hallway", "在文档里讨论分歧，而不是私下"),
                ("Escalate together, with both views", "一起升级问题，并附上双方观点"),
            ],
            [
                (
                    "When people disagree, ask them to write their concern in the note itself.",
                    "当有人不同意时，请他们把顾虑直接写进这份说明里。",
                ),
                (
                    "If you still cannot agree, escalate together, with both views stated fairly.",
                    "如果仍无法达成一致，就一起向上反映，并公正地陈述双方观点。",
                ),
            ],
        ),
    ),
)

STAFF_SETTING_TECHNICAL_DIRECTION = LessonScript(
    slug="staff-setting-technical-direction",
    course=None,
    position=0,
    topics=("staff", "leadership-ownership", "technical-skills"),
    title_en="Setting technical direction",
    title_zh="制定技术方向",
    summary_en="How a staff engineer turns many opinions into one direction a whole group follows.",
    summary_zh="资深工程师如何把众多意见整合成整个团队都遵循的一个方向。",
    **_points(
        [
            ("Start from the problems, not the technology.", "从问题出发，而不是从技术出发。"),
            ("A direction says what you will not do.", "一个方向也要说明不做什么。"),
            ("Revisit it on a schedule.", "定期重新审视。"),
        ]
    ),
    segments=(
        _segment(
            ("Why direction matters", "为什么方向很重要"),
            [
                ("Many teams, many local choices", "团队众多，各自做局部选择"),
                ("Without direction, effort cancels out", "没有方向，努力会相互抵消"),
            ],
            [
                (
                    "When many teams choose locally, their efforts can cancel each other out.",
                    "当许多团队各自做局部选择时，他们的努力可能相互抵消。",
                ),
                (
                    "A staff engineer's job is to give them a direction they can all use.",
                    "资深工程师的职责，就是给出一个大家都能遵循的方向。",
                ),
                (
                    "A good direction is short enough for every engineer to repeat from memory.",
                    "好的方向足够简短，每位工程师都能凭记忆复述出来。",
                ),
            ],
        ),
        _segment(
            ("Gather the problems", "收集问题"),
            [
                ("Talk to every team lead", "与每位团队负责人交谈"),
                ("Collect pains, not solutions", "收集痛点，而不是方案"),
                ("Group them into themes", "把它们归纳成主题"),
            ],
            [
                (
                    "Start by talking to each team lead about what slows them down.",
                    "先和每位团队负责人聊聊，是什么拖慢了他们。",
                ),
                (
                    "Collect pains rather than proposed solutions, and group them into a few "
                    "themes.",
                    "收集痛点而不是现成的方案，再把它们归纳成几个主题。",
                ),
            ],
        ),
        _segment(
            ("Write the direction", "写下方向"),
            [
                ("Two pages at most", "最多两页"),
                ("What we will do, and what we will not", "我们做什么，不做什么"),
                ("Review it with skeptics first", "先请持怀疑态度的人审阅"),
            ],
            [
                (
                    "Write the direction in two pages or less.",
                    "用不超过两页的篇幅写下方向。",
                ),
                (
                    "Say clearly what the group will stop doing, because that is where the "
                    "savings are.",
                    "清楚地写明团队要停止做什么，因为节省下来的精力正在于此。",
                ),
                (
                    "Share the draft with the most skeptical engineers first and take their "
                    "objections seriously.",
                    "先把草稿给最持怀疑态度的工程师看，认真对待他们的反对意见。",
                ),
            ],
        ),
        _segment(
            ("Keep it alive", "让方向持续有效"),
            [
                ("Link decisions back to it", "让每个决策都能追溯到它"),
                ("Revisit every six months", "每六个月回顾一次"),
            ],
            [
                (
                    "Link design reviews back to the direction, so people see it being used.",
                    "在设计评审中引用这个方向，让大家看到它确实在被使用。",
                ),
                (
                    "Revisit it every six months, and change it openly when the facts change.",
                    "每六个月回顾一次，事实变化时就公开地调整它。",
                ),
                (
                    "A direction that never changes is usually one that nobody reads.",
                    "一个从不改变的方向，往往也是没人去读的方向。",
                ),
            ],
        ),
    ),
)

LESSONS: tuple[LessonScript, ...] = (
    ML_INTERVIEW_FORMAT,
    ML_FEED_RANKING,
    ML_RUBRIC,
    ML_PRACTICE,
    MID_OWN_A_PROJECT,
    MID_FEEDBACK_TO_PLAN,
    JUNIOR_FIRST_NINETY_DAYS,
    SENIOR_LEADING_WITHOUT_AUTHORITY,
    STAFF_SETTING_TECHNICAL_DIRECTION,
)

# The word a transcript search for the demo should find in one place only.
DISTINCTIVE_WORD = "backlog"
DISTINCTIVE_LESSON = MID_FEEDBACK_TO_PLAN.slug

# A two-slide lesson that renders in a few seconds: for tests and a quick check of the tools.
SHORT_LESSON = LessonScript(
    slug="demo-short-check",
    course=None,
    position=0,
    topics=("junior",),
    title_en="A short check",
    title_zh="简短检查",
    summary_en="Two slides and three sentences.",
    summary_zh="两张幻灯片，三句话。",
    key_points_en=("Short lessons render fast.",),
    key_points_zh=("短课渲染得很快。",),
    segments=(
        _segment(
            ("First slide", "第一张幻灯片"),
            [("One point", "第一点"), ("Another point", "第二点")],
            [("This is the first slide.", "这是第一张幻灯片。")],
        ),
        _segment(
            ("Second slide", "第二张幻灯片"),
            [("A last point", "最后一点"), ("Then we stop", "然后结束")],
            [("Here is the second slide.", "这是第二张幻灯片。"), ("That is all.", "就这些。")],
        ),
    ),
)


def lesson_script(slug: str) -> LessonScript:
    """Return the demo lesson script with this slug, or raise KeyError."""
    for script in (*LESSONS, SHORT_LESSON):
        if script.slug == slug:
            return script
    raise KeyError(slug)


def course_script(slug: str) -> CourseScript:
    """Return the demo course script with this slug, or raise KeyError."""
    for course in COURSES:
        if course.slug == slug:
            return course
    raise KeyError(slug)
