"""Career ladder and topic content for Rung.

Pure data, no Django imports. The seeding migration and management command read these
constants to create the rubric axes, tracks, levels, subject topics and rating scales.
Fields described as Markdown (summaries, next steps, gaps, topic descriptions) may hold
paragraphs and bulleted lists; expectations, taglines and names are plain text.
"""

from typing import Final, TypedDict


class Axis(TypedDict):
    slug: str
    name: str
    description: str


class Track(TypedDict):
    slug: str
    name: str
    order: int


class Level(TypedDict):
    slug: str
    track: str
    rank: int
    name: str
    short_name: str
    person_noun: str
    tagline: str
    summary: str
    expectations: dict[str, str]
    next_level: str
    common_gaps: str


class SubjectTopic(TypedDict):
    slug: str
    name: str
    tagline: str
    description: str


class RatingScale(TypedDict):
    slug: str
    name: str
    choices: list[tuple[str, str, int]]


# The rubric axes, in display order. Every level has one expectation per axis.
AXES: Final[list[Axis]] = [
    {
        "slug": "impact",
        "name": "Impact",
        "description": (
            "The outcomes your work produces for users, the business and other engineers. It is "
            "measured by what changed because of you, not by how busy you were."
        ),
    },
    {
        "slug": "teamwork",
        "name": "Teamwork",
        "description": (
            "How you make the people around you more effective: code review, communication, "
            "collaboration across roles, and the help you give and ask for."
        ),
    },
    {
        "slug": "technical-skills",
        "name": "Technical Skills",
        "description": (
            "The depth and breadth of your engineering craft: design, code quality, debugging, "
            "testing and operations, plus the judgement to pick the right approach for the "
            "problem in front of you."
        ),
    },
    {
        "slug": "leadership-ownership",
        "name": "Leadership & Ownership",
        "description": (
            "How far you take responsibility beyond your assigned tasks: driving work to done, "
            "raising risks early, and setting direction for others as your scope grows."
        ),
    },
]


# Career tracks. Levels reference a track by slug.
TRACKS: Final[list[Track]] = [
    {
        "slug": "ic",
        "name": "Software Engineer (individual contributor)",
        "order": 1,
    },
    {
        "slug": "em",
        "name": "Engineering Manager",
        "order": 2,
    },
]


# Levels in ladder order. ``rank`` is the global display order (1..N) across both
# tracks; the slug doubles as the level's topic slug.
LEVELS: Final[list[Level]] = [
    {
        "slug": "junior",
        "track": "ic",
        "rank": 1,
        "name": "Junior/Entry Engineer",
        "short_name": "Junior/Entry",
        "person_noun": "Junior engineer",
        "tagline": (
            "Learning the codebase and shipping well-scoped tasks with guidance and steady "
            "feedback."
        ),
        "summary": (
            "A junior engineer is building the habits everything later rests on: reading "
            "unfamiliar code, breaking a task into steps, testing changes, and asking useful "
            "questions. Work usually arrives well defined, often as a ticket with clear "
            "acceptance criteria, and someone more experienced is close by to review and "
            "unblock.\n\n"
            "The job at this level is to become reliable on small things. Nobody expects you to "
            "design systems yet. People do expect you to finish what you pick up, learn from "
            "review comments, and need a little less help each month."
        ),
        "expectations": {
            "impact": (
                "Completes well-scoped tasks such as bug fixes, small features and missing tests, "
                "and they reach production with modest rework. Estimates for a task of a few days "
                "are roughly right, and slips are flagged before the deadline rather than after "
                "it. Evidence looks like a steady record of merged changes that users or "
                "teammates actually rely on."
            ),
            "teamwork": (
                "Asks for help after a reasonable attempt, explaining what was tried and where it "
                "got stuck. Takes code review feedback openly and applies it consistently, not "
                "just on the change where it was given, and starts reviewing peers' smaller pull "
                "requests. Keeps the team informed through stand-ups and tickets so nobody has to "
                "chase status."
            ),
            "technical-skills": (
                "Writes readable, tested code in the team's main language and follows the "
                "patterns already in the codebase. Can run the service locally, use a debugger "
                "and logs to find the cause of a straightforward bug, and write a test that "
                "reproduces it. Is learning the team's tooling: version control, CI, deployment "
                "and the basic monitoring dashboards."
            ),
            "leadership-ownership": (
                "Owns assigned tasks end to end, including tests, documentation updates and "
                "checking the change behaves correctly after deploy. Raises blockers early "
                "instead of waiting quietly. Takes on on-call shadowing and small operational "
                "chores willingly and writes down what was learned."
            ),
        },
        "next_level": (
            "Moving to mid-level means showing you can take a feature from a rough description to "
            "production with much less hand-holding. Concrete moves that build that case:\n\n"
            "- Ask for a task that is slightly vague, and write a short plan before you start "
            "coding; have it reviewed.\n"
            "- Keep a running work log: for every shipped change, one line on what it did and who "
            "it helped.\n"
            "- Review a few pull requests every week and leave substantive comments, not only "
            "approvals.\n"
            "- Learn one request path end to end, from the load balancer to the database, and "
            "explain it to a newer teammate.\n"
            "- Join the on-call rotation and handle a small incident yourself, with a written "
            "follow-up.\n"
            "- Read your own diff before requesting review, so reviewers spend their time on "
            "design rather than typos."
        ),
        "common_gaps": (
            "- Staying stuck for days before asking, or asking before trying anything at all.\n"
            "- Treating a merged pull request as done without checking that it works in "
            "production.\n"
            "- Receiving the same review comment on change after change.\n"
            '- Status updates that describe activity ("still working on it") instead of '
            "progress and risks.\n"
            "- Avoiding unfamiliar parts of the codebase, which keeps your scope narrow."
        ),
    },
    {
        "slug": "mid-level",
        "track": "ic",
        "rank": 2,
        "name": "Mid-level Engineer",
        "short_name": "Mid-level",
        "person_noun": "Mid-level engineer",
        "tagline": (
            "Delivering features of a few weeks' size independently and becoming a dependable "
            "teammate."
        ),
        "summary": (
            "A mid-level engineer delivers features on their own from a reasonably clear "
            "description. You can turn a product request into a small design, split it into "
            "reviewable changes, and ship it with occasional check-ins rather than daily "
            "guidance. You know at least one area of the system well enough that teammates bring "
            "their questions about it to you.\n\n"
            "Many engineers spend several years at this level, and that is normal. What separates "
            "a strong mid-level engineer from a senior one is rarely coding speed. It is scope: "
            "how ambiguous the problems are, and how much of the surrounding work (coordination, "
            "risk, follow-through) you carry without being asked."
        ),
        "expectations": {
            "impact": (
                "Delivers features or projects of roughly two to six weeks that matter to the "
                "team's goals, on timelines others can plan around. Makes sensible trade-offs "
                "between polish and speed and can explain them. Evidence includes shipped work "
                "with a visible effect, such as fewer support tickets, a faster page or a product "
                "metric that moved."
            ),
            "teamwork": (
                "Gives thorough code reviews that catch design and correctness problems, not only "
                "style nits. Works directly with product, design and QA to clarify requirements "
                "instead of routing every question through a lead. Helps onboard new teammates "
                "and answers questions in the team channel."
            ),
            "technical-skills": (
                "Writes short design notes for medium-sized changes covering the data model, API "
                "shape and failure modes. Debugs problems that cross service boundaries using "
                "logs, metrics and traces. Tests at the right level, leaves code better than they "
                "found it, and knows the performance and security basics of their stack."
            ),
            "leadership-ownership": (
                "Owns a feature or component after launch, including its bugs, alerts and "
                "documentation. Handles on-call incidents in their area and writes clear "
                "follow-ups with concrete action items. Notices small process problems, such as a "
                "flaky test or a slow build, and either fixes them or files them with a proposal."
            ),
        },
        "next_level": (
            "Senior is about owning ambiguous problems and raising the output of the whole team, "
            "not just your own. Moves that build that case:\n\n"
            "- Lead a project involving two or more engineers: write the design doc, split the "
            "work and track it to launch.\n"
            '- Take a vague complaint ("checkout feels slow", "deploys are scary") and turn '
            "it into a scoped plan with a measurable goal.\n"
            "- Become the go-to reviewer for one area, and write down its conventions so others "
            "can follow them without you.\n"
            "- Mentor a junior engineer on purpose, with regular pairing sessions and honest "
            "feedback.\n"
            "- Drive one cross-team dependency yourself instead of handing it to your manager.\n"
            "- Ask your manager which senior expectations you are not yet showing, then collect "
            "evidence against each one."
        ),
        "common_gaps": (
            "- Waiting for fully specified work instead of helping to shape it.\n"
            "- Strong code but thin written communication: no design docs, terse or missing "
            "updates.\n"
            "- Maximising personal throughput while the team's review queue and open questions "
            "pile up.\n"
            "- Avoiding disagreement early, so arguments about the approach surface late in code "
            "review.\n"
            "- Not knowing the business reason behind the work, which makes trade-offs hard to "
            "defend."
        ),
    },
    {
        "slug": "senior",
        "track": "ic",
        "rank": 3,
        "name": "Senior Engineer",
        "short_name": "Senior",
        "person_noun": "Senior engineer",
        "tagline": (
            "Owning ambiguous problems end to end and making the whole team more effective."
        ),
        "summary": (
            "A senior engineer takes problems that are not yet well defined and turns them into "
            "shipped, maintained systems. The scope is usually a team's area or a project lasting "
            "several months, and the work includes everything around the code: aligning "
            "stakeholders, deciding what not to build, and managing risk.\n\n"
            "Seniors are also multipliers. Their reviews, designs and mentoring lift the quality "
            "of the team's work, and their judgement is trusted enough that the manager does not "
            "need to check each decision. At many companies senior is treated as a career level, "
            "and it is entirely reasonable to keep growing here for years without another "
            "promotion."
        ),
        "expectations": {
            "impact": (
                "Leads projects lasting one or more quarters that move team or product goals, "
                "usually with several engineers involved. Picks the right problems, pushes back "
                "on low-value work, and can state the expected outcome in business terms. "
                "Evidence includes launched projects with results tied to a goal, and problems "
                "avoided thanks to early design or risk calls."
            ),
            "teamwork": (
                "Mentors junior and mid-level engineers through pairing, review and design "
                "feedback, and their growth is visible to others. Resolves technical "
                "disagreements constructively and brings product, design and neighbouring teams "
                "along with written proposals. Is someone other engineers actively want on their "
                "project."
            ),
            "technical-skills": (
                "Designs systems that hold up under real load, partial failure and changing "
                "requirements, and documents the trade-offs made. Knows the team's stack deeply "
                "and has enough breadth to work across its edges, such as data pipelines, "
                "infrastructure or frontend. Sets the bar for testing, observability and "
                "operability in their area."
            ),
            "leadership-ownership": (
                "Owns the technical health of an area: its improvement roadmap, its tech debt and "
                "its incidents. Leads incident response and makes sure the follow-up actions "
                "actually get done. Makes decisions without waiting for permission when the call "
                "is theirs, and escalates clearly and early when it is not."
            ),
        },
        "next_level": (
            "Staff is a different job rather than a faster senior: scope moves from one team to a "
            "group of teams or the whole organisation. To grow toward it:\n\n"
            "- Find a problem that spans several teams, such as a shared platform, a migration or "
            "a reliability gap, and drive it, including the parts nobody owns.\n"
            "- Write design docs and strategy notes that other teams read and adopt.\n"
            "- Build relationships with senior engineers and managers outside your team, and "
            "learn their roadmaps and pain points.\n"
            "- Sponsor others: hand visible work to people who are ready for it, and coach them "
            "through it.\n"
            "- Agree with your manager on a staff-scope project, a sponsor, and the evidence a "
            "promotion case will need.\n"
            "- Spend less time coding on the critical path and more time unblocking the people "
            "who are."
        ),
        "common_gaps": (
            "- Acting as the team's strongest coder and taking every hard ticket, instead of "
            "growing others.\n"
            "- Influence that stops at the edge of the team.\n"
            "- Designs that are technically elegant but not connected to a business outcome.\n"
            "- Steering clear of important but unglamorous work such as migrations and "
            "operational cleanup.\n"
            "- Not writing things down, so their judgement only reaches the meetings they attend."
        ),
    },
    {
        "slug": "staff",
        "track": "ic",
        "rank": 4,
        "name": "Staff Engineer",
        "short_name": "Staff",
        "person_noun": "Staff engineer",
        "tagline": (
            "Setting technical direction across several teams and solving problems no single team "
            "owns."
        ),
        "summary": (
            "A staff engineer works on problems larger than one team: a platform many teams "
            "depend on, a migration that touches most services, or the technical strategy for a "
            "product area. The role looks different from company to company (tech lead for a "
            "group, architect, troubleshooter for the hardest problems, or right hand to an "
            "engineering leader), but every version involves influence without formal "
            "authority.\n\n"
            "Staff engineers are judged mostly by outcomes that would not have happened without "
            "them. A large share of that work is writing, aligning people and making decisions "
            "stick, so the direction they set matters more than the amount of code they write."
        ),
        "expectations": {
            "impact": (
                "Delivers outcomes at group or organisation level, such as a platform that "
                "shortens every team's delivery time or a migration that retires a major risk. "
                "Spots the most important technical problems before they turn into crises. "
                "Evidence includes multi-team initiatives completed, strategy documents that "
                "changed plans, and measurable improvements across teams."
            ),
            "teamwork": (
                "Builds agreement across teams with competing priorities, and records "
                "disagreements in writing with reasons instead of settling them in corridors. "
                "Mentors senior engineers and sponsors them into larger work. Works as a peer to "
                "engineering managers and product leads during planning."
            ),
            "technical-skills": (
                "Has deep expertise in at least one area and the breadth to evaluate designs "
                "anywhere in the stack. Reviews other teams' designs and catches systemic risks "
                "such as tight coupling, data consistency problems and scaling limits. Makes "
                "technology and build-versus-buy choices that still look right years later."
            ),
            "leadership-ownership": (
                "Sets technical direction for a group and writes it down as strategy, principles "
                "or reference architectures. Takes ownership of the gaps between teams that "
                "nobody else is covering. Shapes quarterly planning by explaining technical risks "
                "and opportunities in terms leaders can act on."
            ),
        },
        "next_level": (
            "Principal scope is the whole engineering organisation, or a technical area that "
            "defines where the company goes next. Ways to grow toward it:\n\n"
            "- Write a multi-year technical vision for a major area, and get leadership to fund "
            "it.\n"
            "- Lead one company-wide initiative, such as reliability, security or a platform "
            "shift, from proposal to measurable result.\n"
            "- Develop other staff engineers, and help define what good staff work looks like in "
            "your organisation.\n"
            "- Take part in business conversations about pricing, partnerships, vendors and risk, "
            "representing engineering.\n"
            "- Build a reputation beyond your group through internal talks and documents, and "
            "external writing or open source where it fits."
        ),
        "common_gaps": (
            "- Working as a very productive senior engineer on one team rather than across "
            "teams.\n"
            "- Writing strategy that nobody adopts because stakeholders were not involved early "
            "enough.\n"
            "- Starting too many initiatives and finishing none of them.\n"
            "- No clear agreement with their manager about which kind of staff role they are "
            "filling.\n"
            "- Drifting so far from the code and systems that their technical credibility fades."
        ),
    },
    {
        "slug": "principal",
        "track": "ic",
        "rank": 5,
        "name": "Principal Engineer",
        "short_name": "Principal",
        "person_noun": "Principal engineer",
        "tagline": (
            "Shaping the technical direction of the company and growing the engineers who carry "
            "it out."
        ),
        "summary": (
            "A principal engineer's scope is the engineering organisation as a whole, or a "
            "technical domain so central that it shapes company strategy. They make, or strongly "
            "influence, the bets that matter for years: architecture, shared platforms, major "
            "vendor choices, and the standards everyone builds to.\n\n"
            "The level is rare, and the work is almost all leverage. Principals spend their time "
            "on the handful of decisions with the largest consequences, on developing the staff "
            "engineers around them, and on making engineering's constraints and opportunities "
            "clear to the rest of the leadership team."
        ),
        "expectations": {
            "impact": (
                "Drives company-level outcomes, such as an architecture that makes a new product "
                "line possible or a reliability program that protects revenue. Decides which "
                "technical bets to make and, just as importantly, which to stop. Evidence "
                "includes company-wide changes they led and decisions whose effects are still "
                "visible years later."
            ),
            "teamwork": (
                "Works with executives, directors and product leadership as a peer. Develops "
                "staff engineers and helps shape the technical career ladder itself. Settles "
                "disagreements between groups while keeping the trust of everyone involved."
            ),
            "technical-skills": (
                "Is recognised as an authority in one or more domains inside the company and "
                "often beyond it. Judges the long-term consequences of architecture and "
                "technology choices across the whole system. Can go deep into a critical incident "
                "or design review when needed and raise the standard of the work there."
            ),
            "leadership-ownership": (
                "Owns the technical vision for the organisation or a major domain, and keeps it "
                "current as the business changes. Sets engineering-wide standards and principles "
                "and makes sure they are practical to follow. Represents engineering in company "
                "strategy and is accountable for the technical risk the company carries."
            ),
        },
        "next_level": (
            "There is no further rung on the IC ladder, so growth here is about depth, reach and "
            "succession:\n\n"
            "- Revisit your technical vision every year, and retire the parts that no longer fit "
            "the business.\n"
            "- Grow successors: make sure two or three staff engineers could carry your domain "
            "without you.\n"
            "- Widen your view by spending time with other functions, such as product, sales "
            "engineering or security.\n"
            "- Contribute outside the company through standards work, open source, writing or "
            "conference talks.\n"
            "- Choose one hard, unsolved problem each year and stay hands-on enough to solve it "
            "alongside a team."
        ),
        "common_gaps": (
            "- Becoming a bottleneck, with every major decision waiting on their review.\n"
            "- Vision documents too abstract for teams to turn into plans.\n"
            "- Losing touch with how engineers actually build and ship day to day.\n"
            "- Settling arguments with seniority instead of reasoning.\n"
            "- No succession plan, which leaves the organisation fragile when they move on."
        ),
    },
    {
        "slug": "engineering-manager",
        "track": "em",
        "rank": 6,
        "name": "Engineering Manager",
        "short_name": "EM",
        "person_noun": "Engineering manager",
        "tagline": "Leading one team: its people, its delivery and its health.",
        "summary": (
            "An engineering manager is responsible for one team, typically four to eight "
            "engineers, and for what that team delivers. The job has three parts: people (hiring, "
            "coaching, feedback and performance), delivery (planning, priorities and removing "
            "blockers) and team health (process, morale and a sustainable pace).\n\n"
            "Most new managers come from senior engineering roles, and the hardest shift is "
            "judging success by the team's results rather than by personal output. Coding time "
            "drops sharply. The technical background still gets used every day, but for judgement "
            "and context rather than for doing the work yourself."
        ),
        "expectations": {
            "impact": (
                "The team meets its commitments each quarter, and its work is tied to goals the "
                "team understands. Trade-offs between scope, quality and time are made visible to "
                "stakeholders before they turn into surprises. Evidence includes roadmap items "
                "shipped, a manageable on-call load, and stakeholders who trust the team's "
                "estimates."
            ),
            "teamwork": (
                "Holds regular one-on-ones, gives specific feedback promptly, and writes fair, "
                "evidence-based performance reviews. Hires well for the team by running a "
                "structured interview loop and closing strong candidates. Builds working "
                "relationships with product, design and peer managers so handoffs go smoothly."
            ),
            "technical-skills": (
                "Understands the team's systems well enough to ask the right questions in design "
                "reviews and to notice when an estimate or approach looks off. Tracks technical "
                "debt, reliability and security, and reserves capacity to address them. Does not "
                "need to be the strongest engineer, but can follow an incident and make sound "
                "calls under pressure."
            ),
            "leadership-ownership": (
                "Owns the team's direction: its roadmap, how it works and how it grows. Addresses "
                "underperformance early and directly, with clear expectations and real support. "
                "Protects the team from unnecessary churn and explains the reasoning behind "
                "decisions that come from above."
            ),
        },
        "next_level": (
            "A senior engineering manager runs a larger scope, often several teams, with less "
            "guidance. To get there:\n\n"
            "- Develop a tech lead or senior engineer who can run day-to-day delivery without "
            "you.\n"
            "- Take on a second team or a wider area, and show that the first team keeps "
            "performing.\n"
            "- Own hiring for a role end to end: define it, source candidates, interview and "
            "close.\n"
            "- Write the team's plan for the next two or three quarters, and get your peers and "
            "your manager to agree to it.\n"
            "- Work through a difficult performance case fairly and with documentation, from "
            "first conversation to resolution.\n"
            "- Improve a process that affects other teams too, such as incident reviews or "
            "planning."
        ),
        "common_gaps": (
            "- Remaining the team's lead engineer and taking coding work on the critical path.\n"
            "- Putting off hard feedback, so performance problems grow for months.\n"
            "- Saying yes to every request and leaving the team overcommitted.\n"
            "- Passing status upward while context never flows back down to the team.\n"
            "- Hiring people similar to the existing team instead of filling what it lacks."
        ),
    },
    {
        "slug": "senior-engineering-manager",
        "track": "em",
        "rank": 7,
        "name": "Senior Engineering Manager",
        "short_name": "Senior EM",
        "person_noun": "Senior engineering manager",
        "tagline": (
            "Running several teams or a larger area, and developing the managers and leads within "
            "it."
        ),
        "summary": (
            "A senior engineering manager leads a larger area, commonly two or three teams or one "
            "large team with sub-leads, and at many companies manages other managers for the "
            "first time. They own a multi-quarter roadmap for the area and work closely with "
            "product and design leadership on what gets built.\n\n"
            "The change from the previous level is leverage. Instead of running every team ritual "
            "personally, a senior EM builds leads and managers who run them well, and spends "
            "their own time on org design, cross-team dependencies, hiring plans and the hardest "
            "people problems."
        ),
        "expectations": {
            "impact": (
                "The area delivers against multi-quarter goals, and its teams are aligned rather "
                "than competing for the same people and attention. Balances feature work against "
                "platform, reliability and debt investment across teams. Evidence includes "
                "area-level outcomes, healthy delivery on every team, and a roadmap stakeholders "
                "understand."
            ),
            "teamwork": (
                "Coaches managers and tech leads, including on how they give feedback and run "
                "their teams. Builds a hiring pipeline for the area and calibrates performance "
                "reviews fairly across teams. Works as a peer with product and design leaders and "
                "with other senior managers."
            ),
            "technical-skills": (
                "Understands the area's architecture well enough to spot risky designs and "
                "coupling between teams. Makes informed decisions about build versus buy, "
                "staffing for technical initiatives and the order of major migrations. Partners "
                "with staff engineers on technical direction, neither deferring to them entirely "
                "nor overruling them."
            ),
            "leadership-ownership": (
                "Owns the area's strategy, structure and headcount plan. Reshapes teams when the "
                "work changes, and manages the transition with care for the people affected. "
                "Watches for risks such as attrition, single points of knowledge or slipping "
                "quality, and acts before they turn into incidents."
            ),
        },
        "next_level": (
            "A director leads an organisation of several managers and sets its direction within "
            "the company's strategy. To grow toward it:\n\n"
            "- Manage at least two managers, and show that their teams improve under them.\n"
            "- Write an organisational plan covering structure, headcount and hiring priorities "
            "for the coming year.\n"
            "- Own a budget or vendor decision and justify it in business terms.\n"
            "- Lead an initiative that spans organisations and requires aligning other "
            "directors.\n"
            "- Build a bench: know who could replace you, and who could replace each manager "
            "reporting to you."
        ),
        "common_gaps": (
            "- Managing managers as if they were individual contributors, going around them to "
            "reach their teams.\n"
            "- Holding too much context personally instead of building systems that share it.\n"
            "- Neglecting org design and letting team boundaries drift away from the actual "
            "work.\n"
            "- Optimising their own area at the expense of neighbouring teams.\n"
            "- Losing touch with the technical reality of the systems they are accountable for."
        ),
    },
    {
        "slug": "director",
        "track": "em",
        "rank": 8,
        "name": "Director of Engineering",
        "short_name": "Director",
        "person_noun": "Engineering director",
        "tagline": (
            "Leading an engineering organisation and connecting its work to the company's strategy."
        ),
        "summary": (
            "A director of engineering leads an organisation of several teams, usually through a "
            "layer of managers, and is accountable for both what it delivers and how healthy it "
            "is. Planning happens in half-years and years, and budget, headcount and org "
            "structure become the main tools of the job.\n\n"
            "Directors spend much of their time outside their own organisation, with peer "
            "directors, product and business leaders, and executives. The work is to turn company "
            "strategy into an engineering plan, build a leadership team that can carry it out, "
            "and keep the organisation a place where people want to work."
        ),
        "expectations": {
            "impact": (
                "The organisation meets its annual goals, and those goals are clearly linked to "
                "company strategy. Makes the major investment calls: which initiatives get people "
                "and which are stopped. Evidence includes business results from the organisation, "
                "predictable delivery and healthy retention."
            ),
            "teamwork": (
                "Hires, develops and holds accountable a leadership team of managers and senior "
                "individual contributors. Builds a culture of clear feedback, fair calibration "
                "and psychological safety across the organisation. Works with executives and peer "
                "directors as a trusted partner, including when they disagree."
            ),
            "technical-skills": (
                "Keeps enough technical depth to judge architecture strategy, major vendor "
                "decisions and engineering risk across the organisation. Partners with principal "
                "and staff engineers on long-term technical direction. Understands the cost, "
                "security and reliability implications of the systems the organisation runs."
            ),
            "leadership-ownership": (
                "Owns the organisation's strategy, structure, budget and headcount. Makes hard "
                "calls, including reorganisations, cancelled projects and replacing leaders who "
                "are not working out, and explains the reasoning openly. Represents engineering "
                "in company planning and is accountable for its results."
            ),
        },
        "next_level": (
            "Director is the top of this ladder. Further growth, whether toward a VP role or "
            "deeper in the same seat, comes from wider scope and a stronger organisation:\n\n"
            "- Develop managers who could take over your organisation, and give them real "
            "exposure to leadership forums.\n"
            "- Take on a broader remit, such as another organisation, a platform function or a "
            "company-wide program.\n"
            "- Build business fluency in finance, pricing and go-to-market, and in how "
            "engineering spend turns into revenue.\n"
            "- Put practices in place that outlast you, such as career frameworks, planning "
            "processes and a healthy incident culture.\n"
            "- Find peers and mentors outside the company who run larger organisations, and learn "
            "from their mistakes."
        ),
        "common_gaps": (
            "- Staying in operational detail that managers should own, leaving no time for "
            "strategy.\n"
            "- A strategy that is clear to the director but not understood two levels down.\n"
            "- Slow decisions about leaders who are not working out.\n"
            "- Treating budget and headcount as finance's concern rather than a tool of the job.\n"
            "- Weak relationships with peer functions, so engineering learns about priorities "
            "late."
        ),
    },
]


# Subject topics that sit alongside the level topics, in display order.
SUBJECT_TOPICS: Final[list[SubjectTopic]] = [
    {
        "slug": "performance-reviews",
        "name": "Performance Reviews",
        "tagline": "Writing self-reviews, reading ratings, and turning feedback into a plan.",
        "description": (
            "How review cycles actually work: self-assessments, peer feedback, calibration "
            "meetings, and what a rating does and does not say about you. Share how your company "
            "runs its process, ask how to frame a difficult year, or compare notes on turning a "
            "review into goals for the next cycle."
        ),
    },
    {
        "slug": "promotions",
        "name": "Promotions",
        "tagline": "Building the case for the next level with evidence, sponsors and good timing.",
        "description": (
            "A promotion rarely hinges on one big project. It usually comes from showing the next "
            "level's expectations consistently over time. Talk through promotion packets, "
            "conversations with your manager, what committees look for, and what to do after "
            'hearing "not yet".'
        ),
    },
    {
        "slug": "interviewing",
        "name": "Interviewing",
        "tagline": (
            "Preparing for coding, system design and behavioural rounds, and interviewing others "
            "well."
        ),
        "description": (
            "Preparation for every stage of the loop, from the recruiter screen to the offer "
            "call, plus the other side of the table: writing good questions, running structured "
            "interviews and giving fair written feedback. Questions about level calibration and "
            "negotiation belong here too."
        ),
    },
    {
        "slug": "ml-system-design",
        "name": "ML System Design",
        "tagline": (
            "Designing ML-backed systems: data, training, serving, evaluation and monitoring."
        ),
        "description": (
            "ML system design differs from classic system design because the hard parts are "
            "usually data quality, feature pipelines, offline versus online evaluation, inference "
            "latency and catching drift after launch. Discuss interview preparation and real "
            "production designs, from ranking and recommendations to features built on large "
            "language models."
        ),
    },
    {
        "slug": "leadership-ownership",
        "name": "Leadership & Ownership",
        "tagline": "Taking responsibility beyond your tickets, with or without a title.",
        "description": (
            "Ownership is how most engineers begin to lead: driving a project to done, raising "
            "risks early, running an incident or mentoring a teammate. Discuss building influence "
            "without authority, saying no well, and how leadership looks different at each level "
            "and on each track."
        ),
    },
    {
        "slug": "technical-skills",
        "name": "Technical Skills",
        "tagline": (
            "Deepening your craft: design, debugging, code quality, testing and operations."
        ),
        "description": (
            "The engineering skills underneath every level, from writing a clear design doc to "
            "reading a flame graph. Ask how to improve a specific skill, share learning paths "
            "that worked for you, and discuss which skills matter most as your scope grows."
        ),
    },
    {
        "slug": "working-across-languages",
        "name": "Working across languages",
        "tagline": "Growing your career when work happens in a language you read more slowly.",
        "description": (
            "For engineers at multinational companies whose design docs, reviews and meetings run "
            "in a language that is not their strongest. Share tactics for keeping up with long "
            "threads, writing short and clear updates, speaking up in fast meetings, and making "
            "sure your impact is visible even when your words come slower than your ideas."
        ),
    },
]


# Common performance rating scales. Each choice is (code, label, common_value), best
# first; common_value places the choice on a shared 1..5 scale (5 is best) so ratings
# from different companies can be compared.
RATING_SCALES: Final[list[RatingScale]] = [
    {
        "slug": "e-m-i",
        "name": "E / M+ / M / M- / I",
        "choices": [
            ("E", "Exceeds", 5),
            ("M+", "Meets+", 4),
            ("M", "Meets", 3),
            ("M-", "Meets-", 2),
            ("I", "Improvement needed", 1),
        ],
    },
    {
        "slug": "exceeds-meets-below",
        "name": "Exceeds / Meets / Below",
        "choices": [
            ("Exceeds", "Exceeds expectations", 5),
            ("Meets", "Meets expectations", 3),
            ("Below", "Below expectations", 1),
        ],
    },
    {
        "slug": "exceeds-meets-partially-below",
        "name": "Exceeds / Meets / Partially meets / Below",
        "choices": [
            ("Exceeds", "Exceeds expectations", 5),
            ("Meets", "Meets expectations", 3),
            ("Partially", "Partially meets expectations", 2),
            ("Below", "Below expectations", 1),
        ],
    },
    {
        "slug": "one-to-five",
        "name": "1–5",
        "choices": [
            ("5", "5 — outstanding", 5),
            ("4", "4 — strong", 4),
            ("3", "3 — solid", 3),
            ("2", "2 — partially meeting", 2),
            ("1", "1 — not meeting", 1),
        ],
    },
]
