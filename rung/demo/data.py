"""Demo members and posts shown on a fresh Rung install.

Pure data: the ``demo_content`` management command turns these dicts into users,
questions, answers, replies, likes and the outcomes some askers posted. Times are given as
days before "now" so the feed always looks recent.
"""

import re
import textwrap

# Chinese paragraphs are wrapped in this file to respect the line-length limit. A line
# break between two CJK characters would render as a stray space, so _md removes it.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d\u2026"
_CJK_SOFT_BREAK = re.compile(f"(?<=[{_CJK}])\\n[ \\t]*(?=[{_CJK}])")


def _md(text: str) -> str:
    """Dedent and strip a Markdown block, joining soft-wrapped Chinese lines."""
    return _CJK_SOFT_BREAK.sub("", textwrap.dedent(text).strip())


USERS = [
    {
        "username": "mei",
        "display_name": "Mei Lin",
        "headline": "Tech Lead/Manager at Meta, Pinterest",
        "level": "senior",
        "track": "ic",
        "companies": "Meta, Pinterest",
        "years": 9,
        "languages": ["en", "zh-hans"],
        "bio": (
            "I lead a team of six on ads ranking infrastructure at Meta, after five years "
            "as an engineer at Pinterest.\nHappy to talk about the jump from senior to "
            "tech lead, running design reviews, and writing a promotion case that your "
            "manager can actually use."
        ),
    },
    {
        "username": "arjun",
        "display_name": "Arjun Mehta",
        "headline": "ML Engineer at Instacart",
        "level": "mid-level",
        "track": "ic",
        "companies": "Instacart",
        "years": 4,
        "languages": ["en"],
    },
    {
        "username": "sofia",
        "display_name": "Sofia Alvarez",
        "headline": "Software Engineer I at Shopify",
        "level": "junior",
        "track": "ic",
        "companies": "Shopify",
        "years": 1,
        "languages": ["en"],
        "bio": (
            "Ten months into my first engineering job, on the checkout team.\nI ask a lot "
            "of questions here and write down what I learn, in case it helps the next "
            "person."
        ),
    },
    {
        "username": "wei",
        "display_name": "Zhang Wei",
        "headline": "高级工程师 at ByteDance, ex-Baidu",
        "level": "senior",
        "track": "ic",
        "companies": "ByteDance, Baidu",
        "years": 7,
        "languages": ["zh-hans", "en"],
        "bio": (
            "在字节做推荐系统的后端，之前在百度待了四年。\n"
            "比较熟悉晋升答辩、跨团队推动项目，"
            "也乐意聊在外企和国内公司工作的不同。英文问题也可以问我。"
        ),
    },
    {
        "username": "priya",
        "display_name": "Priya Natarajan",
        "headline": "Staff ML Engineer at Google",
        "level": "staff",
        "track": "ic",
        "companies": "Google, LinkedIn",
        "years": 12,
        "languages": ["en"],
        "bio": (
            "Staff ML engineer working on model evaluation. I moved from LinkedIn to "
            "Google as a senior and was promoted to staff two years later.\nI answer "
            "questions about ML career paths, owning a platform, and scoping work that "
            "spans several teams."
        ),
    },
    {
        "username": "dmitri",
        "display_name": "Dmitri Volkov",
        "headline": "Principal Engineer at Datadog, ex-Microsoft",
        "level": "principal",
        "track": "ic",
        "companies": "Datadog, Microsoft",
        "years": 17,
        "languages": ["en"],
    },
    {
        "username": "grace",
        # The demo's moderator: the review queue, flags and the audit log are hers to try.
        "moderator": True,
        "display_name": "Grace Okafor",
        "headline": "Engineering Manager at Stripe, ex-Amazon",
        "level": "engineering-manager",
        "track": "em",
        "companies": "Stripe, Amazon",
        "years": 11,
        "languages": ["en"],
    },
    {
        "username": "tom",
        "display_name": "Tom Becker",
        "headline": "Senior Engineering Manager at Atlassian",
        "level": "senior-engineering-manager",
        "track": "em",
        "companies": "Atlassian, SAP",
        "years": 15,
        "languages": ["en"],
    },
    {
        "username": "hana",
        "display_name": "Hana Kim",
        "headline": "Director of Engineering at Airbnb, ex-Uber",
        "level": "director",
        "track": "em",
        "companies": "Airbnb, Uber",
        "years": 19,
        "languages": ["en"],
    },
    {
        "username": "liyang",
        "display_name": "Li Yang",
        "headline": "后端工程师 at Meituan",
        "level": "mid-level",
        "track": "ic",
        "companies": "Meituan",
        "years": 3,
        "languages": ["zh-hans"],
    },
    {
        "username": "xiaoyu",
        "display_name": "Chen Xiaoyu",
        "headline": "软件工程师 at Alibaba",
        "level": "junior",
        "track": "ic",
        "companies": "Alibaba",
        "years": 2,
        "languages": ["zh-hans", "en"],
    },
    {
        "username": "jamal",
        "display_name": "Jamal Reed",
        "headline": "Software Engineer at a Series B fintech",
        "level": "mid-level",
        "track": "ic",
        "companies": "",
        "years": 3,
        "languages": ["en"],
    },
    {
        "username": "lucas",
        "display_name": "Lucas Ferreira",
        "headline": "Backend Engineer at Nubank",
        "level": "mid-level",
        "track": "ic",
        "companies": "Nubank",
        "years": 5,
        "languages": ["en"],
    },
    {
        "username": "nadia",
        "display_name": "Nadia Haddad",
        "headline": "Senior Software Engineer at Microsoft",
        "level": "senior",
        "track": "ic",
        "companies": "Microsoft",
        "years": 8,
        "languages": ["en"],
    },
    {
        "username": "kenji",
        "display_name": "Kenji Watanabe",
        "headline": "Staff Engineer at Mercari, ex-Google",
        "level": "staff",
        "track": "ic",
        "companies": "Mercari, Google",
        "years": 13,
        "languages": ["en"],
    },
    {
        "username": "zhou",
        "display_name": "Zhou Min",
        "headline": "技术经理 at Tencent, ex-Huawei",
        "level": "engineering-manager",
        "track": "em",
        "companies": "Tencent, Huawei",
        "years": 12,
        "languages": ["zh-hans", "en"],
    },
]


QUESTIONS = [
    # The core story: strong impact, told to show more leadership and ownership.
    {
        "author": "arjun",
        "anonymous": False,
        "language": "en",
        "title": (
            "Got Impact E, Teamwork M+, Technical Skills M and was told to show more "
            "leadership and ownership. What should I change?"
        ),
        "body": _md("""
            ## Context

            I'm an ML engineer, four years in, and in my second year at my current company.
            My team owns the ranking models for our home feed. My mid-year review came back:

            - **Impact: E**. The retrieval model I shipped moved our engagement metric more
              than anything else the team launched that half.
            - **Teamwork: M+**
            - **Technical skills: M**

            My manager's summary:

            > You clearly deliver. To get to senior, I need to see you lead and own things
            > beyond your own tickets.

            ## What I already do

            I'm on the on-call rotation and I review a lot of PRs. But I'm not the tech lead,
            and our roadmap is set by the staff engineer, so I don't know what "ownership"
            means concretely in my position.

            ## Questions

            1. What kind of work reads as leadership at mid-level, without a title?
            2. Should I worry about Technical skills at M, or is that fine next to an E?
            3. How do I make the change visible by year-end without looking like I'm
               gaming the review?
        """),
        "topics": ["mid-level", "performance-reviews", "leadership-ownership"],
        "days_ago": 18,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "",
            "scale": "e-m-i",
            "ratings": {"impact": "E", "teamwork": "M+", "technical-skills": "M"},
            "focus": (
                "Turning a strong impact rating into visible leadership and ownership "
                "before the next review."
            ),
            "feedback_wanted": (
                "Concrete behaviours and projects that would read as ownership to my "
                "manager and a promotion committee."
            ),
        },
        "likers": ["sofia", "jamal", "lucas", "liyang", "nadia", "priya", "kenji"],
        "answers": [
            {
                "author": "priya",
                "body": _md("""
                    Ownership at your level usually means **a problem with your name on it**,
                    not a task. Pick something that nobody owns end to end. On ranking teams
                    the usual orphans are:

                    - the gap between offline metrics and online results
                    - training data freshness and label quality
                    - the evaluation pipeline everyone complains about in retros

                    Write a one-page doc: what's broken, what it costs (in the same engagement
                    metric you already moved), and what you propose for the next two quarters.
                    Show it to your staff engineer *before* you share it widely. You're not
                    competing with them; you want them as a sponsor.

                    Then run it: a short weekly status note, a small dashboard, one or two
                    people pulled in to help. That's leadership at mid-level: other people's
                    work gets better because of something you drove.

                    On Technical skills at M: next to an E in impact, it's fine. Don't split
                    your focus this half.
                """),
                "days_ago": 17,
                "helpful": True,
                "likers": ["arjun", "mei", "grace", "jamal", "kenji"],
                "replies": [
                    {
                        "author": "arjun",
                        "body": _md("""
                            The eval pipeline is exactly that orphan. Three people
                            complained about it in our last retro and nobody picked it up.
                            Drafting the one-pager this week.
                        """),
                        "days_ago": 16,
                    },
                    {
                        "author": "priya",
                        "body": _md("""
                            Send it to your manager too, with one explicit line: "I'd
                            like this to be my ownership area for H2." Make the ask
                            impossible to miss.
                        """),
                        "days_ago": 15,
                    },
                ],
            },
            {
                "author": "grace",
                "body": _md("""
                    When I write "show more ownership" in a review, this is usually what I
                    mean. Check whether it matches what your manager has in mind:

                    1. I hear about problems in your area **from you**, not from others.
                    2. When something you shipped breaks, you drive the follow-up, not only
                       the fix.
                    3. You make decisions in your area and tell me about them, instead of
                       asking me to decide.

                    The fastest way to close the gap is to ask your manager for two examples
                    from the last half where they wished you had owned more. Vague feedback
                    becomes specific as soon as you ask for examples.

                    Then agree on one or two written goals in your review doc, so in six
                    months you're both judging against the same thing.
                """),
                "days_ago": 16,
                "helpful": False,
                "likers": ["arjun", "jamal", "tom", "zhou"],
                "replies": [],
            },
            {
                "author": "mei",
                "body": _md("""
                    A trap I fell into myself: I read "leadership" as "be in more meetings".
                    It didn't help at all.

                    What did help was taking on the newest person on the team and owning
                    their ramp-up: a starter project, 30 minutes a week, a careful review of
                    their first design doc. It's visible, it costs little, and your manager
                    can point to it in calibration.

                    Also start a running "brag doc" today. At review time, ownership is
                    judged by the story you can tell, and that story is very hard to
                    reconstruct six months later.
                """),
                "days_ago": 14,
                "helpful": False,
                "likers": ["arjun", "sofia", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "sofia",
        "anonymous": False,
        "language": "en",
        "title": "How do I ramp up on a huge codebase without constantly interrupting my team?",
        "body": _md("""
            I'm three weeks into my first full-time engineering job. The main repository is
            a monolith with a couple of million lines of Ruby and TypeScript, and my team
            owns the checkout flows inside it.

            My onboarding buddy is great but clearly busy, and I feel bad pinging them
            every hour. On the other hand, when I try to figure things out alone, I lose
            half a day on something they could explain in two minutes.

            What I'm doing right now:

            - Reading the team wiki (partly out of date)
            - Picking up small "good first issue" tickets
            - Keeping notes in a personal doc

            **Questions:**

            1. Is there a better way to learn a codebase this size than reading files?
            2. How long should I stay stuck before I ask for help?
            3. What does a good first 90 days look like from the team's point of view?
        """),
        "topics": ["junior", "technical-skills"],
        "days_ago": 95,
        "context": {
            "level": "junior",
            "years": 1,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Learning a very large codebase quickly in the first months of a first job.",
            "feedback_wanted": (
                "A practical learning routine and a rule of thumb for when to ask for help."
            ),
        },
        "likers": ["xiaoyu", "jamal", "arjun", "grace"],
        "answers": [
            {
                "author": "kenji",
                "body": _md("""
                    Reading files top-down almost never works at that size. Trace real
                    requests instead:

                    1. Pick one user action your team owns, e.g. "apply a discount code".
                    2. Find its entry point (route, controller, GraphQL resolver).
                    3. Follow it with a debugger or log lines until it reaches the database
                       and comes back.
                    4. Write down every file you touched, with one line on what it does.

                    After five or six traces you'll have a mental map of the part that
                    matters to you, which is maybe 2% of the repository.

                    For asking, use a **30-minute rule**: try for 30 minutes, write down what
                    you tried, then ask. Your question gets much better ("I expected the
                    total to be set in `DiscountService`, but it changes in a callback.
                    Where is that?") and people are glad to answer questions like that.

                    Batch the small ones into a daily 15 minutes with your buddy instead of
                    pinging all day.
                """),
                "days_ago": 93,
                "helpful": True,
                "likers": ["sofia", "arjun", "xiaoyu", "nadia"],
                "replies": [
                    {
                        "author": "sofia",
                        "body": _md("""
                            Tracing one flow end to end is such a good idea. I did "apply
                            discount code" this afternoon and finally understand why
                            there are three different `Cart` classes.
                        """),
                        "days_ago": 92,
                    },
                ],
            },
            {
                "author": "nadia",
                "body": _md("""
                    From the team's side, a good first 90 days for a new grad looks roughly
                    like this:

                    - **Month 1:** ship a few small changes, learn the deploy and review
                      process, ask lots of questions.
                    - **Month 2:** own a small feature with some guidance, and start
                      reviewing other people's PRs.
                    - **Month 3:** shadow a few on-call shifts and pick up tickets without
                      needing them broken down for you.

                    Nobody expects you to be independent in week three. What people do notice
                    is whether the same question comes back twice, so your notes doc is the
                    right instinct. Turn the best parts into wiki fixes: a PR that updates the
                    stale onboarding page gets approved happily, and the next hire benefits.
                """),
                "days_ago": 90,
                "helpful": False,
                "likers": ["sofia", "xiaoyu", "grace"],
                "replies": [],
            },
        ],
    },
    {
        "author": "jamal",
        "anonymous": False,
        "language": "en",
        "title": (
            "My manager says I'm not ready for senior but can't say what's missing. "
            "How do I get specifics?"
        ),
        "body": _md("""
            Three years in, all at the same startup (about 120 engineers). I asked about a
            promotion to senior in my last 1:1 and got this:

            > I don't think you're quite there yet. Keep doing what you're doing and we'll
            > revisit next cycle.

            It's the second time I've heard a version of that. My last review:

            - Impact: Exceeds
            - Technical skills: Exceeds
            - Teamwork: Meets
            - Leadership & ownership: Meets

            We have a career ladder, but it's written in very general terms ("drives
            projects of moderate ambiguity"). I honestly don't know what to do differently,
            and "keep doing what you're doing" sounds like a way to get the same answer
            next time.

            How do I get my manager to give me something I can act on? And is it reasonable
            to ask for a written plan?
        """),
        "topics": ["mid-level", "senior", "promotions"],
        "days_ago": 70,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "",
            "scale": "exceeds-meets-below",
            "ratings": {
                "impact": "Exceeds",
                "technical-skills": "Exceeds",
                "teamwork": "Meets",
                "leadership-ownership": "Meets",
            },
            "focus": (
                "Getting specific, actionable promotion criteria from a manager who keeps "
                "deferring."
            ),
            "feedback_wanted": (
                "How to phrase the request and what a reasonable promotion plan looks like."
            ),
        },
        "likers": ["lucas", "arjun", "liyang", "sofia", "nadia"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    Yes, ask for a written plan. It's a normal request, and good managers
                    welcome it. Try something like this in your next 1:1:

                    > I'd like to be promoted to senior within the next 12 months. Can we go
                    > through the ladder together and mark where you already see me at senior
                    > level and where you don't? For each gap, I'd like one or two examples
                    > of what it would look like on our team.

                    Afterwards, write it up yourself and send it: "Here's what I understood,
                    please correct anything." Now you have a shared document to review every
                    month, and "not ready" has to point at something in it.

                    Reading your ratings, I'd guess the gaps are exactly where the Meets are.
                    At most companies senior mostly means raising the output of the people
                    around you, not only your own. Expect the examples to be about leading a
                    project with two or three people, or being the go-to person for one area.
                """),
                "days_ago": 68,
                "helpful": True,
                "likers": ["jamal", "arjun", "grace", "kenji"],
                "replies": [
                    {
                        "author": "jamal",
                        "body": _md("""
                            Did this yesterday. It was awkward for about two minutes and
                            then genuinely useful. We agreed on three gaps, and the big
                            one is what you guessed: leading a project, not just
                            delivering one.
                        """),
                        "days_ago": 66,
                    },
                ],
            },
            {
                "author": "kenji",
                "body": _md("""
                    One more thing: find out who else has a say. At a company of 120
                    engineers, the promotion decision is rarely only your manager's. There's
                    usually a calibration meeting or a committee your manager has to
                    convince.

                    Ask: "Who else needs to see my work, and what would they need to see?"
                    Sometimes "not ready" really means "I don't think I can win this case
                    yet". That's a different problem, and an easier one: help your manager
                    with better evidence.
                """),
                "days_ago": 65,
                "helpful": False,
                "likers": ["jamal", "lucas"],
                "replies": [],
            },
        ],
    },
    {
        "author": "nadia",
        "anonymous": False,
        "language": "en",
        "title": "What evidence actually matters in a promotion packet for staff engineer?",
        "outcome": {
            "kind": "promoted",
            "note": (
                "The committee approved staff in the spring cycle. What made the difference: "
                "I cut the latency numbers to one line each and spent the space on how the "
                "rollout order was negotiated, and two peer reviewers named the auth "
                "migration without being asked. Writing up the first rollout plan that "
                "failed helped more than I expected."
            ),
            "days_ago": 8,
        },
        "body": _md("""
            My manager wants to put me up for staff this cycle and asked me to draft the
            packet. I have two weeks, I've never written one, and the template is just
            headings.

            ## What I have

            - **Auth migration** (my main project last year)
              - Led the design across three teams
                - wrote the design doc and ran the reviews
                - negotiated the rollout order with the identity team
              - Cut login latency at p95 from 900 ms to 250 ms
            - **Mentoring**
              - Two engineers I mentored were promoted to senior
            - **On-call**
              - Rewrote our runbooks; pages per week dropped by about 40%

            ## What I'm unsure about

            1. How much technical detail belongs in the packet, when the committee isn't
               from my org?
            2. Should I include things that didn't work?
            3. Who should write peer feedback, and can I ask people to mention specific
               projects?
        """),
        "topics": ["senior", "staff", "promotions"],
        "days_ago": 60,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "Microsoft",
            "scale": None,
            "ratings": {},
            "focus": "Writing a first staff promotion packet around a cross-team migration.",
            "feedback_wanted": "What committees look for and how to structure the evidence.",
        },
        "likers": ["mei", "wei", "kenji", "lucas", "grace", "jamal"],
        "answers": [
            {
                "author": "dmitri",
                "body": _md("""
                    I've sat on promotion committees for about six years. What I'd tell every
                    staff candidate:

                    **Write for a smart outsider.** The committee will spend maybe 15 minutes
                    on your packet. For each project: the problem, why it was hard, what *you*
                    decided, and the result. Leave out implementation detail unless it shows
                    judgment.

                    **Show scope, not volume.** "Led the design across three teams" is your
                    strongest line, so expand it. What did the teams disagree on, and how did
                    you settle it? Staff is mostly about ambiguity and alignment, so that
                    story *is* the packet.

                    **Failures are fine** if you show what you learned and changed. One is
                    enough.

                    **Peers:** pick people from *other* teams who saw the cross-team work.
                    It's completely fine to remind them which project you'd like them to
                    speak to. Just don't script their words.
                """),
                "days_ago": 58,
                "helpful": True,
                "likers": ["nadia", "kenji", "priya", "mei"],
                "replies": [
                    {
                        "author": "nadia",
                        "body": _md("""
                            "Write for a smart outsider" helps a lot. Half of my first
                            draft was about token caching internals. Cutting it.
                        """),
                        "days_ago": 57,
                    },
                ],
            },
            {
                "author": "priya",
                "body": _md("""
                    Give every number a baseline and a "so what". Going from 900 ms to 250 ms
                    is good; adding "which brought login abandonment down from 6% to 4%" is
                    much better, because it ties your work to something the business already
                    cares about.

                    Also, your mentoring line is stronger than you think. Two promotions is
                    concrete evidence that you multiply other people. Give it a short
                    paragraph of its own instead of a bullet at the end.
                """),
                "days_ago": 57,
                "helpful": False,
                "likers": ["nadia", "arjun"],
                "replies": [],
            },
            {
                "author": "kenji",
                "body": _md("""
                    Ask your manager for two or three recently successful staff packets from
                    your org, with names removed. Seeing the length, tone and level of detail
                    that actually got through is worth more than general advice, mine
                    included.

                    Once you have a draft, give it to someone senior outside your team and
                    ask them to summarize your case in three sentences. If they can't, the
                    packet isn't clear enough yet.
                """),
                "days_ago": 55,
                "helpful": False,
                "likers": ["nadia"],
                "replies": [],
            },
        ],
    },
    {
        "author": "grace",
        "anonymous": False,
        "language": "en",
        "title": "How do I manage up when my director changes priorities every two weeks?",
        "body": _md("""
            I manage a team of seven on our payments platform. Over the last quarter our
            director changed our top priority four times: fraud tooling, then a merchant
            dashboard, then back to fraud, and now a compliance deadline that was
            "always the plan".

            Each change comes with good reasons, but the team is losing trust in the
            roadmap. Two engineers have asked me directly whether anything we start will
            actually ship.

            What I've tried so far:

            - Pushing back in 1:1s. He listens, and then the change happens anyway.
            - Shielding the team by absorbing the changes myself. Not sustainable.

            I don't want to be the manager who passes the chaos straight down, but I also
            don't want to be seen as the one blocking. How do other EMs handle this?
        """),
        "topics": ["engineering-manager", "leadership-ownership"],
        "days_ago": 52,
        "context": {
            "level": "engineering-manager",
            "years": 11,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Keeping a team stable while leadership priorities keep shifting.",
            "feedback_wanted": "Ways to push back upward that actually change the outcome.",
        },
        "likers": ["tom", "zhou", "mei", "nadia"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    Speaking from the director's side: frequent changes usually mean I'm
                    reacting to pressure from above that my managers can't see. Pushing back
                    in 1:1s fails because it argues against the change, not against its
                    cost.

                    Make the cost visible instead. Keep a simple log:

                    | Date | Change | Work paused | Engineer-weeks lost |
                    |------|--------|-------------|---------------------|
                    | ...  | ...    | ...         | ...                 |

                    Bring it to him once, calmly: "This is what the last quarter cost us.
                    Can we agree that the top priority changes at most once a month, and that
                    I get to say what we stop?" Most directors take that deal, because they
                    don't want chaos either.

                    Also ask him what's driving the changes. If it's one stakeholder, you may
                    be able to talk to them directly.
                """),
                "days_ago": 50,
                "helpful": False,
                "likers": ["grace", "tom", "zhou", "mei"],
                "replies": [
                    {
                        "author": "grace",
                        "body": _md("""
                            Asking what's driving it is the piece I've been missing. I
                            suspect one VP and two escalations. Starting the log this
                            week.
                        """),
                        "days_ago": 49,
                    },
                ],
            },
            {
                "author": "tom",
                "body": _md("""
                    For the team side: tell them the truth and give them a rule. Something
                    like "Priorities may change, but nothing that's more than 70% done gets
                    dropped without a conversation." Engineers handle change much better than
                    they handle feeling ignored.

                    And celebrate what does ship, even small things. After a messy quarter, a
                    simple list of what actually went out does a lot for morale.
                """),
                "days_ago": 47,
                "helpful": False,
                "likers": ["grace", "nadia"],
                "replies": [],
            },
        ],
    },
    {
        "author": "lucas",
        "anonymous": False,
        "language": "en",
        "title": "As a non-native English speaker, how do I contribute in fast-paced meetings?",
        "body": _md("""
            I'm a backend engineer from Brazil, and for two years I've worked on a team that
            is mostly in the US. My written English is good and my code reviews are
            detailed, but live meetings are hard:

            - By the time I've formed my sentence, the discussion has moved on.
            - When I do speak, I sometimes lose the word I need and say something vague.
            - Design discussions are the worst, and that's where decisions happen.

            In my last review my manager said she'd like to "hear more from me in design
            discussions", so it's starting to affect how I'm seen.

            Any practical tricks? I've thought about asking for agendas in advance, but I'm
            not sure how to ask without it sounding like a complaint.
        """),
        "topics": ["mid-level", "working-across-languages"],
        "days_ago": 40,
        "context": {
            "level": "mid-level",
            "years": 5,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Being heard in live English design discussions as a non-native speaker.",
            "feedback_wanted": (
                "Practical habits, and how to ask the team for small process changes."
            ),
        },
        "likers": ["xiaoyu", "wei", "arjun", "sofia"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    I moved from Shanghai to the Bay Area nine years ago and had exactly this
                    problem. What worked for me:

                    1. **Prepare one point before every meeting.** Read the doc, write down
                       the one thing you want to say, and say it in the first ten minutes.
                       Speaking early is much easier than breaking into a fast discussion.
                    2. **Use the chat or doc comments.** In a remote meeting, typing "I have
                       a concern about retries, can I take one minute?" gets you the floor
                       politely.
                    3. **Hold the floor with a phrase.** "Let me think about how to put this"
                       buys you five seconds, and nobody minds.

                    Asking for agendas isn't a complaint if you frame it as helping everyone:
                    "Could we share the doc a day before? I give better feedback when I've
                    read it." Native speakers benefit from that too.
                """),
                "days_ago": 38,
                "helpful": True,
                "likers": ["lucas", "xiaoyu", "wei", "sofia"],
                "replies": [
                    {
                        "author": "lucas",
                        "body": _md("""
                            Tried 2 and 3 in today's design review. I got two comments
                            in, and one of them changed the retry design. Small thing,
                            but it felt great.
                        """),
                        "days_ago": 36,
                    },
                ],
            },
            {
                "author": "kenji",
                "body": _md("""
                    Non-native speaker here too (Japanese). What helped me most: I stopped
                    trying to sound fluent and started trying to sound *structured*. "Two
                    concerns. First... Second..." is easy to say, easy to follow, and
                    sounds senior.

                    Also follow up in writing. If you didn't get your point in during the
                    meeting, post it in the doc thread afterwards. Decisions often aren't
                    final until the notes go out.
                """),
                "days_ago": 35,
                "helpful": False,
                "likers": ["lucas", "mei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "kenji",
        "anonymous": False,
        "language": "en",
        "title": "Staff engineer without a team: how do I avoid being a consultant nobody hears?",
        "body": _md("""
            I joined my company six months ago as a staff engineer in a platform group. I
            don't have a team of my own; the idea is that I work across four product teams
            on reliability and architecture.

            What's happening in practice:

            - Teams invite me to design reviews, I leave comments, and about half of them
              get ignored.
            - Each team has its own roadmap, and my suggestions are "nice to have" on all
              of them.
            - My manager is happy, but I can't point to anything that shipped because of me.

            At my previous company I had six years of trust built up, so influence came
            easily. Here I'm starting from zero.

            For those who've had a roaming staff role: how did you get real traction?
            Should I just pick one team and embed with them for a quarter?
        """),
        "topics": ["staff", "leadership-ownership"],
        "days_ago": 88,
        "context": {
            "level": "staff",
            "years": 13,
            "company": "Mercari",
            "scale": None,
            "ratings": {},
            "focus": "Building influence as a new staff engineer without a team of my own.",
            "feedback_wanted": "Approaches that produced real outcomes in a similar role.",
        },
        "likers": ["priya", "nadia", "dmitri", "mei", "wei"],
        "answers": [
            {
                "author": "dmitri",
                "body": _md("""
                    Yes, embed. Comments in design reviews are the weakest form of influence
                    there is. What builds trust at a new company is shipping something hard
                    *with* a team.

                    My usual playbook for a new roaming role:

                    1. Find the team with the most painful problem that matches your skills.
                       Not the most important team, the one in the most pain.
                    2. Join them for six to ten weeks. Go to standup, take a real piece of
                       work, write code.
                    3. Solve the problem with them, and let them present it.
                    4. Write up the pattern so the other three teams can reuse it.

                    After that, your review comments carry weight because people have seen
                    you deliver. The first quarter is slower; everything after is faster.
                """),
                "days_ago": 86,
                "helpful": False,
                "likers": ["kenji", "priya", "nadia", "wei"],
                "replies": [
                    {
                        "author": "kenji",
                        "body": _md("""
                            Picked the search team, where incidents were worst. Two weeks
                            in, it already feels different: they ask me things now,
                            instead of me offering opinions.
                        """),
                        "days_ago": 80,
                    },
                ],
            },
            {
                "author": "hana",
                "body": _md("""
                    From the management side: make sure your manager and the four EMs agree
                    explicitly on what you own. "Works across teams on reliability" is not
                    ownership. "Owns the SLO framework and the quarterly reliability review
                    for these four teams" is.

                    If your name isn't on something in their planning docs, your suggestions
                    will stay nice-to-haves forever. Ask to be written into the roadmaps.
                """),
                "days_ago": 84,
                "helpful": False,
                "likers": ["kenji", "tom"],
                "replies": [],
            },
        ],
    },
    {
        "author": "jamal",
        "anonymous": False,
        "language": "en",
        "title": (
            "How do I negotiate salary when changing jobs, and what do I say about my expectations?"
        ),
        "body": _md("""
            After three years at my first company I've started interviewing. I have a final
            round next week at a mid-sized fintech and a recruiter screen at a larger
            company.

            Where I'm stuck:

            - The recruiter asked for my current salary and my expectations on the first
              call. I gave a vague answer, but she pushed for a number.
            - My current base is clearly below market for the level I'm interviewing for.
              If I anchor on it, I'll stay underpaid.
            - I've never negotiated before, and I'm worried that pushing will make them
              pull the offer.

            How do people handle the expectations question? And realistically, how much
            room is there to negotiate an offer at mid-level?
        """),
        "topics": ["mid-level", "interviewing"],
        "days_ago": 20,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Negotiating my first job-change offer.",
            "feedback_wanted": (
                "What to say when asked for expectations, and how far it's safe to push."
            ),
        },
        "likers": ["sofia", "lucas", "liyang", "xiaoyu", "arjun"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    Hiring manager here. Offers almost never get pulled because someone
                    negotiated politely. In eleven years I haven't seen it happen once.

                    **On expectations**, you don't owe anyone a number early. A script that
                    works:

                    > I'm focused on finding the right role first, and I'm sure we can land on
                    > something fair once we both know it's a fit. What's the budgeted range
                    > for this position?

                    In many places they're required to share the range anyway.

                    **On current salary**, some places don't allow them to ask. Where they
                    can, you can still decline: "I'd rather focus on the value of this role."

                    **When the offer comes**, thank them, ask for it in writing, and reply
                    with one specific counter grounded in data (public salary data, a
                    competing process). Then ask about the other levers: sign-on bonus,
                    equity, and level. Level matters most in the long run.
                """),
                "days_ago": 18,
                "helpful": True,
                "likers": ["jamal", "sofia", "lucas", "xiaoyu"],
                "replies": [
                    {
                        "author": "jamal",
                        "body": _md("""
                            Used the range question on the recruiter screen today and she
                            just told me. Much easier than I expected.
                        """),
                        "days_ago": 15,
                    },
                ],
            },
            {
                "author": "nadia",
                "body": _md("""
                    The biggest lever is a second process. Even if you prefer one company,
                    having another offer or a final round in progress changes the tone from
                    "please" to "help me choose you".

                    So try to line up your interviews so the offers land within a week or two
                    of each other. Recruiters expect this, and they'll often speed up their
                    loop when you tell them you're in final rounds elsewhere.
                """),
                "days_ago": 16,
                "helpful": False,
                "likers": ["jamal", "arjun"],
                "replies": [],
            },
        ],
    },
    {
        "author": "arjun",
        "anonymous": False,
        "language": "en",
        "title": "How should I structure a 45-minute ML system design interview?",
        "outcome": {
            "kind": "offer_accepted",
            "note": (
                "Two onsites, one offer, and I took it. Spending the first five minutes on "
                "the metric and naming a simple baseline early left me fifteen minutes for "
                "serving and monitoring, which is where both interviewers pushed hardest."
            ),
            "days_ago": 30,
        },
        "body": _md("""
            I have onsite loops coming up for ML engineer roles, and each one has an ML
            system design round. My practice runs keep going wrong the same way: I spend 25
            minutes on the model and run out of time before serving, monitoring, or
            anything else.

            This is the outline I've been trying to follow:

            ```text
            1. Clarify the problem and the business metric    (5 min)
            2. Data: sources, labels, features                (10 min)
            3. Model: baseline, then something better         (10 min)
            4. Evaluation: offline and online                 (5 min)
            5. Serving and scale                              (10 min)
            6. Monitoring and iteration                       (5 min)
            ```

            Is this a reasonable structure? Where do interviewers actually expect depth?
            My practice prompt is "design a feed ranking system for a social app", if that
            helps.
        """),
        "topics": ["mid-level", "interviewing", "ml-system-design"],
        "days_ago": 110,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Managing time and depth in ML system design interviews.",
            "feedback_wanted": "Whether the outline is right and where interviewers expect depth.",
        },
        "likers": ["jamal", "liyang", "sofia", "mei", "nadia"],
        "answers": [
            {
                "author": "priya",
                "body": _md("""
                    The outline is fine; the timings are the problem. In real loops almost
                    nobody gets ten minutes for serving. I'd rebalance like this:

                    - **Problem framing (5–7 min).** Define the objective precisely.
                      "Maximize engagement" isn't enough: say what you'd predict (e.g. the
                      probability of a meaningful interaction) and how it ties to the
                      business metric.
                    - **Data and labels (8–10 min).** Where do labels come from, and what's
                      wrong with them? Position bias, delayed feedback, cold start. This is
                      where strong candidates stand out.
                    - **Model (8 min).** Two stages: candidate retrieval, then ranking. One
                      baseline, one realistic upgrade. Don't list five architectures.
                    - **Evaluation (5 min).** Offline metric, online A/B metric, and why they
                      can disagree.
                    - **Serving and monitoring (8 min).** Latency budget, feature freshness,
                      what you'd alert on.

                    Say the plan out loud at the start and check the clock at each step.
                    Interviewers like watching you manage the time yourself.
                """),
                "days_ago": 108,
                "helpful": True,
                "likers": ["arjun", "jamal", "mei", "liyang"],
                "replies": [
                    {
                        "author": "arjun",
                        "body": _md("""
                            Saying the plan out loud was the missing piece. In my last
                            mock the interviewer steered me straight to the part they
                            cared about, because they knew what was coming.
                        """),
                        "days_ago": 105,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    From the interviewer's chair: I'm mostly judging trade-offs, not
                    knowledge. Whenever you pick something, say what you gave up. For
                    example: "I'd use a two-tower model for retrieval because it's cheap to
                    serve. We lose cross features between user and item, and the ranker
                    gets those back."

                    One sentence like that does more for your score than five minutes of
                    architecture boxes.
                """),
                "days_ago": 104,
                "helpful": False,
                "likers": ["arjun", "priya", "jamal"],
                "replies": [],
            },
        ],
    },
    {
        "author": "dmitri",
        "anonymous": False,
        "language": "en",
        "title": "As a principal engineer, how do you show your impact when you rarely ship code?",
        "body": _md("""
            I've been a principal for about two years. Most of my week is design reviews,
            strategy docs, advising directors, and unblocking teams. I write maybe one
            meaningful PR a month.

            Reviews are getting awkward. My manager (a VP) says I'm doing great, but when I
            write my self-review I end up with a list of meetings and documents. I know
            some of those conversations prevented bad decisions. How do you show that?

            Ideas I'm considering:

            - Tracking the decisions I influenced and what happened afterwards
            - Asking teams for short written feedback each quarter
            - Picking one large initiative per year and owning it fully

            How do other principals, or the people who manage them, think about this?
        """),
        "topics": ["principal", "leadership-ownership"],
        "days_ago": 75,
        "context": {
            "level": "principal",
            "years": 17,
            "company": "Datadog",
            "scale": None,
            "ratings": {},
            "focus": "Showing impact in a role that is mostly influence rather than code.",
            "feedback_wanted": (
                "How principals and their managers assess and document this kind of impact."
            ),
        },
        "likers": ["kenji", "priya", "hana", "nadia"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    When I review principals, I ask one question: what is different in the
                    org because this person was here? Not what they attended.

                    Your first idea is the right one. A decision log with outcomes is the
                    best evidence I know. For each entry:

                    - the decision and the date
                    - the options on the table
                    - what you argued for, and why
                    - what happened six months later

                    A few entries like "we didn't build X, which saved two teams a quarter"
                    make a strong case. Counterfactuals are hard to prove, but a record
                    written at the time is very convincing.

                    Your third idea matters too. Principals who only advise slowly lose
                    credibility. One thing you visibly own each year keeps you honest.
                """),
                "days_ago": 73,
                "helpful": False,
                "likers": ["dmitri", "kenji", "priya", "tom"],
                "replies": [],
            },
            {
                "author": "kenji",
                "body": _md("""
                    A habit I borrowed from a principal I used to work with: at the end of
                    each quarter, write a short "state of X" note for the area you care about
                    most. Where it was, where it is now, what you did, what's next. Send it
                    to your VP and the relevant directors.

                    It takes an hour and it's useful to them, and at review time you have four
                    dated documents that tell the story of your year. It also makes it
                    obvious, to you and to them, when a quarter went by without much change.
                """),
                "days_ago": 70,
                "helpful": False,
                "likers": ["dmitri", "nadia"],
                "replies": [
                    {
                        "author": "dmitri",
                        "body": _md("""
                            I like that it's useful to the readers first and evidence
                            second. Starting one for our storage roadmap.
                        """),
                        "days_ago": 69,
                    },
                ],
            },
        ],
    },
    {
        "author": "tom",
        "anonymous": False,
        "language": "en",
        "title": "First time managing managers: how deep should I be in the details?",
        "body": _md("""
            I was promoted to senior engineering manager three months ago. I now have three
            EMs reporting to me (about 25 engineers in total), and I'm struggling with
            altitude.

            When I stay high-level, I get surprised: last month a team missed a launch date
            and I found out two days before. When I go deep, one of my EMs told me, politely,
            that joining her team's standups was undermining her.

            Questions:

            1. What should I expect to know about each team without having to ask?
            2. How do you check on a team without going around its manager?
            3. Is it normal to feel like you have no real work of your own?
        """),
        "topics": ["senior-engineering-manager", "leadership-ownership"],
        "days_ago": 65,
        "context": {
            "level": "senior-engineering-manager",
            "years": 15,
            "company": "Atlassian",
            "scale": None,
            "ratings": {},
            "focus": "Finding the right level of involvement when managing managers.",
            "feedback_wanted": "Routines that keep me informed without undermining my EMs.",
        },
        "likers": ["grace", "zhou", "mei"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    Every new manager of managers goes through this. What fixed it for me:
                    be deep on *signals* and light on *tasks*.

                    **Set up signals you can read without asking:**

                    - A short weekly written update from each EM: top risk, top win, and any
                      date that moved.
                    - One dashboard for the three or four numbers you care about (delivery,
                      incidents, attrition risk).
                    - A skip-level with each engineer about once a quarter, with a clear
                      statement that it's not a channel around their manager.

                    **Agree on "no surprises" with your EMs.** A slipping date is fine;
                    hearing about it late isn't. Say the bar out loud.

                    And yes, feeling like you have no work is normal. Your work is now the
                    system: hiring, org design, growing your EMs. Write down what you want
                    that system to look like in a year, and that's your roadmap.
                """),
                "days_ago": 63,
                "helpful": False,
                "likers": ["tom", "grace", "zhou"],
                "replies": [
                    {
                        "author": "tom",
                        "body": _md("""
                            The weekly update with "any date that moved" starts Monday.
                            Much better than me hovering in standups.
                        """),
                        "days_ago": 61,
                    },
                ],
            },
        ],
    },
    {
        "author": "hana",
        "anonymous": True,
        "language": "en",
        "title": "How should I announce a reorg to my org without causing a panic?",
        "body": _md("""
            I run an engineering org of about 80 people. We're merging two of my groups
            under one manager and moving a team of eight to a different org entirely.
            Nobody loses their job, but several people get a new manager and one team
            changes its mission.

            Leadership wants it announced in a single all-hands next week. My concerns:

            - The team being moved would hear it at the same time as everyone else.
            - The manager whose group is merged into another effectively loses scope.
            - Rumours have already started, because a calendar invite leaked.

            What sequence of conversations has worked for you? And how much do you explain
            the reasoning, versus only the decision?
        """),
        "topics": ["director", "leadership-ownership"],
        "days_ago": 33,
        "context": {
            "level": "director",
            "years": 19,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Sequencing and messaging for a reorg announcement.",
            "feedback_wanted": "An order of conversations and what to say in each one.",
        },
        "likers": ["tom", "grace", "dmitri", "zhou"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    People who are directly affected should never find out in an all-hands.
                    Push back on leadership about that if you need to. The sequence I use:

                    1. **Day before:** the manager who loses scope, 1:1 with you. Explain
                       why, what's next for them, and give them room to react in private.
                    2. **Morning of:** the receiving manager, then the team that moves, in a
                       small meeting with both their current and future managers present.
                    3. **All-hands:** what changes, why, and what *doesn't* change. Short.
                    4. **Same week:** office hours and 1:1s for anyone who wants them.

                    On reasoning: explain it. People accept decisions they disagree with far
                    better than decisions they don't understand. Just don't pretend it was
                    unanimous if it wasn't.
                """),
                "days_ago": 31,
                "helpful": False,
                "likers": ["grace", "zhou", "kenji"],
                "replies": [],
            },
            {
                "author": "dmitri",
                "body": _md("""
                    From the IC side of several reorgs: in the first hour, people want to
                    know whether their work, their manager, or their on-call changes. Put a
                    simple table in the announcement doc, team by team, with those three
                    columns. It answers most of the anxious Slack questions before anyone
                    asks them.

                    And say when the next update is coming, even if it's "nothing else
                    changes this quarter".
                """),
                "days_ago": 30,
                "helpful": False,
                "likers": ["nadia", "tom"],
                "replies": [],
            },
        ],
    },
    {
        "author": "lucas",
        "anonymous": True,
        "language": "en",
        "title": "Burned out after a brutal on-call quarter. Is it OK to ask to step back?",
        "body": _md("""
            Our team had a rough quarter. A database migration went badly, and for about
            ten weeks on-call meant getting paged two or three nights a week. It's calmer
            now, but I'm not recovering.

            What I notice:

            - I dread opening Slack in the morning.
            - Tasks that used to take a day now take three.
            - I've stopped caring about work I used to enjoy, like reviewing designs and
              helping new people.

            I haven't told my manager. We're short-staffed, and I'm worried that asking to
            come off the rotation or take time off will look like I can't handle the job,
            especially with reviews coming up.

            Has anyone asked for this? How did it go, and what should I actually ask for?
        """),
        "topics": ["mid-level"],
        "days_ago": 28,
        "context": None,
        "likers": ["liyang", "sofia", "jamal", "arjun", "xiaoyu"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    Please tell your manager. As a manager, I'd much rather hear this now
                    than watch someone's work slide for three months without knowing why,
                    and then lose them.

                    Be specific about what you need. "I'm tired" is easy to nod at and
                    forget. For example:

                    - Two weeks off, fully disconnected, within the next month.
                    - Off the on-call rotation for one cycle after you're back.
                    - One or two things you'd like to hand over or drop.

                    Say that you're raising it early *because* you care about doing good
                    work. That's exactly how it will land with a decent manager.

                    If your manager treats this as weakness, that tells you something about
                    the team, not about you. And if your company has an employee assistance
                    programme, it's worth a look.
                """),
                "days_ago": 26,
                "helpful": True,
                "likers": ["nadia", "tom", "liyang", "sofia"],
                "replies": [],
            },
            {
                "author": "nadia",
                "body": _md("""
                    I went through almost the same thing two years ago after an
                    incident-heavy quarter. I waited far too long to say anything, and
                    recovering took much longer than it would have if I'd asked early.

                    When I finally asked for time off and a break from on-call, my manager
                    said yes within about thirty seconds, and then changed the rotation so
                    one person couldn't get hit that hard again. The conversation I'd dreaded
                    for weeks was the easiest part.
                """),
                "days_ago": 25,
                "helpful": False,
                "likers": ["grace", "jamal", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "lucas",
        "anonymous": False,
        "language": "en",
        "title": "My manager offered me a team lead role. Should I move into management?",
        "outcome": {
            "kind": "changed_course",
            "note": (
                "I took the six-month trial, then asked to go back to the IC track after "
                "four months: I liked the planning far more than the one-on-ones. My "
                "manager made the switch easy, and I now run our design reviews as a "
                "senior engineer instead."
            ),
            "days_ago": 12,
        },
        "body": _md("""
            My manager is moving up and has offered me the chance to lead our team of five.
            It would formally be a "team lead" role for six months, then a move to the
            engineering manager track if it works out.

            Why I'm tempted:

            - I enjoy mentoring, and I'm usually the one running our planning sessions.
            - I like thinking about how the team works, not only what we build.

            Why I'm hesitant:

            - I love coding, and I'm afraid of losing my technical edge.
            - Two people on the team are more senior than me.
            - English is my second language, and a lot of management is talking.

            How did you decide? And is it realistic to try it and go back to IC if I don't
            like it?
        """),
        "topics": ["mid-level", "engineering-manager", "leadership-ownership"],
        "days_ago": 100,
        "context": {
            "level": "mid-level",
            "years": 5,
            "company": "Nubank",
            "scale": None,
            "ratings": {},
            "focus": "Deciding whether to accept a first management role.",
            "feedback_wanted": "How others decided, and whether switching back is realistic.",
        },
        "likers": ["arjun", "jamal", "nadia", "zhou"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    I've helped maybe a dozen people through this decision. The most useful
                    question I know: *which problems do you want to be stuck on at 4pm on a
                    Thursday?* If it's "why is this query slow", stay IC for now. If it's "why
                    aren't these two people working well together", you may enjoy management.

                    Going back is realistic, and more common than people think, especially in
                    the first year or two. Agree on it up front: "If after six months either
                    of us thinks it isn't working, I go back to IC with no penalty."

                    About the two senior people: talk to each of them privately before you
                    accept, and ask what they'd need from a lead. Their answers will tell you
                    a lot.

                    As for English: management is more listening and writing than fast
                    talking. You'll be fine.
                """),
                "days_ago": 98,
                "helpful": True,
                "likers": ["lucas", "grace", "zhou", "nadia"],
                "replies": [
                    {
                        "author": "lucas",
                        "body": _md("""
                            The Thursday question is a good test. Honestly, my answer was
                            the people problem. Talking to the two senior folks this week
                            before I say yes.
                        """),
                        "days_ago": 96,
                    },
                ],
            },
            {
                "author": "grace",
                "body": _md("""
                    Something nobody told me: for the first six months your feedback loop
                    disappears. As an IC you merge a PR and know you did something. As a
                    manager, the results of what you do show up months later.

                    Plan for that. Keep one small coding task that isn't on the critical path
                    (tooling, a dashboard), and find a peer EM to compare notes with every
                    two weeks. Both help a lot with the "am I doing anything?" feeling.
                """),
                "days_ago": 97,
                "helpful": False,
                "likers": ["lucas", "tom", "arjun"],
                "replies": [],
            },
            {
                "author": "zhou",
                "body": _md("""
                    I switched at about the same point in my career. Keeping technical depth
                    is easier than people fear, as long as you stay in design reviews and
                    incident retros.

                    What you actually lose is speed. You'll stop being the fastest person to
                    fix things, and that's fine: your job becomes making sure the team
                    doesn't depend on any single person, including you.
                """),
                "days_ago": 95,
                "helpful": False,
                "likers": ["lucas", "mei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "nadia",
        "anonymous": False,
        "language": "en",
        "title": "As a senior engineer, should my review time go to code or design reviews?",
        "body": _md("""
            I spend around 8–10 hours a week reviewing: pull requests from my team, plus
            design docs from our team and two neighbouring ones. It's starting to crowd out
            my own project work.

            In PRs I review everything: naming, tests, edge cases, structure. People say my
            reviews are helpful, but I suspect I'm spending senior time on things a linter
            or a mid-level engineer would catch.

            On the design side, I often join too late, when the doc is "final" and the team
            doesn't want to reopen big decisions.

            How do other seniors split their review time? What do you deliberately *not*
            comment on any more?
        """),
        "topics": ["senior", "technical-skills"],
        "days_ago": 45,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "Microsoft",
            "scale": None,
            "ratings": {},
            "focus": "Balancing code review and design review time as a senior engineer.",
            "feedback_wanted": "How others split review time and what they stopped reviewing.",
        },
        "likers": ["kenji", "mei", "wei", "lucas"],
        "answers": [
            {
                "author": "dmitri",
                "body": _md("""
                    Shift left. The later a review happens, the less it can change, so a
                    senior's review time is worth most at the start:

                    - **Before the design doc:** 30 minutes at a whiteboard with the author,
                      talking about the problem. Best return on time I know of.
                    - **Design doc:** boundaries, data models, failure modes, rollout and
                      rollback.
                    - **PRs:** correctness, security, and anything hard to change later
                      (schemas, public APIs). Skip the rest.

                    What I stopped commenting on: naming (unless it's misleading), style
                    (automate it), and "I'd have done it differently" when their way is fine.

                    One helpful habit is labelling comments: `nit:`, `question:`,
                    `blocking:`. It tells the author what matters, and it shows you how few
                    of your comments really block anything.
                """),
                "days_ago": 43,
                "helpful": False,
                "likers": ["nadia", "kenji", "lucas", "mei"],
                "replies": [
                    {
                        "author": "nadia",
                        "body": _md("""
                            Labelling is humbling. I went through my last 20 reviews and
                            maybe one comment in ten would have been `blocking:`.
                        """),
                        "days_ago": 42,
                    },
                ],
            },
            {
                "author": "kenji",
                "body": _md("""
                    Delegate part of the PR reviewing on purpose. Make a mid-level engineer
                    the first reviewer on your team's PRs, and review only after them,
                    focused on design-level concerns.

                    They grow faster, you get time back, and the team stops needing your
                    approval to merge everything. That dependency is a risk in itself: the
                    week you're on vacation shouldn't be the week nothing ships.
                """),
                "days_ago": 40,
                "helpful": False,
                "likers": ["nadia", "wei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "mei",
        "anonymous": False,
        "language": "en",
        "title": "How do you keep features fresh when mixing batch and streaming pipelines?",
        "body": _md("""
            We're building the feature layer for a new ads ranking model. Some features are
            daily batch aggregates from Spark; others are streaming counters from Flink,
            updated within seconds. At serving time we join both in one request.

            The problem: when the batch job is late, the model silently gets yesterday's
            values for some features and fresh values for others. Offline, the training
            data was always consistent, so we get training/serving skew that's hard to see.

            Our feature record looks roughly like this:

            ```python
            @dataclass
            class FeatureValue:
                name: str
                value: float
                computed_at: datetime  # when the pipeline produced it
                source: str            # "batch" or "stream"
            ```

            How do teams handle this in practice? Do you block serving on stale features,
            fall back to defaults, or train the model to be robust to staleness?
        """),
        "topics": ["senior", "ml-system-design", "technical-skills"],
        "days_ago": 12,
        "context": None,
        "likers": ["priya", "arjun", "wei", "kenji"],
        "answers": [
            {
                "author": "priya",
                "body": _md("""
                    We went through this on a ranking system last year. What worked, in
                    order of impact:

                    1. **Make staleness a feature.** Compute `now - computed_at` for each
                       batch feature group at serving time and feed it to the model. In
                       training, simulate it by replacing some batch features with older
                       snapshots. The model learns how much to trust them.
                    2. **Set a hard limit per feature group** (say 36 hours). Past it, fall
                       back to a default plus a "missing" indicator. Never block serving.
                    3. **Alert on freshness, not job success.** A job that "succeeded" but
                       wrote yesterday's partition is the classic silent failure.

                    Also log the exact feature values you served. Training on logged
                    serving features instead of recomputed ones removes most of the skew
                    at the source.
                """),
                "days_ago": 10,
                "helpful": False,
                "likers": ["mei", "arjun", "wei", "kenji"],
                "replies": [
                    {
                        "author": "mei",
                        "body": _md("""
                            Training on logged features is what we kept postponing because
                            of storage cost. Your list makes the case for it clearly.
                        """),
                        "days_ago": 9,
                    },
                ],
            },
            {
                "author": "wei",
                "body": _md("""
                    One practical detail from our side: put the freshness policy in the
                    feature serving layer, not in each model's code. We had five models,
                    each implementing its own fallback logic slightly differently, and
                    debugging skew across them was painful.

                    One shared policy per feature group, versioned together with the feature
                    definitions, fixed that. It also made it easy to answer "which models are
                    affected?" when a batch job was late.
                """),
                "days_ago": 8,
                "helpful": False,
                "likers": ["mei", "priya"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "第一次参加晋升答辩，应该怎么准备？",
        "outcome": {
            "kind": "promoted",
            "note": _md("""
                答辩通过了，下个月生效。最有用的建议是按“问题—方案—结果”讲每个项目，
                把 P99 的改进讲成对下单体验的影响。评委问到我不熟的系统时，
                我先说明自己负责的边界，再讲会怎么去查，评委反而挺认可。
            """),
            "days_ago": 5,
        },
        "body": _md("""
            我在美团做后端，工作三年，今年第一次被提名晋升高级工程师。
            流程是先提交一份材料，再做 20 分钟的答辩，
            评委是其他部门的三位资深工程师。

            目前的困惑：

            - 材料里写了三个项目，但感觉每个都是“按需求完成”，没有亮点。
            - 不知道评委更看重技术深度，还是业务结果。
            - 担心被问到自己不熟悉的系统细节，当场答不上来。

            我的主要项目：

            1. 订单查询服务重构，接口 P99 从 800ms 降到 200ms
            2. 参与搭建对账工具，每天帮运营同学节省大约两小时
            3. 带一位新同事熟悉业务和代码

            想请教有经验的同学：答辩的结构怎么安排比较好？
            被评委问住的时候该怎么应对？
        """),
        "topics": ["mid-level", "promotions"],
        "days_ago": 55,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "Meituan",
            "scale": None,
            "ratings": {},
            "focus": "第一次晋升答辩的材料准备和现场表达。",
            "feedback_wanted": "答辩的结构怎么安排，以及被评委问住时如何应对。",
        },
        "likers": ["xiaoyu", "wei", "zhou", "lucas"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    我做过几次评委，说几点：

                    **1. 每个项目讲清楚四件事。** 背景和问题、你的方案和取舍、
                    结果（要有数字）、你个人的贡献。评委最怕听到“我们做了什么”，
                    要讲“我做了什么决定，为什么这么做”。

                    **2. 不要平均分配时间。** 三个项目里挑最有深度的一个，
                    我看是订单查询重构，讲 10 分钟左右，另外两个各讲三四分钟。

                    **3. 被问住很正常。** 评委有时就是在试探你的边界。
                    诚实地说“这部分不是我直接负责的，我的理解是……”，
                    比硬着头皮编一个答案好得多。

                    **4. 提前找人模拟。** 找你的 leader 或者隔壁组的高级同事，
                    按真实时间演练两次，请他们专门挑刺。

                    另外，“带新同事”这一条别小看。高级工程师的要求里，
                    一般都有“影响和帮助他人”这一项。
                """),
                "days_ago": 53,
                "helpful": True,
                "likers": ["liyang", "xiaoyu", "zhou", "mei"],
                "replies": [
                    {
                        "author": "liyang",
                        "body": _md("""
                            谢谢！按建议把重构项目扩展成了主线，
                            昨天找 leader 模拟了一次，被问了好几个没想到的问题，
                            幸好是提前暴露出来的。
                        """),
                        "days_ago": 49,
                    },
                    {
                        "author": "liyang",
                        "body": _md("""
                            更新一下：答辩通过了！“诚实地说不知道”那条真的用上了，
                            评委后来还说这个回答让他印象不错。
                        """),
                        "days_ago": 21,
                    },
                ],
            },
            {
                "author": "zhou",
                "body": _md("""
                    补充一个评委视角：答辩时我最关注的是，
                    这个人到了下一个级别能不能独立扛事。
                    所以最后可以留一分钟，讲讲“晋升之后你想负责什么”，
                    这会让评委看到你的主人翁意识。

                    另外，数字一定要有对比和影响。P99 从 800ms 降到 200ms 很好，
                    再加一句“支撑了大促期间三倍的流量”，说服力就完全不一样了。
                """),
                "days_ago": 50,
                "helpful": False,
                "likers": ["liyang", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "xiaoyu",
        "anonymous": True,
        "language": "zh-hans",
        "title": "工作快两年想跳槽，薪资应该怎么谈？",
        "outcome": {
            "kind": "offer_accepted",
            "note": _md("""
                最后接了第二家的 offer，总包比现在高三成多。期望薪资按市场价报了一个区间，
                拿到 offer 后又参考另一家的条件谈了一次，多争取到一笔签字费。
            """),
            "days_ago": 3,
        },
        "body": _md("""
            我在杭州做 Java 开发，快两年了，最近在看外面的机会，有两家公司进了终面。

            纠结的几个点：

            - HR 一开始就问现在的薪资和期望薪资，我不知道该不该说实话。
            - 听说跳槽一般涨 20%～30%，但我现在的薪资本来就偏低，
              按这个比例算下来还是低于市场。
            - 担心要得太高，对方直接不要我了。
            - 还有股票和年终奖，不太会比较总包。

            想请教：

            1. 期望薪资应该怎么报？以现在的薪资为基础，还是以市场价为基础？
            2. 拿到 offer 之后还能再谈吗？怎么谈比较得体？
        """),
        "topics": ["junior", "interviewing"],
        "days_ago": 24,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "第一次跳槽时的薪资谈判。",
            "feedback_wanted": "期望薪资的报法，以及拿到 offer 后如何再谈。",
        },
        "likers": ["liyang", "sofia", "jamal", "wei"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    几个建议，国内外基本通用：

                    1. **期望薪资以市场价为锚，不以现薪为锚。**
                       先查清楚目标职级的市场区间，报区间的中上部分。
                       如果被追问现薪，可以说“我更关注这个岗位的整体回报”。
                    2. **总包要拆开比。** 月薪乘以月数、年终奖往年的实际发放情况、
                       股票的归属节奏和估值。股票按打折后的价值算，别按最乐观的算。
                    3. **拿到 offer 后当然可以谈。** 客气、具体、有依据，比如：
                       “非常喜欢这个机会，另一家给到了 X，
                       如果能调整到 Y，我这周就可以确定下来。”

                    正常的沟通不会导致 offer 被收回。真遇到了，
                    说明那家公司也不太值得去。
                """),
                "days_ago": 22,
                "helpful": True,
                "likers": ["liyang", "wei", "sofia"],
                "replies": [],
            },
            {
                "author": "liyang",
                "body": _md("""
                    说一下我去年跳槽的经验：两家的终面尽量安排在同一周出结果，
                    手里同时有两个 offer 的时候，谈判会轻松很多。

                    HR 问现薪时我照实说了，但同时说明
                    “现在的薪资低于市场水平，这也是我看机会的原因之一”。
                    对方最后给的数字反而比我预期的还高一些。

                    另外提醒一句：口头谈好的条件，一定要等书面 offer 确认后再提离职。
                """),
                "days_ago": 20,
                "helpful": False,
                "likers": ["wei", "zhou"],
                "replies": [],
            },
        ],
    },
    {
        "author": "wei",
        "anonymous": False,
        "language": "zh-hans",
        "title": "绩效只拿到 M，述职时应该怎么写稳定性和降本的工作？",
        "outcome": {
            "kind": "still_working",
            "note": _md("""
                下半年的述职改成按能力维度来写，稳定性的工作都换算成了成本和对业务的影响，
                也提前和 leader 对齐了目标。结果要等年底绩效才知道，先在这里记一笔。
            """),
            "days_ago": 10,
        },
        "body": _md("""
            背景：在字节做推荐后端，工作七年，高级工程师。
            上半年绩效是 M，我自己的预期是 M+。leader 的反馈大意是：

            > 交付很稳定，但做的事情业务价值不够突出。

            我负责的主要是系统稳定性：把服务可用性从 99.9% 提到了 99.95%，
            做了两次大的容量治理，节省了大约 15% 的机器成本。
            但这些工作在述职时，好像不如新功能“显眼”。

            马上要准备下半年的述职，想请教：

            - 稳定性、降本这类工作，怎么写才能体现业务价值？
            - 述职材料是按项目写，还是按能力维度写？
            - 要不要主动和 leader 对齐下半年的目标，避免再出现预期不一致？
        """),
        "topics": ["senior", "performance-reviews"],
        "days_ago": 80,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "ByteDance",
            "scale": "e-m-i",
            "ratings": {"impact": "M", "teamwork": "M+", "technical-skills": "E"},
            "focus": "如何在述职中体现稳定性和降本工作的业务价值。",
            "feedback_wanted": "述职材料的写法，以及怎么和 leader 提前对齐预期。",
        },
        "likers": ["mei", "zhou", "liyang", "xiaoyu", "nadia"],
        "answers": [
            {
                "author": "zhou",
                "body": _md("""
                    作为带团队的人，说说我看述职材料的习惯。

                    ## 把技术指标翻译成业务语言

                    - 可用性从 99.9% 到 99.95%：一年少了多少分钟故障？
                      对应多少订单或者收入？
                    - 节省 15% 的机器：直接换算成每年省了多少钱。

                    这个数字一写出来，“业务价值不够”的评价基本就站不住了。

                    ## 按项目写，但每个项目点明能力

                    每个项目最后加一句“这体现了……”，
                    帮评审把你的事迹对应到职级要求上。

                    ## 一定要提前对齐

                    下半年一开始就和 leader 约半小时，直接问：
                    “什么样的结果你会给 M+？”记下来，每个月回顾一次。
                    预期不一致，多半是因为一开始没有说清楚。
                """),
                "days_ago": 78,
                "helpful": True,
                "likers": ["wei", "mei", "liyang"],
                "replies": [
                    {
                        "author": "wei",
                        "body": _md("""
                            换算成钱这个建议很实在。算了一下，
                            节省的机器每年大约三百多万，之前从来没这么写过。
                        """),
                        "days_ago": 75,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    补充一个小技巧：稳定性工作最大的问题是“没出事就看不见”。

                    建议平时就留下记录：每次大促或者流量高峰之后，发一份简短的总结，
                    写明扛住了多少流量、提前规避了哪些风险。到述职的时候，
                    这些就是现成的证据，而且 leader 和隔壁团队都已经看过，
                    不会觉得是临时包装出来的。
                """),
                "days_ago": 76,
                "helpful": False,
                "likers": ["wei", "zhou"],
                "replies": [],
            },
        ],
    },
    {
        "author": "zhou",
        "anonymous": False,
        "language": "zh-hans",
        "title": "刚转管理，组里有比我资历更老的同事，应该怎么带？",
        "body": _md("""
            我原来是组里的技术骨干，三个月前被提拔为技术经理，带 8 个人。
            其中有两位同事比我早入职好几年，技术上也很强，
            其中一位之前也竞争过这个岗位。

            最近遇到的情况：

            - 开会时他们会直接否定我的方案，其他同学就跟着不表态了。
            - 分配任务时，我不太好意思给他们安排不想做的工作。
            - 我自己还在写不少代码，经常被会议打断，两头都做不好。

            想请教大家：

            1. 怎么和资深同事建立合作关系，而不是对立关系？
            2. 新经理应该在多大程度上继续写代码？
        """),
        "topics": ["engineering-manager", "leadership-ownership"],
        "days_ago": 90,
        "context": {
            "level": "engineering-manager",
            "years": 12,
            "company": "Tencent",
            "scale": None,
            "ratings": {},
            "focus": "新任经理如何与资历更深的下属建立信任。",
            "feedback_wanted": "和资深同事相处的具体做法，以及写代码和管理的时间分配。",
        },
        "likers": ["wei", "mei", "grace", "tom"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    (Replying in English, I hope that's OK.)

                    I inherited almost exactly this situation in my first EM job. What
                    helped:

                    1. **Meet each of them 1:1 and ask for help explicitly.** "You know this
                       system better than I do. I'd like you to own the technical direction
                       for X. What do you need from me?" Real ownership turns a rival into a
                       partner surprisingly often.
                    2. **Separate the roles in public.** In design discussions, let them lead
                       the technical debate. Your job is to make sure everyone is heard and a
                       decision gets made.
                    3. **Name the promotion.** With the person who also wanted the role, say
                       it openly: "I know you wanted this job. I'd like to help you get where
                       you want to go." Uncomfortable for five minutes, clear air for months.

                    On coding: take nothing on the critical path. Reviews, small fixes,
                    tooling.
                """),
                "days_ago": 88,
                "helpful": True,
                "likers": ["zhou", "tom", "mei"],
                "replies": [
                    {
                        "author": "zhou",
                        "body": _md("""
                            Thank you, this is very practical. I talked with him this
                            week and gave him ownership of our architecture reviews. The
                            meetings already feel different.
                        """),
                        "days_ago": 85,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    补充一点：不要怕给资深同事安排“不想做”的工作，
                    但要讲清楚为什么需要他来做。资深的人通常更在意被尊重、被信任，
                    而不是工作本身是否有趣。

                    你自己写代码的时间，建议控制在两成以内，
                    并且不要接关键路径上的任务。否则你一被会议打断，
                    整个团队都会被你卡住。
                """),
                "days_ago": 86,
                "helpful": False,
                "likers": ["zhou", "wei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "Kubernetes 集群扩容后新 Pod 一直 Pending，应该怎么排查？",
        "body": _md("""
            我们在做大促前的扩容，给集群加了 20 个节点，
            然后把核心服务的副本数从 30 调到 60。
            结果新增的 Pod 里大约一半一直处于 Pending 状态。

            已经看过的信息：

            ```bash
            kubectl get pods -n order | grep Pending | wc -l
            # 28

            kubectl describe pod order-api-7d9f8-x2k4p -n order
            # Events:
            #   0/45 nodes are available: 20 node(s) had untolerated taint,
            #   25 Insufficient cpu.
            ```

            新节点都是 Ready 状态，资源也很充足。我怀疑新节点上有 taint，
            但不知道是谁加的，也不确定直接删掉是否安全。

            想请教：

            - 这种情况一般按什么顺序排查？
            - 新节点上的 taint 通常是从哪里来的？
            - 大促前扩容，有哪些需要提前检查的点？
        """),
        "topics": ["mid-level", "technical-skills"],
        "days_ago": 8,
        "context": None,
        "likers": ["wei", "xiaoyu", "zhou"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    从 Events 看其实已经比较清楚了：新加的 20 个节点都有 taint，
                    剩下 25 个老节点 CPU 不够。

                    排查顺序建议：

                    1. 先看新节点上具体是什么 taint：

                       ```bash
                       kubectl describe node <new-node> | grep -A3 Taints
                       ```

                    2. 常见来源有三种：
                       - 节点池或者 autoscaler 模板里配置的，比如专用节点池
                       - 节点初始化没完成时自动加的，比如 `node.kubernetes.io/not-ready`
                       - 运维为了灰度手动加的

                    3. 如果是节点池模板里配置的，不要手动删，要改模板，
                       否则下次扩容还会出现。

                    大促前建议检查：新节点池的 taint 和 label 是否和服务的
                    nodeSelector、tolerations 一致；PodDisruptionBudget 是否合理；
                    以及 requests 是不是设得过大。
                """),
                "days_ago": 6,
                "helpful": True,
                "likers": ["liyang", "xiaoyu", "zhou"],
                "replies": [
                    {
                        "author": "liyang",
                        "body": _md("""
                            查到了，新节点池模板里带了一个
                            `dedicated=batch:NoSchedule`，是之前给离线任务用的。
                            改了模板之后全部调度成功，谢谢！
                        """),
                        "days_ago": 5,
                    },
                ],
            },
        ],
    },
    {
        "author": "xiaoyu",
        "anonymous": False,
        "language": "zh-hans",
        "title": "在外企工作，英语开会总是插不上话怎么办？",
        "body": _md("""
            我在一个中美合作的项目组，每周有三次和美国同事的英文会议。
            阅读和写邮件都没问题，但开会时经常遇到这些情况：

            - 想好要说什么的时候，话题已经过去了。
            - 美国同事语速很快，还经常用俚语，有时候听不懂也不好意思打断。
            - 会后 leader 问我有什么想法，其实我有很多，但会上一句也没说。

            最近的绩效反馈里提到“希望在会议中更主动地表达观点”，
            我有点焦虑，担心语言问题会影响发展。

            大家有什么实用的方法吗？除了多练口语，
            还有哪些工作习惯上的调整可以帮到我？
        """),
        "topics": ["junior", "working-across-languages"],
        "days_ago": 38,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "Alibaba",
            "scale": None,
            "ratings": {},
            "focus": "非母语者如何在英文会议中更主动地表达。",
            "feedback_wanted": "可以马上用起来的会议技巧和工作习惯。",
        },
        "likers": ["liyang", "lucas", "mei", "wei"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    我刚到美国工作时也是这样，分享几个马上能用的办法：

                    1. **会前准备一句话。** 提前看会议材料，
                       把最想说的一点用英文写下来，在会议开始十分钟内说出来。
                       越往后越难插话。
                    2. **用文字补位。** 线上会议可以直接在聊天框里写
                       “I have a question about the rollout plan”，
                       主持人一般会请你发言。
                    3. **听不懂就直接问。** “Sorry, could you say that again?”
                       一点也不丢人，母语者之间也经常这么说。
                    4. **会后写总结。** 主动发会议纪要，把自己的观点写进去。
                       写是你的强项，要好好利用。

                    坚持一两个月，你会发现别人开始主动问你的意见。
                """),
                "days_ago": 36,
                "helpful": True,
                "likers": ["xiaoyu", "lucas", "liyang"],
                "replies": [],
            },
            {
                "author": "lucas",
                "body": _md("""
                    I'm in the same situation (Portuguese is my first language) and asked a
                    very similar question here recently. What helped me most: say your
                    point early, and don't wait for a perfect sentence. A short, slightly
                    imperfect sentence in the first ten minutes counts for more than a
                    perfect one you never say.

                    It's also fine to tell your team you're working on this. Mine started
                    pausing for questions more often once they knew.
                """),
                "days_ago": 35,
                "helpful": False,
                "likers": ["xiaoyu", "mei"],
                "replies": [
                    {
                        "author": "xiaoyu",
                        "body": _md("""
                            Thank you! I wrote one sentence down before today's meeting
                            and said it in the first five minutes. It went better than I
                            expected.
                        """),
                        "days_ago": 33,
                    },
                ],
            },
        ],
    },
    {
        "author": "wei",
        "anonymous": False,
        "language": "zh-hans",
        "title": "从高级工程师到资深（Staff），能力上到底差在哪里？",
        "body": _md("""
            我在字节做了三年高级工程师，之前在百度。技术上自认为不差，
            负责的服务也很稳定。但最近两次晋升都没有通过，
            反馈都很模糊：“影响力不够”“缺少跨团队的成果”。

            我理解的 Staff 应该是：

            - 技术上能解决团队解决不了的难题
            - 能带着多个团队推进一件大事
              - 但在我们的组织结构下，跨团队项目一般由经理牵头
                - 我作为 IC 很难拿到这样的机会
            - 能影响技术方向

            想请教已经是 Staff 或者做过评审的同学：

            1. “影响力”具体是怎么被衡量的？
            2. 在没有机会牵头跨团队项目时，有没有别的路径？
        """),
        "topics": ["senior", "staff", "promotions"],
        "days_ago": 115,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "ByteDance",
            "scale": None,
            "ratings": {},
            "focus": "从高级工程师晋升 Staff 还需要补足哪些能力。",
            "feedback_wanted": "影响力如何被衡量，以及在组织限制下有没有其他路径。",
        },
        "likers": ["mei", "liyang", "xiaoyu", "nadia", "kenji"],
        "answers": [
            {
                "author": "kenji",
                "body": _md("""
                    (Answering in English.) I was promoted to staff at Google and now review
                    staff cases at my current company. "Influence" is usually judged with
                    three questions:

                    1. **Did your work change what other teams do?** A library they adopted,
                       a standard they follow, a design they reused.
                    2. **Did you find the problem, not only solve it?** Staff engineers
                       usually spot the important problem before anyone assigns it.
                    3. **Do senior people outside your team ask for your opinion?**

                    If managers lead cross-team projects in your org, you can still own the
                    *technical* side: write the design, run the architecture reviews, make
                    the hard trade-offs. Ask your manager to state that role explicitly when
                    the project starts.

                    The other path: make your stability work reusable. If your approach to
                    capacity governance becomes the standard for neighbouring teams, that's
                    cross-team impact.
                """),
                "days_ago": 113,
                "helpful": True,
                "likers": ["wei", "priya", "mei", "nadia"],
                "replies": [
                    {
                        "author": "wei",
                        "body": _md("""
                            Very helpful, thanks. Point 2 describes my gap: I've been
                            solving problems other people picked for me. I'll write a
                            proposal to make our capacity governance a shared standard.
                        """),
                        "days_ago": 110,
                    },
                ],
            },
            {
                "author": "priya",
                "body": _md("""
                    A complementary view: make sure someone above your manager knows your
                    work. At most large companies, staff promotions are decided in a room
                    where your manager is one voice among many. If no director or senior
                    staff engineer can say "yes, I've seen this person's work", the case is
                    weak no matter how good the work is.

                    Ask for a few skip-level conversations a year, and present your work in
                    forums outside your team, such as architecture reviews or internal tech
                    talks.
                """),
                "days_ago": 112,
                "helpful": False,
                "likers": ["wei", "kenji"],
                "replies": [],
            },
            {
                "author": "mei",
                "body": _md("""
                    补充一点国内大厂的实际情况：跨团队项目经常是经理牵头，
                    但技术方案往往没有人真正负责。你可以主动提出
                    “我来写技术方案并主持评审”，大部分经理都会很乐意。

                    另外，晋升材料里把“我发现的问题”和“别人分配给我的问题”分开写，
                    评委一眼就能看出差别。前者才是 Staff 最看重的能力，
                    哪怕只有一两个例子，也要写得足够具体。
                """),
                "days_ago": 111,
                "helpful": False,
                "likers": ["wei", "liyang", "zhou"],
                "replies": [],
            },
        ],
    },
    {
        "author": "zhou",
        "anonymous": False,
        "language": "zh-hans",
        "title": "绩效校准会上，怎么为自己的下属争取更合理的评级？",
        "body": _md("""
            我们部门每半年做一次绩效校准，各组经理一起讨论，
            按统一的标准调整评级分布。上次校准时，
            我组里一位表现很好的同学被从 A 调成了 B，
            理由是“其他组的 A 更突出”。

            事后复盘，我觉得问题在于自己准备不够：

            - 讲得太笼统，说了很多“很靠谱”“很努力”，但没有具体事例。
            - 其他经理对他的工作几乎不了解。
            - 被质疑时，没能快速拿出数据。

            这次校准还有一个月，想请教有经验的经理：

            1. 校准会前应该准备哪些材料？
            2. 怎样让其他组的经理在会前就了解下属的工作？
            3. 如果结果还是不理想，怎么和下属沟通？
        """),
        "topics": ["engineering-manager", "performance-reviews"],
        "days_ago": 30,
        "context": {
            "level": "engineering-manager",
            "years": 12,
            "company": "Tencent",
            "scale": None,
            "ratings": {},
            "focus": "在绩效校准会上为下属有效争取评级。",
            "feedback_wanted": "会前准备的具体清单，以及结果不理想时如何沟通。",
        },
        "likers": ["wei", "grace", "tom", "mei"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    (Replying in English.) Calibration is won before the meeting. My
                    checklist:

                    - **One paragraph per person**, written like a small promotion case: two
                      or three concrete outcomes with numbers, and one sentence on *how* they
                      worked (helped others, handled ambiguity).
                    - **Comparison points.** Calibration is relative. Say which expectations
                      they exceed, and name a peer from another team you'd compare them to.
                    - **Talk to people first.** A week before, ask two or three other
                      managers: "Can I walk you through why I think she's an A?" If someone
                      in the room already agrees, the discussion changes.
                    - **Visibility all year.** Have your strongest people present their work
                      in cross-team forums, so other managers know their names.

                    If the result still disappoints, tell your report honestly what you
                    argued, what the concern was, and what would change it next time. Never
                    blame "the committee".
                """),
                "days_ago": 28,
                "helpful": False,
                "likers": ["zhou", "grace", "hana"],
                "replies": [],
            },
            {
                "author": "grace",
                "body": _md("""
                    One more: bring evidence from other people, not only your own opinion. A
                    quote from a partner team's lead ("the migration wouldn't have shipped
                    without her") is worth more in calibration than anything the direct
                    manager says, because everyone expects managers to advocate for their own
                    people.

                    Collect those quotes during the half, not the week before. A short
                    message right after a launch ("could you write two lines on how this
                    went for your team?") is easy for people to answer while it's fresh.
                """),
                "days_ago": 27,
                "helpful": False,
                "likers": ["zhou", "tom"],
                "replies": [
                    {
                        "author": "zhou",
                        "body": _md("""
                            Good point. I'll ask the two partner teams this week, while
                            the project is still fresh in their minds.
                        """),
                        "days_ago": 25,
                    },
                ],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": True,
        "language": "zh-hans",
        "title": "连续三个月高强度加班，感觉自己燃尽了，要不要跟 leader 说？",
        "body": _md("""
            最近项目赶上线，连续三个月基本每天十点以后下班，
            周末也经常在线处理问题。上线之后节奏慢了下来，
            但我发现自己的状态一直没有恢复：

            - 早上起床就开始焦虑，打开工作群会心慌。
            - 写代码效率明显下降，以前一天的活现在要两三天。
            - 对技术分享、学新东西都提不起兴趣了。

            我不太敢跟 leader 说，一是怕被认为抗压能力差，
            二是马上就要绩效评估了。但继续这样下去，我担心会出更大的问题。

            想问问大家：有没有类似的经历？如果跟 leader 沟通，
            应该怎么说，提什么具体的请求比较合适？
        """),
        "topics": ["mid-level"],
        "days_ago": 14,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "长期高强度加班后的倦怠和恢复。",
            "feedback_wanted": "怎么向 leader 开口，以及可以提出哪些具体请求。",
        },
        "likers": ["xiaoyu", "lucas", "sofia", "mei"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    我有过非常类似的经历，说几点：

                    1. **一定要说，而且越早越好。** 靠谱的 leader 宁愿现在知道，
                       也不想三个月后才发现你状态不对，甚至直接收到离职申请。
                    2. **带着具体请求去谈**，比如：
                       - 休几天年假，期间完全不看消息
                       - 接下来一个月不排值班
                       - 把一两项非核心的工作暂时交给别人
                    3. **把它说成“为了更好地工作”**：
                       “上线这段时间透支比较大，我想调整两周，
                       之后能更好地投入下一个项目。”

                    至于绩效，刚扛完一个大项目上线，这本身就是很好的成绩。
                    如果公司因为你提出合理的休整就给差评，那是公司的问题，不是你的。
                """),
                "days_ago": 12,
                "helpful": False,
                "likers": ["xiaoyu", "mei", "zhou"],
                "replies": [],
            },
            {
                "author": "mei",
                "body": _md("""
                    除了休息之外，也留意一下睡眠和运动，
                    这两样对恢复的帮助比想象中大得多。

                    如果焦虑持续好几周都没有缓解，可以考虑找专业的心理咨询，
                    很多公司都有免费的员工援助计划（EAP）。
                    这不是小题大做，就像身体不舒服要去看医生一样正常。

                    恢复通常比透支慢，给自己多一点耐心。
                """),
                "days_ago": 10,
                "helpful": False,
                "likers": ["xiaoyu", "lucas"],
                "replies": [],
            },
        ],
    },
    {
        "author": "lucas",
        "anonymous": False,
        "language": "en",
        "title": "How do I prepare for a promotion panel where I present my own work?",
        "body": _md("""
            My company just changed its promotion process. Instead of a written packet
            reviewed by a committee, candidates now present to a panel: 20 minutes of
            presentation, 20 minutes of questions. The panel is three senior engineers from
            other departments.

            I'm up for senior this cycle. My main projects:

            1. Rebuilt our payment reconciliation service (cut manual reconciliation work by
               about 70%)
            2. Led the migration from a cron-based scheduler to a queue-based one
            3. Onboarded and mentored two new hires

            My worries:

            - English is my second language, and presenting under pressure makes it harder.
            - I don't know how deep to go technically for people who don't know our systems.
            - What if they ask about parts I didn't own?

            Has anyone been through a presentation-style promotion? How did you structure it?
        """),
        "topics": ["mid-level", "promotions", "working-across-languages"],
        "days_ago": 50,
        "context": {
            "level": "mid-level",
            "years": 5,
            "company": "Nubank",
            "scale": None,
            "ratings": {},
            "focus": "Preparing for a presentation-style promotion panel as a non-native speaker.",
            "feedback_wanted": "A structure for the 20 minutes and a way to handle hard questions.",
        },
        "likers": ["arjun", "jamal", "liyang", "xiaoyu"],
        "answers": [
            {
                "author": "nadia",
                "body": _md("""
                    The structure I used. It worked, and I've since coached two others
                    with it:

                    - **1 min:** who you are and what your team owns, one sentence each.
                    - **10 min:** your strongest project, told as a story: the problem, the
                      options, what you decided and why, the result in numbers, and what
                      you'd do differently.
                    - **6 min:** the other two projects, three minutes each, each showing a
                      different skill (the migration shows leading; mentoring shows growing
                      others).
                    - **2 min:** what you'd take on at the next level.

                    For the language part: write your first two minutes out word for word
                    and memorize them. Once the start goes well, the nerves settle. After
                    that, use bullet notes, not a script.

                    For questions about things you didn't own, say so, then give your
                    understanding: "The ledger team owned that part; my understanding is..."
                    Panels respect that.
                """),
                "days_ago": 48,
                "helpful": True,
                "likers": ["lucas", "liyang", "jamal", "xiaoyu"],
                "replies": [
                    {
                        "author": "lucas",
                        "body": _md("""
                            Memorizing the first two minutes is a great tip; that's
                            exactly when I panic. Doing a dry run with my manager on
                            Friday.
                        """),
                        "days_ago": 45,
                    },
                ],
            },
            {
                "author": "tom",
                "body": _md("""
                    I've sat on panels like this. Candidates who struggle usually spend too
                    long on context. Assume the panel is smart but knows nothing about
                    payment reconciliation: one slide of context is enough.

                    And practise the Q&A, not only the talk. Ask a colleague to play a
                    sceptical panelist and fire "why didn't you just..." questions at you.
                    The best answers acknowledge the alternative and explain the trade-off
                    in two sentences.
                """),
                "days_ago": 46,
                "helpful": False,
                "likers": ["lucas", "nadia"],
                "replies": [],
            },
        ],
    },
    {
        "author": "sofia",
        "anonymous": False,
        "language": "en",
        "title": "My first performance review is in a month. What should I prepare?",
        "body": _md("""
            I joined about two months ago as a new grad, and our company runs reviews twice
            a year. Even though I'm new, I'm included in this cycle, so I have to write a
            self-review.

            The form asks for:

            - Key accomplishments
            - Areas of growth
            - A self-rating on each axis, from 1 to 5

            So far I've done small tickets, one feature (a notification settings page), and
            a lot of learning. My draft ratings are 3 for technical skills and 4 for
            teamwork. I don't want to oversell, but I also don't want to sound like I did
            nothing.

            Questions:

            1. What's a reasonable self-rating for someone this new?
            2. How do I write about "learning" in a way that counts?
            3. Should I ask my manager what they plan to write before I submit?
        """),
        "topics": ["junior", "performance-reviews"],
        "days_ago": 62,
        "context": {
            "level": "junior",
            "years": 1,
            "company": "Shopify",
            "scale": "one-to-five",
            "ratings": {"technical-skills": "3", "teamwork": "4"},
            "focus": "Writing a first self-review after only two months on the job.",
            "feedback_wanted": (
                "Whether my self-ratings are reasonable and how to present early learning."
            ),
        },
        "likers": ["xiaoyu", "arjun", "lucas"],
        "answers": [
            {
                "author": "nadia",
                "body": _md("""
                    For a first review after two months, nobody expects a long list. What
                    your manager wants to see: you're ramping up at a good pace, and you
                    know where you're heading next.

                    **Accomplishments:** be specific, even if they're small. "Shipped the
                    notification settings page, including tests and a flagged rollout; fixed
                    six bugs in checkout." Numbers and nouns, no adjectives.

                    **Learning counts when it has an outcome.** Not "learned our deploy
                    process", but "learned the deploy process well enough to run my own
                    releases from week five".

                    **Self-ratings:** 3 means meeting expectations for your level, which is
                    a great result for a new grad. Your 4 for teamwork is fine if you have
                    one concrete example to back it.

                    And yes, ask your manager for a short chat before you submit. Reviews
                    should never contain surprises.
                """),
                "days_ago": 60,
                "helpful": True,
                "likers": ["sofia", "xiaoyu", "grace"],
                "replies": [
                    {
                        "author": "sofia",
                        "body": _md("""
                            Rewrote my accomplishments with "numbers and nouns". Half a
                            page of vague sentences turned into five clear lines.
                        """),
                        "days_ago": 58,
                    },
                ],
            },
            {
                "author": "grace",
                "body": _md("""
                    Manager's perspective: the most useful section of a junior's self-review
                    is "areas of growth", when it's honest and specific. "I want to get
                    faster at debugging production issues, and I'd like to shadow on-call
                    next quarter" tells me exactly how to help.

                    Write that section carefully. It often becomes the plan for your next
                    six months, so make it something you actually want.
                """),
                "days_ago": 59,
                "helpful": False,
                "likers": ["sofia", "nadia"],
                "replies": [],
            },
        ],
    },
    {
        "author": "xiaoyu",
        "anonymous": True,
        "language": "en",
        "title": "I caused a production outage. How bad is this for a junior engineer?",
        "body": _md("""
            Last week I merged a config change that disabled caching for one of our internal
            APIs. Database traffic went up about eight times, and the service that depends
            on it was down for roughly 40 minutes during business hours.

            The change passed code review (one approval) and CI. I didn't realize the
            config file was shared between staging and production.

            My team handled it well: nobody yelled, we wrote a blameless postmortem, and my
            name isn't in it. But I keep thinking about it, and I'm scared it will come up
            in my review. I'm also nervous about merging anything now. I've been
            triple-checking even tiny changes.

            Do people remember this kind of thing? How do I move on, and what should I do
            now to show I learned from it?
        """),
        "topics": ["junior", "technical-skills"],
        "days_ago": 85,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Recovering after causing a production incident early in my career.",
            "feedback_wanted": "Whether this affects my review, and what to do next.",
        },
        "likers": ["sofia", "liyang", "arjun", "jamal"],
        "answers": [
            {
                "author": "dmitri",
                "body": _md("""
                    I've been doing this for 17 years and have caused more outages than I can
                    count, including one that took down a login page for most of a country.
                    Nobody remembers who caused an outage. People remember how that person
                    behaved afterwards.

                    You've already done the main thing right by taking part in the
                    postmortem. The next step is what leaves a good impression: **fix the
                    class of problem, not the instance.** For example:

                    - propose separate staging and production config, or
                    - add a CI check that flags changes to shared config, or
                    - add a canary step for config deploys.

                    Take one of those on as a small project. In your review it becomes "found
                    and closed a gap in our config deployment process", which is a positive.

                    The triple-checking will pass. A little extra care for a few weeks is
                    fine.
                """),
                "days_ago": 83,
                "helpful": False,
                "likers": ["sofia", "nadia", "kenji", "jamal"],
                "replies": [],
            },
            {
                "author": "nadia",
                "body": _md("""
                    Also worth saying: if a config change can take down production with one
                    approval and a green CI run, that's a system problem. Your reviewer
                    missed it too, and the process let both of you miss it. That's exactly
                    why good postmortems leave names out.

                    To feel less anxious about merging, ask a senior to pair with you on your
                    next config change. Walking through "how would I know this is safe?" with
                    someone once gives you a checklist for every time after.
                """),
                "days_ago": 82,
                "helpful": False,
                "likers": ["sofia", "dmitri"],
                "replies": [],
            },
        ],
    },
    {
        "author": "kenji",
        "anonymous": False,
        "language": "en",
        "title": "Interviewing for staff roles: how do I describe my scope without bragging?",
        "body": _md("""
            I've started interviewing for staff and senior staff roles at other companies.
            After my first two loops the feedback was similar: strong technically, but
            "hard to tell what your individual contribution was" on the big projects.

            I think the problem is how I talk about my work. I grew up in a culture where
            you say "we" and stay modest, so I describe everything as a team effort. When
            I try to say "I designed" or "I decided", it feels like taking credit from my
            team.

            This is how I currently describe one project:

            > We migrated our search infrastructure from Elasticsearch to an in-house
            > system, which reduced costs by 40%.

            How do I make my own role clear without sounding like I did everything myself?
        """),
        "topics": ["staff", "interviewing"],
        "days_ago": 18,
        "context": {
            "level": "staff",
            "years": 13,
            "company": "Mercari",
            "scale": None,
            "ratings": {},
            "focus": "Making my individual contribution clear in staff-level interviews.",
            "feedback_wanted": "Phrasing that shows ownership honestly without sounding arrogant.",
        },
        "likers": ["priya", "mei", "wei", "lucas", "nadia"],
        "answers": [
            {
                "author": "priya",
                "body": _md("""
                    I interview for staff roles regularly. The fix isn't replacing "we" with
                    "I"; it's separating the two clearly. Try this pattern:

                    > The team migrated search from Elasticsearch to an in-house system,
                    > which cut costs by 40%. **My part** was the architecture: I wrote the
                    > design, chose three months of dual writes over a hard cutover, and ran
                    > the reviews with the four consumer teams. A team of six built it.

                    That's honest, and it gives the interviewer what they need: your
                    decisions and your scope. It also shows you credit others, which is a
                    staff signal in itself.

                    Prepare three or four stories like that, each with one hard decision
                    and what you'd do differently now. Interviewers will dig into the
                    decision, so be ready to defend it.
                """),
                "days_ago": 16,
                "helpful": False,
                "likers": ["kenji", "mei", "nadia", "lucas"],
                "replies": [
                    {
                        "author": "kenji",
                        "body": _md("""
                            "My part was..." is such a simple frame. Rewrote my three main
                            stories with it, and it doesn't feel like bragging at all.
                        """),
                        "days_ago": 14,
                    },
                ],
            },
            {
                "author": "hana",
                "body": _md("""
                    From the hiring side: when someone says "we" for 40 minutes, I honestly
                    can't tell whether they were the architect or watched from the side, so
                    I have to assume the weaker version. Being precise isn't arrogance; it
                    helps the interviewer do their job.

                    A good test for each project: can you name a decision that would have
                    gone differently without you? If yes, say it plainly.
                """),
                "days_ago": 15,
                "helpful": False,
                "likers": ["kenji", "priya"],
                "replies": [],
            },
        ],
    },
    {
        "author": "priya",
        "anonymous": False,
        "language": "en",
        "title": "How do I get several ML teams to adopt a shared offline evaluation standard?",
        "body": _md("""
            Our org has five teams shipping ranking and recommendation models, and each
            evaluates offline in its own way: different holdout windows, different metrics
            (AUC, NDCG@10, recall@k), some with position-bias correction and some without.
            A/B tests often fail to match the offline numbers, and leadership can't compare
            results across teams.

            I've drafted a shared standard:

            - **Data**
              - a fixed, time-based holdout (the last 7 days, no leakage)
              - logged features, not recomputed ones
            - **Metrics**
              - one primary metric per surface, agreed with product
              - guardrails: calibration, coverage, latency
                - latency measured at p99 on the serving path, not offline

            I'm a staff engineer with no authority over these teams. Two like the idea, two
            worry it will slow them down, and one hasn't replied.

            How have others driven adoption of a standard like this without a mandate?
        """),
        "topics": ["staff", "ml-system-design", "leadership-ownership"],
        "days_ago": 42,
        "context": {
            "level": "staff",
            "years": 12,
            "company": "Google",
            "scale": None,
            "ratings": {},
            "focus": "Getting ML teams to adopt a shared evaluation standard without authority.",
            "feedback_wanted": "Tactics that worked for bringing reluctant teams on board.",
        },
        "likers": ["kenji", "arjun", "wei", "hana"],
        "answers": [
            {
                "author": "dmitri",
                "body": _md("""
                    Standards spread when adopting them is cheaper than ignoring them. So:

                    1. **Ship the standard as code, not as a doc.** An evaluation library or
                       pipeline step that produces the standard report with one command. If
                       teams have to implement your doc, they won't.
                    2. **Start with the two willing teams** and make them visibly
                       successful. One case where the standard caught a bad launch, or
                       predicted an A/B result well, beats any argument.
                    3. **Take "it slows us down" seriously.** Ask those teams what would make
                       it *faster* for them. Often their own offline/online mismatch is
                       already costing them failed A/B tests.
                    4. **Get one leadership hook.** Ask for launch reviews to show the
                       standard report next to each team's own metrics. Not a mandate, just
                       a default.

                    Expect two or three quarters. That's normal for this kind of change.
                """),
                "days_ago": 40,
                "helpful": False,
                "likers": ["priya", "kenji", "arjun"],
                "replies": [
                    {
                        "author": "priya",
                        "body": _md("""
                            Shipping it as a library is what I underestimated. I had a
                            polished doc and zero tooling. Reprioritizing.
                        """),
                        "days_ago": 38,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    From a team that once had a standard pushed on it: what made us resist
                    was that it replaced our metric instead of adding to it. We had good
                    reasons for NDCG@10 on our surface.

                    Consider allowing a team-specific primary metric as long as the shared
                    holdout and guardrails are used. You get comparability where it matters,
                    and teams keep what they've spent years tuning for.
                """),
                "days_ago": 39,
                "helpful": False,
                "likers": ["priya", "arjun"],
                "replies": [],
            },
        ],
    },
    {
        "author": "arjun",
        "anonymous": False,
        "language": "en",
        "title": "Offline AUC improved, but the A/B test is flat. How do I debug this?",
        "body": _md("""
            We trained a new ranking model for our home feed. Offline it looked clearly
            better:

            | Metric   | Baseline | New model |
            |----------|----------|-----------|
            | AUC      | 0.781    | 0.794     |
            | Log loss | 0.412    | 0.398     |

            The two-week A/B test shows no significant change in our primary metric
            (add-to-cart rate), and a tiny drop in sessions.

            What I've checked:

            - The traffic split is correct; no sample ratio mismatch.
            - Serving feature distributions match training for the top 20 features.

            What I haven't checked yet:

            - Whether the gain is concentrated in items that rarely reach the top of the feed
            - Latency: the new model is about 15 ms slower at p99

            Where would you look next? And how do I explain to my manager that "better
            offline" doesn't automatically mean better online?
        """),
        "topics": ["mid-level", "ml-system-design", "technical-skills"],
        "days_ago": 4,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "Instacart",
            "scale": None,
            "ratings": {},
            "focus": "Diagnosing a gap between offline model gains and flat online results.",
            "feedback_wanted": "A debugging order, and how to explain the result to my manager.",
        },
        "likers": ["jamal", "liyang", "priya"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    Your first unchecked item is where I'd start. AUC measures ranking
                    quality over *all* pairs, but users only see the top 10 to 20 items. A
                    model can improve AUC by sorting the long tail better while the top of
                    the feed stays the same.

                    The order I'd debug in:

                    1. **Measure the top-k only**, e.g. NDCG@10 or AUC restricted to items
                       that were actually shown. Compare there.
                    2. **Diff the rankings.** For a sample of requests, how often does the top
                       10 change at all? If it rarely changes, a flat A/B makes sense.
                    3. **Latency.** 15 ms at p99 can cost sessions on mobile. Check whether
                       the drop is concentrated in slow requests.

                    For your manager: "The offline metric we used doesn't focus on what users
                    see. Here's a metric that does, and here's what it says."
                """),
                "days_ago": 3,
                "helpful": False,
                "likers": ["arjun", "priya", "wei"],
                "replies": [
                    {
                        "author": "arjun",
                        "body": _md("""
                            Top-10 overlap between the two models is 91%. The new model
                            mostly reshuffled the long tail. That explains a lot, thanks!
                        """),
                        "days_ago": 2,
                    },
                ],
            },
            {
                "author": "wei",
                "body": _md("""
                    Also check for a feedback loop. Your training labels come from what the
                    baseline model chose to show, so the new model mostly learns to agree
                    with it on the top items. It can only show its strengths on items that
                    rarely got exposure.

                    A small exploration slice (a few percent of traffic with some
                    randomization in the ranking) gives you less biased data for the next
                    version of the model.
                """),
                "days_ago": 2,
                "helpful": False,
                "likers": ["arjun", "mei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "grace",
        "anonymous": False,
        "language": "en",
        "title": "How do you make a fair hiring decision when interviewers strongly disagree?",
        "body": _md("""
            I'm the hiring manager for a senior backend role. Our last candidate got a
            split panel:

            - Two strong hires (system design, coding)
            - One lean no hire (behavioural: "seemed dismissive of the product manager's
              role")
            - One no hire (coding: "slow, needed hints")

            The debrief turned into a debate between the two most senior interviewers, and
            everyone else went quiet. We ended with a no hire, mostly because the loudest
            voice was against.

            I'm not sure it was the right call, and I worry the process rewards confidence
            over evidence. How do you structure debriefs so the decision is fair, both to
            the candidate and to less senior interviewers?
        """),
        "topics": ["engineering-manager", "interviewing"],
        "days_ago": 105,
        "context": None,
        "likers": ["tom", "zhou", "nadia", "kenji"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    A few rules that made our debriefs much fairer:

                    1. **Written feedback before the debrief, no exceptions.** Each
                       interviewer submits a decision and evidence before seeing anyone
                       else's. This prevents anchoring.
                    2. **Evidence, not adjectives.** "Seemed dismissive" isn't usable. "When
                       asked how he works with PMs, he said requirements are 'their
                       problem'" is.
                    3. **Junior interviewers speak first**, and the hiring manager last.
                    4. **Separate signals from the decision.** Go through each competency
                       first, then decide. A slow coding round means something different
                       from a collaboration concern.

                    On this candidate: the collaboration concern is the one I'd want to
                    check. If there's specific evidence behind it, it matters for a senior
                    role. If there isn't, consider a follow-up conversation rather than a no.
                """),
                "days_ago": 103,
                "helpful": True,
                "likers": ["grace", "tom", "zhou", "kenji"],
                "replies": [
                    {
                        "author": "grace",
                        "body": _md("""
                            We switched to written feedback first. The very next debrief
                            was calmer and took half the time.
                        """),
                        "days_ago": 100,
                    },
                ],
            },
            {
                "author": "tom",
                "body": _md("""
                    The process fix matters, but so does the culture. Talk privately with the
                    senior interviewer who dominated; often they don't realize how much
                    others defer to them. Ask them to share their view *after* the others,
                    and to ask a quieter interviewer a question during the debrief.

                    Senior people setting that example changes debriefs faster than any
                    rule you can write down.
                """),
                "days_ago": 101,
                "helpful": False,
                "likers": ["grace", "hana"],
                "replies": [],
            },
        ],
    },
    {
        "author": "tom",
        "anonymous": False,
        "language": "en",
        "title": "How do I calibrate ratings across teams whose managers grade very differently?",
        "body": _md("""
            I have three EMs reporting to me. After the first rating round, the
            distributions look like this on our 1–5 scale:

            | Team | 5s | 4s | 3s | 2s |
            |------|----|----|----|----|
            | A    | 3  | 4  | 1  | 0  |
            | B    | 0  | 2  | 6  | 1  |
            | C    | 1  | 3  | 4  | 0  |

            I don't believe team A is that much stronger than team B. Manager A is generous
            and manager B is strict, and both are sincere about it.

            I want to fix this without forcing a curve, and without making manager A feel
            overruled in front of her team. How do other senior managers run calibration
            across their own managers?
        """),
        "topics": ["senior-engineering-manager", "performance-reviews"],
        "days_ago": 58,
        "context": {
            "level": "senior-engineering-manager",
            "years": 15,
            "company": "Atlassian",
            "scale": "one-to-five",
            "ratings": {},
            "focus": "Making ratings consistent across teams whose managers grade differently.",
            "feedback_wanted": "A calibration process that is fair and doesn't undermine my EMs.",
        },
        "likers": ["grace", "zhou", "hana"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    Calibrate people, not distributions. The process I use:

                    1. **Shared definitions first.** Before any rating is discussed, spend 30
                       minutes with all three EMs on what a 4 and a 5 look like at each level,
                       with one real, anonymized example of each.
                    2. **Cross-read.** Each EM presents their 4s and 5s, and the *other* EMs
                       ask the questions. Peer questions do more than you overruling anyone.
                    3. **Compare pairs.** "Is A's strongest engineer stronger than B's?" is
                       much easier to answer than "is this a 4?", and it surfaces
                       inconsistencies fast.
                    4. **Let managers change their own ratings.** After the session, each EM
                       updates their own list, so they own the result with their team.

                    Manager B deserves attention too. A strict grader can quietly cost you
                    people on team B.
                """),
                "days_ago": 56,
                "helpful": False,
                "likers": ["tom", "grace", "zhou"],
                "replies": [
                    {
                        "author": "tom",
                        "body": _md("""
                            Pairwise comparison is what unlocked it. Manager A moved two
                            people from 5 to 4 herself after comparing them with B's
                            strongest engineer.
                        """),
                        "days_ago": 54,
                    },
                ],
            },
        ],
    },
    {
        "author": "hana",
        "anonymous": False,
        "language": "en",
        "title": "How do I make sure quiet high performers get promoted in my org?",
        "body": _md("""
            I've been a director for three years, and I see a pattern in our promotion
            data: engineers who present well and are visible in Slack get promoted about a
            cycle earlier than equally strong engineers who are quieter. Several of the
            quieter ones are non-native English speakers.

            We already have:

            - a written promotion process with level criteria
            - calibration across teams
            - sponsorship guidance for managers

            The pattern is still there. I suspect it starts long before the committee: who
            gets the visible projects, who presents at reviews, who is named in launch
            emails.

            What concrete changes have worked for others? I'm looking for things I can put
            into the process, not just "remind managers to be aware".
        """),
        "topics": ["director", "promotions", "working-across-languages"],
        "days_ago": 48,
        "context": {
            "level": "director",
            "years": 19,
            "company": "Airbnb",
            "scale": None,
            "ratings": {},
            "focus": "Reducing visibility bias in promotions across an engineering org.",
            "feedback_wanted": "Process changes that measurably helped quieter engineers.",
        },
        "likers": ["tom", "grace", "lucas", "xiaoyu", "mei"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    Three things that moved the numbers in my org:

                    1. **Track who leads what.** Every quarter, list who led each
                       high-visibility project. It's uncomfortable how often the same five
                       names appear. Ask EMs to justify the assignment in planning.
                    2. **Rotate the presenters.** Launch reviews and demos are given by
                       whoever did the core work, not the tech lead by default. Managers help
                       them prepare.
                    3. **Ask for written evidence in promotion cases.** Design docs, review
                       comments, incident write-ups. Written work levels the field for people
                       who are strong but not loud, and it helps non-native speakers a lot.

                    Then measure it: time to promotion by team, and by other groups where
                    you can collect that data responsibly. Without a number, you won't know
                    whether anything changed.
                """),
                "days_ago": 46,
                "helpful": False,
                "likers": ["hana", "grace", "mei"],
                "replies": [],
            },
            {
                "author": "dmitri",
                "body": _md("""
                    An IC-side observation: quiet strong engineers often *decline* visible
                    work, because nobody explained why it matters for their career. A
                    director saying in a skip-level, "I'd like you to present this at the
                    architecture review, and here's why it matters for you", carries a lot of
                    weight. I've seen that one conversation change someone's trajectory.

                    Managers can do the same, but it lands differently when it comes from two
                    levels up.
                """),
                "days_ago": 45,
                "helpful": False,
                "likers": ["hana", "lucas", "xiaoyu"],
                "replies": [
                    {
                        "author": "lucas",
                        "body": _md("""
                            Can confirm from the other side. I turned down presenting
                            for a whole year because I thought it was optional extra
                            work.
                        """),
                        "days_ago": 44,
                    },
                ],
            },
        ],
    },
    {
        "author": "dmitri",
        "anonymous": False,
        "language": "en",
        "title": "How do you keep your hands-on skills sharp as a principal engineer?",
        "body": _md("""
            At my level, most of my time goes to reviews, strategy, and meetings with
            directors. I've noticed my technical judgment starting to rely on how systems
            worked three or four years ago. Last month I gave advice about our Kafka setup
            that was out of date, and a senior engineer corrected me, politely and
            correctly.

            Options I'm considering:

            - Reserving one day a week for coding on a real, non-critical project
            - Joining the on-call rotation for one shift every couple of months
            - Pairing with an engineer on their hardest bug each sprint
            - Prototyping ideas myself before writing strategy docs

            For principals and distinguished engineers here: what actually works in
            practice, and what looks good on paper but doesn't survive a busy calendar?
        """),
        "topics": ["principal", "technical-skills"],
        "days_ago": 2,
        "context": {
            "level": "principal",
            "years": 17,
            "company": "Datadog",
            "scale": None,
            "ratings": {},
            "focus": "Staying technically current in a role dominated by strategy and reviews.",
            "feedback_wanted": "Habits that survive a busy calendar.",
        },
        "likers": ["kenji", "priya"],
        "answers": [],
    },
    {
        "author": "lucas",
        "anonymous": False,
        "language": "en",
        "title": (
            "My design docs get more comments on wording than on the design. "
            "How do I write clearer English?"
        ),
        "body": _md("""
            I write design docs in English for a team of mostly native speakers. The
            technical feedback is usually fine, but many comments are about wording:
            "unclear", "do you mean X or Y?", "this sentence is hard to parse". Sometimes
            the real design discussion gets lost under twenty wording comments.

            I think part of the problem is that I translate my thoughts from Portuguese, so
            my sentences get long and nested. An example from my last doc:

            > In the case that the consumer, which is responsible for the reconciliation of
            > the records that were not processed in the previous batch, fails, it will be
            > retried.

            Are there writing habits or tools that helped you? I'd also like a good general
            structure for design docs.
        """),
        "topics": ["mid-level", "working-across-languages", "technical-skills"],
        "days_ago": 26,
        "context": {
            "level": "mid-level",
            "years": 5,
            "company": "Nubank",
            "scale": None,
            "ratings": {},
            "focus": "Writing clearer English design docs as a non-native speaker.",
            "feedback_wanted": "Writing habits, tools, and a simple design doc structure.",
        },
        "likers": ["xiaoyu", "sofia", "jamal", "wei"],
        "answers": [
            {
                "author": "nadia",
                "body": _md("""
                    Here's your example rewritten to show the main rule, **one idea per
                    sentence, actor first**:

                    > If the reconciliation consumer fails, we retry it. This consumer
                    > handles records that the previous batch didn't process.

                    Habits that help most:

                    - Start each section with its conclusion; details come after.
                    - Prefer short, common words: "use" over "utilize", "if" over "in the
                      case that".
                    - Read your doc out loud once. Where you run out of breath, the sentence
                      is too long.
                    - Use lists and tables for anything with more than two parts.

                    A structure that keeps the discussion on the design: **Context → Goals
                    and non-goals → Proposal → Alternatives considered → Risks and rollout →
                    Open questions.** Ending with open questions tells reviewers where you
                    want their input.
                """),
                "days_ago": 24,
                "helpful": True,
                "likers": ["lucas", "xiaoyu", "mei", "sofia"],
                "replies": [
                    {
                        "author": "lucas",
                        "body": _md("""
                            "Actor first" is going on a sticky note. My last paragraph
                            went from four nested clauses to three short sentences.
                        """),
                        "days_ago": 22,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    A practical tip: before sharing widely, ask one native speaker on the
                    team for a language-only pass, and tell them explicitly to ignore the
                    design. It takes them ten minutes, and the real review then stays on the
                    design.

                    Over time you'll notice the same corrections coming back. Keep a personal
                    list of them, and editing your own drafts gets much faster.
                """),
                "days_ago": 23,
                "helpful": False,
                "likers": ["lucas", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "mei",
        "anonymous": False,
        "language": "en",
        "title": "Leading a team split between Shanghai and Seattle: which language do we meet in?",
        "body": _md("""
            I'm the tech lead for a project with six engineers in Shanghai and four in
            Seattle. Everyone can work in English, but the Shanghai engineers are much more
            comfortable in Chinese, and it shows:

            - In joint meetings, the Seattle engineers do most of the talking.
            - The Shanghai side often has a separate discussion in Chinese afterwards, and
              decisions shift without Seattle knowing.
            - Design docs are in English, but the real debate happens in WeChat.

            I'm bilingual, so I've become the translator and the bridge. That doesn't
            scale, and it makes me a bottleneck.

            How have others set communication norms for bilingual teams? Should we allow
            Chinese in some channels, or insist on English everywhere?
        """),
        "topics": ["senior", "working-across-languages", "leadership-ownership"],
        "days_ago": 66,
        "context": {
            "level": "senior",
            "years": 9,
            "company": "Meta",
            "scale": None,
            "ratings": {},
            "focus": "Setting fair communication norms for a bilingual, distributed team.",
            "feedback_wanted": "Norms and rituals that worked for other bilingual teams.",
        },
        "likers": ["zhou", "wei", "lucas", "xiaoyu", "hana"],
        "answers": [
            {
                "author": "zhou",
                "body": _md("""
                    I ran a team split between Shenzhen and Munich for two years. What
                    worked for us:

                    1. **Comfortable language for discussion, English for decisions.**
                       Chinese in the brainstorming channel is fine. Anything that decides
                       something gets a short English summary in the shared channel within a
                       day.
                    2. **Written-first meetings.** Send the doc 24 hours ahead and start with
                       ten minutes of silent reading and comments. This helped the
                       Chinese-speaking side more than anything else.
                    3. **Rotate the facilitator** between sites, and have them call on people
                       by name.
                    4. **Stop being the translator.** Name one person on each side as the
                       bridge for a month, then rotate.

                    Insisting on English everywhere usually just moves the real discussion
                    into private chats, which is exactly what you're seeing.
                """),
                "days_ago": 64,
                "helpful": True,
                "likers": ["mei", "wei", "lucas", "hana"],
                "replies": [
                    {
                        "author": "mei",
                        "body": _md("""
                            "Comfortable language for discussion, English for decisions"
                            is a rule I can explain to both sides in one sentence.
                            Proposing it at our next retro.
                        """),
                        "days_ago": 62,
                    },
                ],
            },
            {
                "author": "hana",
                "body": _md("""
                    Also look at meeting times. If the joint meeting is always at a good hour
                    for Seattle and late evening in Shanghai, you won't get the best from the
                    Shanghai engineers in any language.

                    Alternate the slot every other week, and record meetings with a written
                    summary, so nobody has to attend at midnight to stay informed. Sharing
                    the inconvenience is a small thing that people on both sides notice.
                """),
                "days_ago": 63,
                "helpful": False,
                "likers": ["mei", "zhou"],
                "replies": [],
            },
        ],
    },
    {
        "author": "jamal",
        "anonymous": False,
        "language": "en",
        "title": "I keep failing system design rounds for senior roles. How should I practise?",
        "body": _md("""
            I've done three senior interview loops in the last two months. The coding rounds
            went well every time; system design was the weak spot in all three. The feedback,
            when I got any:

            - "Jumped into the solution too quickly"
            - "Didn't discuss trade-offs"
            - "Good breadth, but shallow on the data layer"

            I've read the usual books and watched plenty of videos. I can draw the standard
            diagram for a URL shortener or a news feed, but in a real interview it falls
            apart as soon as the interviewer pushes on something specific.

            My day job is mostly feature work in a single service, so I rarely design
            systems from scratch.

            What helped you go from "knows the diagrams" to passing senior system design?
        """),
        "topics": ["mid-level", "senior", "interviewing", "technical-skills"],
        "days_ago": 35,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Moving from memorized designs to passing senior system design interviews.",
            "feedback_wanted": "A practice plan that builds real depth.",
        },
        "likers": ["lucas", "arjun", "sofia", "liyang"],
        "answers": [
            {
                "author": "kenji",
                "body": _md("""
                    Your feedback is very consistent: memorized diagrams don't survive
                    follow-up questions. What builds depth:

                    1. **Practise with a partner who interrupts.** Solo practice skips
                       exactly the part that's failing. Find someone who will push: "What
                       happens when this node dies?"
                    2. **Go deep on one layer at a time.** A week on databases: indexes,
                       replication, partitioning, consistency. Then a week on caching, then
                       queues. For each, learn two or three ways it fails.
                    3. **Force trade-offs.** For every decision, say out loud: "I'm choosing
                       X over Y because..., and the cost is...". Repeat until it's automatic.
                    4. **Start with requirements and numbers.** Users, QPS, data size,
                       read/write ratio. Five minutes on this fixes "jumped into the
                       solution".

                    Also read your own company's design docs. Even feature work sits on real
                    systems with real trade-offs, and those make better stories than any
                    textbook example.
                """),
                "days_ago": 33,
                "helpful": True,
                "likers": ["jamal", "arjun", "lucas", "nadia"],
                "replies": [
                    {
                        "author": "jamal",
                        "body": _md("""
                            Found a partner through a local meetup, and we're doing two
                            mocks a week. The interrupting is brutal, but it's clearly
                            working.
                        """),
                        "days_ago": 30,
                    },
                ],
            },
            {
                "author": "nadia",
                "body": _md("""
                    Something that helped me: after each practice session, write down the
                    one question that stumped you and research it properly the next day.
                    After a month you have twenty deep answers instead of a hundred shallow
                    ones.

                    On the data layer specifically: be ready to design the schema and the
                    main queries, and to say which index serves which query. Interviewers
                    for senior roles probe there a lot.
                """),
                "days_ago": 32,
                "helpful": False,
                "likers": ["jamal", "kenji"],
                "replies": [],
            },
        ],
    },
    {
        "author": "sofia",
        "anonymous": False,
        "language": "en",
        "title": "How can I show ownership as a junior engineer without overstepping?",
        "body": _md("""
            In my last 1:1 my manager said I'm doing well and suggested I "take more
            ownership" to keep growing. I want to, but I'm not sure what that looks like for
            a junior engineer four months into the job.

            Some situations where I wasn't sure what to do:

            - Our test suite is flaky and fails about one run in five. Everyone re-runs it
              and moves on. Should I fix it, even though it's not my ticket?
            - I spotted a bug in a teammate's PR after it was merged. I told him privately
              but didn't open a ticket.
            - During planning I had an opinion on an estimate, but said nothing because
              everyone else is more senior.

            Where is the line between taking ownership and stepping on toes?
        """),
        "topics": ["junior", "leadership-ownership"],
        "days_ago": 9,
        "context": {
            "level": "junior",
            "years": 1,
            "company": "Shopify",
            "scale": None,
            "ratings": {},
            "focus": "What ownership looks like for a junior engineer.",
            "feedback_wanted": "Advice on the three situations, and where the line is.",
        },
        "likers": ["xiaoyu", "arjun", "lucas"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    Your three situations make a great checklist. My take on each:

                    1. **Flaky tests:** yes, this is exactly ownership. Tell your lead "I'd
                       like to spend a day on the flaky suite" so it's visible and planned,
                       then do it. Everyone will thank you.
                    2. **The bug:** telling him privately was kind. Ownership also means
                       making sure it gets fixed: a ticket, or a follow-up PR you offer to
                       write.
                    3. **Estimates:** say it. "I might be missing something, but this looks
                       bigger to me because of X" is never overstepping. Newer engineers
                       often notice things seniors skip.

                    The rule I use: **you're overstepping when you make decisions for
                    others; you're owning when you make problems visible and offer to fix
                    them.** Everything you described is the second kind.
                """),
                "days_ago": 7,
                "helpful": False,
                "likers": ["sofia", "arjun", "xiaoyu"],
                "replies": [
                    {
                        "author": "sofia",
                        "body": _md("""
                            Fixed the flaky test this week: a time zone assumption in a
                            fixture. My lead mentioned it in standup, which felt nice.
                        """),
                        "days_ago": 6,
                    },
                ],
            },
            {
                "author": "arjun",
                "body": _md("""
                    I got the same "take more ownership" feedback recently at mid-level, and
                    what I'm learning is that most of it is follow-through. Notice a problem,
                    say it out loud, and then actually close the loop, even if closing it is
                    just "I checked, it's fine".

                    Your flaky test is the perfect first project. Boring problems everyone
                    ignores are the easiest ownership to claim, because nobody else wants
                    them.
                """),
                "days_ago": 8,
                "helpful": False,
                "likers": ["sofia", "grace"],
                "replies": [],
            },
        ],
    },
    {
        "author": "nadia",
        "anonymous": True,
        "language": "en",
        "title": "My manager is leaving and asked if I'd be the interim manager. Should I say yes?",
        "body": _md("""
            My manager leaves in a month and asked whether I'd be interim manager for our
            team of six while they hire a replacement, which could take three to six months.

            I've been a senior engineer for about three years and I'm working toward staff.
            I've never managed anyone, though I've led projects.

            What I'm weighing:

            - **For:** a chance to try management with a clear exit; the team trusts me; it
              helps the team.
            - **Against:** my staff case depends on a big technical project this year. If
              I'm doing 1:1s and hiring, that project will slip.
            - **Unclear:** would I be expected to apply for the permanent role? What happens
              to my review if I do both jobs halfway?

            Has anyone done an interim stint? What should I negotiate before saying yes?
        """),
        "topics": ["senior", "engineering-manager"],
        "days_ago": 22,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Whether to take an interim manager role while working toward staff.",
            "feedback_wanted": "What to negotiate, and how an interim role affects an IC career.",
        },
        "likers": ["kenji", "mei", "lucas", "jamal"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    Interim management can be a great experience, but only with explicit
                    terms. Before you say yes, get these in writing:

                    - **An end date or trigger.** "Until the new manager starts, at most six
                      months."
                    - **How you'll be evaluated.** Your review should treat the interim work
                      as real work, not as a distraction from your IC goals.
                    - **What gets dropped.** Your technical project gets a new owner, a
                      smaller scope, or a later date. Don't plan to do both fully.
                    - **No obligation to apply.** Be clear about whether you want to be
                      considered for the permanent role.

                    On the staff case: leading a team through a manager transition is real
                    leadership evidence, and some committees value it a lot. Ask your
                    skip-level how it would count.
                """),
                "days_ago": 20,
                "helpful": False,
                "likers": ["grace", "kenji"],
                "replies": [],
            },
            {
                "author": "grace",
                "body": _md("""
                    I started as an interim manager myself, so I'm biased. The honest
                    version: the part nobody warns you about is hiring your own boss. You'll
                    probably interview candidates for the permanent role, so decide early
                    how you feel about that, and tell your director.

                    Also protect one technical thing. Not the big project, which needs a
                    full-time owner, but something small that keeps you hands-on. Three to
                    six months without any engineering work makes the return to IC harder
                    than people expect.
                """),
                "days_ago": 19,
                "helpful": False,
                "likers": ["tom", "mei", "kenji"],
                "replies": [],
            },
        ],
    },
    {
        "author": "mei",
        "anonymous": True,
        "language": "en",
        "title": "I got Meets after a year I thought was excellent. How do I handle it?",
        "body": _md("""
            My year-end review came back, and I'm honestly disappointed:

            - Impact: Meets
            - Teamwork: Exceeds
            - Technical skills: Meets
            - Leadership & ownership: Meets

            This year I led a data migration for our ads pipeline, mentored two new hires,
            and redesigned our team's on-call rotation. My manager's summary said the
            migration "landed later than planned" and that "the scope was on par for the
            level".

            None of this came up during the year. Our mid-year check-in was positive.

            I don't want to react emotionally, but I think part of it is unfair. Should I
            push back formally, talk to my manager, or just focus on next year? How do I
            raise it without damaging the relationship?
        """),
        "topics": ["senior", "performance-reviews"],
        "days_ago": 72,
        "context": {
            "level": "senior",
            "years": 9,
            "company": "",
            "scale": "exceeds-meets-below",
            "ratings": {
                "impact": "Meets",
                "teamwork": "Exceeds",
                "technical-skills": "Meets",
                "leadership-ownership": "Meets",
            },
            "focus": "Responding to a year-end rating that was lower than I expected.",
            "feedback_wanted": (
                "Whether and how to push back without harming the relationship with my manager."
            ),
        },
        "likers": ["nadia", "wei", "lucas", "jamal", "zhou"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    First, wait 48 hours before saying anything. Then ask for a
                    conversation, not a reversal. Something like:

                    > I was surprised by the rating, because the mid-year felt positive. I'd
                    > like to understand what changed, and what Exceeds would have looked
                    > like this year.

                    Listen more than you argue. Usually you learn one of two things: there's
                    feedback you genuinely hadn't heard (fixable), or calibration moved the
                    rating and your manager didn't fight it (a different conversation).

                    Formal appeals rarely change a rating, and they cost goodwill. Keep that
                    option for cases where the facts are wrong, for example if "landed later
                    than planned" ignores that the plan itself changed.
                """),
                "days_ago": 70,
                "helpful": False,
                "likers": ["nadia", "zhou", "tom"],
                "replies": [],
            },
            {
                "author": "tom",
                "body": _md("""
                    The line I'd focus on is "none of this came up during the year". That's
                    the real problem, and you can fix it for next year whatever happens to
                    this rating.

                    Ask your manager for an explicit agreement:

                    1. A written description of what Exceeds looks like for you next year.
                    2. A short check-in against it every quarter.
                    3. A heads-up at the time if anything is trending below that, not in
                       December.

                    On the migration: if the delay came from things outside your control,
                    write a short, factual note with dates and send it to your manager. Not
                    as an appeal, just so it's on record for the next calibration.
                """),
                "days_ago": 69,
                "helpful": False,
                "likers": ["nadia", "grace", "wei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "kenji",
        "anonymous": False,
        "language": "en",
        "title": "What actually changes between staff and principal engineer?",
        "body": _md("""
            I've been a staff engineer for about four years across two companies. My manager
            says I'm "on the path to principal", but when I read our ladder, the
            differences look like adjectives: "significant" becomes "exceptional", and
            "org-wide" becomes "company-wide".

            From what I've seen, the principals at my company:

            - set multi-year technical direction for large areas
            - are pulled in by executives on big decisions
            - spend very little time on any single team's work

            But I can't tell what they *did* to get there, or which of my habits as a
            staff engineer would have to change.

            For principals, or people who have promoted them: what is the real difference
            in the job, and what did you have to stop doing?
        """),
        "topics": ["staff", "principal", "promotions"],
        "days_ago": 98,
        "context": {
            "level": "staff",
            "years": 13,
            "company": "Mercari",
            "scale": None,
            "ratings": {},
            "focus": "Understanding the practical difference between staff and principal.",
            "feedback_wanted": "What changes in the job, and which habits to drop.",
        },
        "likers": ["priya", "nadia", "wei"],
        "answers": [
            {
                "author": "dmitri",
                "body": _md("""
                    The biggest change for me: **staff engineers solve problems; principals
                    choose which problems the company works on.** The unit of work shifts
                    from a project to a bet.

                    What I had to stop doing:

                    - **Being the best engineer in the room.** If you're the one solving the
                      hard problem, nobody else is learning to.
                    - **Saying yes to every interesting design review.** Your calendar has to
                      follow the two or three things that matter most for the company over
                      the next few years.
                    - **Waiting to be asked.** Principals write the doc nobody requested:
                      "here's the problem we'll have in two years, and what we should start
                      now".

                    What I had to start: talking to customers and finance, writing for
                    executives (one page, decision first), and being wrong in public. Not
                    every bet works out.
                """),
                "days_ago": 95,
                "helpful": True,
                "likers": ["kenji", "priya", "nadia", "hana"],
                "replies": [
                    {
                        "author": "kenji",
                        "body": _md("""
                            "The doc nobody requested" hit home. I've been waiting for a
                            sponsor to hand me the big problem.
                        """),
                        "days_ago": 93,
                    },
                ],
            },
        ],
    },
    {
        "author": "tom",
        "anonymous": False,
        "language": "en",
        "title": "Moving from senior EM to director: what should I stop doing?",
        "body": _md("""
            I've just been told I'll be promoted to director next quarter and will take over
            a second group, about 60 engineers across six teams in total. My current habits
            come from managing three EMs closely:

            - weekly 1:1s with every EM, and monthly skip-levels with most engineers
            - reading most design docs in my area
            - attending every incident review

            That clearly won't scale to six teams plus a new peer group of directors.

            Directors here: what did you drop in your first six months, and what do you
            wish you'd started earlier? I'm especially interested in how you stayed
            connected to the engineering work without being in everything.
        """),
        "topics": ["director", "senior-engineering-manager", "promotions"],
        "days_ago": 6,
        "context": {
            "level": "senior-engineering-manager",
            "years": 15,
            "company": "Atlassian",
            "scale": None,
            "ratings": {},
            "focus": "Adjusting management habits for a first director role.",
            "feedback_wanted": "What to stop, what to start, and how to stay close to the work.",
        },
        "likers": ["grace", "zhou", "dmitri"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    Congratulations! What I dropped, roughly in this order:

                    1. **Reading design docs.** I read one-page summaries and the list of
                       open risks, and go deep on one design a month, chosen on purpose.
                    2. **Incident reviews.** I read the weekly incident digest and only join
                       reviews for the big ones.
                    3. **Skip-levels with everyone.** I moved to group skip-levels of five or
                       six people, plus open office hours.

                    What I wish I'd started earlier:

                    - **Investing in my peer directors.** Your most important team is now the
                      director group, not your org. Most cross-org problems get solved there.
                    - **A written org strategy.** Half a page: what we're building, how we're
                      organized, what we won't do. It replaced dozens of 1:1 explanations.

                    To stay connected, spend a full day with one team each month, a
                    different team every time.
                """),
                "days_ago": 4,
                "helpful": False,
                "likers": ["tom", "grace", "zhou"],
                "replies": [],
            },
        ],
    },
    {
        "author": "grace",
        "anonymous": True,
        "language": "en",
        "title": "When is the right time to ask for a second team?",
        "body": _md("""
            I've managed my team of seven for almost three years. The team is healthy: low
            attrition, two promotions this year, and we hit our roadmap goals. My director
            mentioned "growth" in my last review, and my sense is that the next step toward
            senior engineering manager is taking on a second team or managing a manager.

            I'm not sure how to bring it up:

            - There's no obvious open team right now.
            - I don't want to look like I'm angling for someone else's job.
            - Part of me wonders whether I'm ready. I still spend a lot of time in the
              details of my own team's work.

            Senior EMs: how did the conversation about expanding your scope happen? Did you
            ask, or were you offered it?
        """),
        "topics": ["engineering-manager", "senior-engineering-manager", "promotions"],
        "days_ago": 3,
        "context": {
            "level": "engineering-manager",
            "years": 11,
            "company": "Stripe",
            "scale": None,
            "ratings": {},
            "focus": "Raising the topic of a larger scope on the way to senior EM.",
            "feedback_wanted": "How others started that conversation, and how to tell I'm ready.",
        },
        "likers": ["zhou", "tom"],
        "answers": [],
    },
    {
        "author": "hana",
        "anonymous": True,
        "language": "en",
        "title": "How do I talk to my org about layoffs honestly when I can't share everything?",
        "body": _md("""
            Our company is reducing headcount next week. My org loses nine people across
            several teams. I was involved in the decisions, and I'll be the one speaking to
            the whole org after the affected people have been told.

            Constraints:

            - Legal has limited what I can say about the criteria.
            - I can't promise there won't be more cuts, because I don't know.
            - Several of the people leaving are well liked, and their teams will be angry.

            I've been through layoffs as a manager, but never as the person standing in
            front of the org answering questions. I want to be honest and human without
            saying something that makes things worse, or that isn't mine to say.

            Directors who've done this: what did you say, what did you avoid, and what did
            the following weeks look like?
        """),
        "topics": ["director", "leadership-ownership"],
        "days_ago": 1,
        "context": {
            "level": "director",
            "years": 19,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Communicating layoffs to an engineering org honestly, within constraints.",
            "feedback_wanted": "What to say, what to avoid, and how to support people afterwards.",
        },
        "likers": ["tom", "grace"],
        "answers": [],
    },
    {
        "author": "xiaoyu",
        "anonymous": False,
        "language": "zh-hans",
        "title": "第一次做年中述职，PPT 应该怎么组织？",
        "body": _md("""
            下周要第一次做年中述职，每人 10 分钟，
            听众是我们组的 leader 和隔壁组的两位经理。
            我工作快两年，上半年主要做了这些：

            - 参与商品详情页改版，负责价格模块
            - 修复了 30 多个线上问题，其中两个是 P1 故障
            - 写了一篇内部技术分享，讲前端性能优化

            困惑的地方：

            1. PPT 做多少页合适？要不要放代码和架构图？
            2. 修 bug 这类零散的工作，怎么讲才不显得琐碎？
            3. 最后的“下半年计划”是写具体一点好，还是写个方向就行？

            第一次做这个，有点紧张，希望有经验的朋友给点建议。
        """),
        "topics": ["junior", "performance-reviews"],
        "days_ago": 5,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "Alibaba",
            "scale": None,
            "ratings": {},
            "focus": "第一次年中述职的内容怎么组织。",
            "feedback_wanted": "PPT 的结构、零散工作的呈现方式，以及下半年计划怎么写。",
        },
        "likers": ["liyang", "sofia"],
        "answers": [],
    },
    {
        "author": "arjun",
        "anonymous": False,
        "language": "en",
        "title": "How do I push back on a deadline my PM already promised to leadership?",
        "body": _md("""
            Our PM told leadership we'd launch personalized search ranking by the end of
            next month. Nobody on the engineering side was asked. After a day of digging,
            my estimate is closer to ten weeks: the feature pipeline doesn't exist yet, and
            the A/B test needs to run for at least two weeks.

            I'm the engineer who'll build most of it. Since my last review I'm trying to act
            more like an owner, so I don't want to just complain in standup. But I also
            don't want to quietly work weekends to hit a date I think is wrong.

            Options I see:

            - Propose a smaller first version that fits the date
            - Lay out my estimate with its risks and let the PM take it back to leadership
            - Ask my manager to handle it

            How would an experienced engineer handle this without damaging the
            relationship with the PM?
        """),
        "topics": ["mid-level", "leadership-ownership"],
        "days_ago": 0,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "Instacart",
            "scale": None,
            "ratings": {},
            "focus": "Pushing back on an unrealistic committed deadline as the lead engineer.",
            "feedback_wanted": "Which option to choose, and how to frame it for the PM.",
        },
        "likers": ["jamal"],
        "answers": [],
    },
]
