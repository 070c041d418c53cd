"""Generated career questions in English and Chinese for bench/search.py.

Word banks and sentence templates are combined with a seeded random, so a run is
repeatable. The banks never contain the planted terms: those are added on purpose at a
known rate (see `PLANTED`), so a query for them has a known number of matches.
"""

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

import snowballstemmer

ENGLISH_SHARE = 0.7

# --- English ------------------------------------------------------------------------------

ROLES = (
    "software engineer", "senior engineer", "staff engineer", "tech lead", "engineering manager",
    "principal engineer", "site reliability engineer", "data engineer", "frontend developer",
    "backend developer", "machine learning engineer", "product manager", "QA engineer",
    "mobile developer", "security engineer", "data scientist", "solutions architect",
)  # fmt: skip
COMPANIES = (
    "Acme", "Globex", "Initech", "Hooli", "Umbrella", "Pied Piper", "Cyberdyne", "Aperture",
    "Tyrell", "Vandelay", "Soylent", "Wonka", "a bank", "a startup", "an agency", "a big retailer",
)  # fmt: skip
GOALS = (
    "negotiate a raise", "switch teams", "move into management", "lead a migration project",
    "get more visibility for my work", "ask for a bigger scope",
    "prepare for system design interviews", "write design docs people read",
    "handle a difficult coworker", "change careers into data science",
    "go back to an individual contributor role", "find a remote job",
    "set boundaries on overtime", "recover from a bad performance review",
    "get a staff level title", "learn a new language at work", "quit without burning bridges",
    "take ownership of on-call", "run better one-on-ones", "hire my first engineer",
    "deal with layoffs on my team", "relocate to another country",
)  # fmt: skip
SITUATIONS = (
    "keeps moving the goalposts", "says I lack scope", "never gives written feedback",
    "just left the company", "wants me to lead without the title", "rated me average again",
    "only notices shipped features", "asks me to cover two teams", "thinks I am too quiet",
    "compares me with people two levels up", "cancels our one-on-ones", "takes credit for my work",
    "micromanages every ticket", "wants weekly status reports", "is new and reorganised everything",
)  # fmt: skip
PROJECTS = (
    "the billing service migration", "a new onboarding flow", "our data pipeline rewrite",
    "the mobile app launch", "the payments outage follow-up", "a search relevance project",
    "the monolith split", "our observability stack", "an internal developer portal",
    "the pricing experiment", "a customer analytics dashboard", "the authentication overhaul",
)  # fmt: skip
SKILLS = (
    "public speaking", "estimation", "code review", "stakeholder management", "writing",
    "negotiation", "system design", "debugging production issues", "prioritisation",
    "delegation", "hiring interviews", "technical strategy",
)  # fmt: skip
FEELINGS = (
    "stuck", "burned out", "undervalued", "anxious", "curious", "frustrated", "motivated",
    "overwhelmed", "confused", "hopeful",
)  # fmt: skip
TITLE_TEMPLATES = (
    "How do I {goal} when my manager {situation}?",
    "Is it normal to want to {goal} after {years} years as a {role}?",
    "{role} at {company}: should I {goal} now or wait?",
    "What does the next level look like at {company} for a {role}?",
    "My manager {situation}. How can I {goal}?",
    "Best way to {goal} as a {role} on a small team?",
    "{years} years in and my manager {situation}: what would you do?",
    "Does it make sense to {goal} before changing companies?",
    "Feeling {feeling} as a {role} at {company}, what should I change?",
    "How much {skill} does a {role} really need?",
    "Should I mention {project} when I try to {goal}?",
)
SENTENCES = (
    "I have worked as a {role} at {company} for {years} years and the work feels predictable.",
    "My manager {situation}, so I never know where I stand before the review.",
    "Last quarter I led {project} and it shipped on time with very few incidents.",
    "The feedback I got was that I should improve my {skill} before taking on more.",
    "I feel {feeling} because my peers seem to move faster than I do.",
    "Our org was reorganised twice this year and my skip-level changed both times.",
    "I want to {goal}, but I am not sure how to bring it up without sounding ungrateful.",
    "Recruiters from {company} keep reaching out, which makes me wonder if I should leave.",
    "Most of my week goes to meetings, and {skill} is the only thing I still enjoy.",
    "I wrote the design doc for {project}, yet few people commented on it.",
    "Friends who are a {role} elsewhere describe very different expectations.",
    "I track my wins in a document, but I do not know how to turn it into evidence.",
    "What would you do in my position, and what should I ask my manager this week?",
    "The team is small, the roadmap changes every month and on-call is heavy.",
)

# --- Chinese ------------------------------------------------------------------------------

ROLES_ZH = (
    "软件工程师", "高级工程师", "技术负责人", "产品经理", "测试工程师", "数据分析师",
    "架构师", "前端工程师", "运维工程师", "算法工程师", "后端开发", "项目经理",
)  # fmt: skip
COMPANIES_ZH = (
    "阿里", "腾讯", "字节", "美团", "百度", "京东", "华为", "小米", "网易", "一家创业公司",
    "一家外企", "一家银行",
)  # fmt: skip
GOALS_ZH = (
    "跳槽到大厂", "转岗做管理", "要求加薪", "换一个团队", "提高在团队里的影响力",
    "准备技术面试", "写好设计文档", "处理和同事的矛盾", "转行做数据", "回到一线写代码",
    "找一份远程工作", "拒绝无意义的加班", "从差的绩效里恢复过来", "出国工作",
)  # fmt: skip
SITUATIONS_ZH = (
    "总是改变目标", "说我的影响力不够", "从来不给书面反馈", "刚刚离职了",
    "让我带团队却不给头衔", "又给了我一个普通评价", "只关心上线的功能",
    "让我同时负责两个团队", "觉得我开会太安静", "经常取消一对一沟通", "抢了我的功劳",
)  # fmt: skip
PROJECTS_ZH = (
    "支付系统迁移", "新用户引导流程", "数据管道重构", "移动端上线", "搜索排序优化",
    "单体服务拆分", "监控平台建设", "内部开发者平台", "定价实验", "权限系统改造",
)  # fmt: skip
FEELINGS_ZH = ("迷茫", "焦虑", "疲惫", "不被重视", "很有动力", "沮丧", "压力很大")
TITLE_TEMPLATES_ZH = (
    "经理{situation}，我该怎么{goal}？",
    "做了{years}年{role}，现在{goal}合适吗？",
    "在{company}当{role}，应该现在{goal}还是再等等？",
    "{company}的{role}下一个职级要求是什么？",
    "绩效评估之后经理{situation}，怎么{goal}？",
    "小团队里的{role}怎样才能{goal}？",
    "工作{years}年感觉{feeling}，要不要{goal}？",
    "做完{project}以后，怎么用它来{goal}？",
)
SENTENCES_ZH = (
    "我在{company}做{role}已经{years}年了，工作内容越来越重复。",
    "最近经理{situation}，我有点{feeling}。",
    "上个季度我负责了{project}，按时上线而且事故很少。",
    "团队里的氛围还不错，但是项目压力很大，经常加班到很晚。",
    "我想{goal}，但不知道从哪里开始准备。",
    "身边做{role}的朋友说他们公司的要求完全不一样。",
    "家里人希望我稳定一点，不要频繁换工作。",
    "我把自己的成绩都记在文档里，却不知道怎么拿去和经理谈。",
    "{company}的猎头一直在联系我，让我开始考虑要不要离开。",
    "大家遇到这种情况都是怎么处理的？希望能听听建议。",
    "我写了{project}的设计文档，但是几乎没有人看。",
)

# --- planted terms ------------------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    """A term added to posts on purpose, with the share of all posts that should hold it."""

    kind: str  # "rare", "medium" or "common"
    language: str  # "en" or "zh-hans"
    word: str  # as a user types it
    share: float  # of all posts, whatever their language
    sentences: tuple[str, ...]
    titles: tuple[str, ...]
    phrases: tuple[str, ...]  # quoted-phrase queries that occur in the sentences


PLANTED = (
    Planted(
        "rare", "en", "sabbatical", 0.0001,
        ("I am considering a six month sabbatical before my next role.",
         "Coming back from a sabbatical has been harder than I expected."),
        ("Will a sabbatical hurt my chances as a {role}?",),
        ("six month sabbatical", "back from a sabbatical"),
    ),
    Planted(
        "medium", "en", "mentorship", 0.01,
        ("A formal mentorship program just started at {company}.",
         "I would like mentorship from someone outside my reporting line."),
        ("How do I find mentorship as a {role} at {company}?",),
        ("formal mentorship program", "mentorship from someone"),
    ),
    Planted(
        "common", "en", "promotion", 0.15,
        ("My promotion case goes to the committee next month.",
         "I was passed over for promotion again this year.",
         "The promotion criteria at {company} feel vague to me."),
        ("How do I build a promotion case as a {role}?",
         "Passed over for promotion at {company}, what now?"),
        ("promotion case", "passed over for promotion", "promotion criteria"),
    ),
    Planted(
        "rare", "zh-hans", "仲裁", 0.0001,
        ("我在考虑申请劳动仲裁。", "劳动仲裁的流程很复杂吗？"),
        ("被{company}辞退以后可以申请仲裁吗？",),
        ("劳动仲裁", "申请劳动仲裁"),
    ),
    Planted(
        "medium", "zh-hans", "导师", 0.01,
        ("{company}刚刚推出了导师计划。", "我想找一个部门外的导师。"),
        ("{role}怎么找到合适的导师？",),
        ("导师计划", "部门外的导师"),
    ),
    Planted(
        "common", "zh-hans", "晋升", 0.15,
        ("我的晋升答辩安排在下个月。", "今年又一次晋升失败了。", "{company}的晋升标准让我很困惑。"),
        ("{role}的晋升答辩应该怎么准备？", "在{company}晋升失败了，接下来怎么办？"),
        ("晋升答辩", "晋升失败", "晋升标准"),
    ),
)  # fmt: skip
KINDS = ("rare", "medium", "common")
# Frequent words that two-term queries pair a planted term with.
PARTNERS = {
    "en": ("manager", "team", "review", "years", "company", "work"),
    "zh-hans": ("经理", "团队", "绩效", "工作", "公司", "文档"),
}
TITLE_MAX_WORDS = 14
TITLE_SHARE = 0.25  # of posts holding a planted term, how many also have it in the title


def _shares(language: str) -> float:
    return ENGLISH_SHARE if language == "en" else 1 - ENGLISH_SHARE


def check_banks() -> None:
    """Refuse banks that contain a planted term, which would skew its known frequency."""
    stem = snowballstemmer.stemmer("english").stemWord
    planted_stems = {stem(p.word) for p in PLANTED if p.language == "en"}
    banks = (ROLES, COMPANIES, GOALS, SITUATIONS, PROJECTS, SKILLS, FEELINGS, TITLE_TEMPLATES)
    for text in (*(t for bank in banks for t in bank), *SENTENCES):
        for word in re.findall(r"[a-z]+", text.casefold()):
            if stem(word) in planted_stems:
                raise ValueError(f"bank text {text!r} holds a planted term")
    banks_zh = (ROLES_ZH, COMPANIES_ZH, GOALS_ZH, SITUATIONS_ZH, PROJECTS_ZH, FEELINGS_ZH)
    for text in (*(t for bank in banks_zh for t in bank), *TITLE_TEMPLATES_ZH, *SENTENCES_ZH):
        for p in PLANTED:
            if p.language == "zh-hans" and p.word in text:
                raise ValueError(f"bank text {text!r} holds a planted term")


# --- generation ---------------------------------------------------------------------------


def _fill(rng: random.Random, template: str, language: str) -> str:
    if language == "en":
        text = template.format(
            role=rng.choice(ROLES),
            company=rng.choice(COMPANIES),
            goal=rng.choice(GOALS),
            situation=rng.choice(SITUATIONS),
            project=rng.choice(PROJECTS),
            skill=rng.choice(SKILLS),
            feeling=rng.choice(FEELINGS),
            years=rng.randint(1, 15),
        )
        return text[0].upper() + text[1:]
    return template.format(
        role=rng.choice(ROLES_ZH),
        company=rng.choice(COMPANIES_ZH),
        goal=rng.choice(GOALS_ZH),
        situation=rng.choice(SITUATIONS_ZH),
        project=rng.choice(PROJECTS_ZH),
        feeling=rng.choice(FEELINGS_ZH),
        years=rng.randint(1, 15),
    )


def make_title(rng: random.Random, language: str) -> str:
    if language != "en":
        return _fill(rng, rng.choice(TITLE_TEMPLATES_ZH), language)
    while True:  # titles of 6 to 14 words, as people write them
        title = _fill(rng, rng.choice(TITLE_TEMPLATES), language)
        if len(title.split()) <= TITLE_MAX_WORDS:
            return title


def make_sentence(rng: random.Random, language: str) -> str:
    return _fill(rng, rng.choice(SENTENCES if language == "en" else SENTENCES_ZH), language)


def join_sentences(sentences: list[str], language: str) -> str:
    return (" " if language == "en" else "").join(sentences)


@dataclass(frozen=True)
class Text:
    language: str
    title: str
    sentences: tuple[str, ...]


def pool_texts(seed: int, count: int) -> list[Text]:
    """The distinct texts whose real vectors every question borrows (with noise)."""
    rng = random.Random(f"pool-{seed}")
    texts = []
    for _ in range(count):
        language = "en" if rng.random() < ENGLISH_SHARE else "zh-hans"
        sentences = tuple(make_sentence(rng, language) for _ in range(2))
        texts.append(Text(language, make_title(rng, language), sentences))
    return texts


@dataclass(frozen=True)
class Post:
    pool_index: int
    language: str
    title: str
    body: str
    planted: tuple[Planted, ...]


def posts(seed: int, count: int, pool: list[Text]) -> Iterator[Post]:
    """Question i takes pool text i mod len(pool), plus its own planted or extra sentence."""
    rng = random.Random(f"posts-{seed}")
    for i in range(count):
        base = pool[i % len(pool)]
        language = base.language
        share = _shares(language)
        planted = tuple(
            p for p in PLANTED if p.language == language and rng.random() < p.share / share
        )
        sentences = list(base.sentences)
        title = base.title
        for p in planted:
            sentences.insert(
                rng.randint(0, len(sentences)), _fill(rng, rng.choice(p.sentences), language)
            )
        if planted and rng.random() < TITLE_SHARE:
            title = _fill(rng, rng.choice(rng.choice(planted).titles), language)
        if not planted and rng.random() < 0.4:
            sentences.append(make_sentence(rng, language))
        yield Post(i % len(pool), language, title, join_sentences(sentences, language), planted)


# --- queries ------------------------------------------------------------------------------


def search_queries(seed: int, kind: str, count: int) -> list[str]:
    """Half English, half Chinese: single terms, a term with a frequent word, and phrases."""
    rng = random.Random(f"queries-{seed}-{kind}")
    by_language = {p.language: p for p in PLANTED if p.kind == kind}
    queries = []
    for i in range(count):
        p = by_language["en" if i % 2 == 0 else "zh-hans"]
        form = rng.random()
        if form < 0.5:
            queries.append(p.word)
        elif form < 0.8:
            queries.append(f"{p.word} {rng.choice(PARTNERS[p.language])}")
        else:
            queries.append(f'"{rng.choice(p.phrases)}"')
    return queries


def suggestion_titles(seed: int, count: int) -> list[str]:
    """New titles being typed: half Chinese, some holding a planted term as posts do."""
    rng = random.Random(f"suggest-{seed}")
    titles = []
    for i in range(count):
        language = "en" if i % 2 == 0 else "zh-hans"
        planted = [p for p in PLANTED if p.language == language and rng.random() < p.share * 2]
        if planted:
            titles.append(_fill(rng, rng.choice(planted[0].titles), language))
        else:
            titles.append(make_title(rng, language))
    return titles
