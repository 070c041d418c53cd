"""Generated names and career-question text for the page benchmark's data build."""

import random
from collections.abc import Sequence

# Word banks and sentence templates, combined at random with a fixed seed.

FIRST_NAMES = (
    "Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro",
    "Isla", "Jonas", "Kavya", "Liam", "Mei", "Noah", "Priya", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Banerjee", "Chen", "Dubois", "Garcia", "Haddad", "Ito", "Kim",
    "Mensah", "Novak", "Okafor", "Patel", "Rossi", "Singh", "Tanaka", "Zhou",
)  # fmt: skip
ROLES = (
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Tech Lead",
    "Engineering Manager",
    "Principal Engineer",
    "SRE",
    "ML Engineer",
    "Frontend Engineer",
    "Data Engineer",
    "Director of Engineering",
)
COMPANIES = (
    "Acme",
    "Globex",
    "Initech",
    "Hooli",
    "Umbrella",
    "Pied Piper",
    "Stark Industries",
    "Wayne Enterprises",
    "Cyberdyne",
    "Aperture",
    "Tyrell",
    "Vandelay",
    "Soylent",
    "Wonka",
)
GOALS = (
    "ask for a promotion",
    "push back on scope creep",
    "switch teams without burning bridges",
    "negotiate a raise",
    "lead a cross-team project",
    "write design docs people actually read",
    "mentor a new hire",
    "prepare for a staff-level interview loop",
    "get visibility for platform work",
    "move into management",
    "move back to an IC role",
    "recover from a rough performance review",
    "show impact on an infrastructure team",
    "build a promotion packet",
    "say no to my skip-level",
)
SITUATIONS = (
    "keeps moving the goalposts",
    "says I lack scope",
    "never gives written feedback",
    "just left the company",
    "wants me to manage without the title",
    "rated me meets expectations again",
    "only notices shipped features",
    "asks me to cover two teams",
    "thinks I am too quiet in meetings",
    "compares me with people two levels up",
)
TITLE_TEMPLATES = (
    "How do I {goal} when my manager {situation}?",
    "Is it normal to want to {goal} after {years} years as a {role}?",
    "{role} at {company}: should I {goal} now or wait for the next cycle?",
    "What does the next level look like at {company} compared with {company2}?",
    "My last review said my manager {situation}. How do I {goal}?",
    "Best way to {goal} as a {role} on a small team?",
    "{years} years in and my manager {situation}: what would you do?",
    "Does it make sense to {goal} before changing companies?",
)
QUESTION_SENTENCES = (
    "I have been on the same team for a while and the work has become very predictable.",
    "My manager is supportive in one-on-ones but nothing changes when calibration comes.",
    "Last cycle I led the migration to the new billing service and it shipped on time.",
    "The feedback I got was that I need to show more scope beyond my immediate team.",
    "I am not sure whether the problem is my work or how I talk about it.",
    "Our org was reorganised twice this year and my skip-level changed both times.",
    "I mentor two juniors and run the team's on-call rotation, which nobody seems to count.",
    "Most of the promotions on my team went to people who worked on the flagship product.",
    "I would like to understand what good looks like before the next review window opens.",
    "I have written design docs for every project but few people comment on them.",
    "The company expects staff engineers to set direction, yet every roadmap is fixed upfront.",
    "I enjoy coding and I am worried that a lead role would take me away from it.",
    "Recruiters keep offering the next level elsewhere, which makes me wonder if I should go.",
    "My peers in other teams describe very different expectations for the same level.",
    "I track my wins in a document, but I do not know how to turn it into a packet.",
    "What would you do in my position, and what should I ask my manager this week?",
)
ANSWER_SENTENCES = (
    "I was in a very similar spot two years ago and what helped was writing things down.",
    "Ask your manager directly what evidence the committee would need to see.",
    "Scope usually means problems that cross team boundaries, not just bigger tickets.",
    "Pick one project that matters to your director and make its outcome measurable.",
    "Keep a brag document and share a short version with your manager every month.",
    "Calibration rewards clear stories, so practise explaining your impact in two sentences.",
    "Mentoring counts when you can show the people you helped grew their own scope.",
    "Changing companies is a valid way to get the level, but it resets your reputation.",
    "Find a sponsor outside your team who can speak to your work in the room.",
    "If the goalposts keep moving, ask for the criteria in writing and revisit them together.",
    "On-call work becomes visible when you turn incidents into fixes that stick.",
    "Management is a different job, so try leading a project before you decide.",
    "Your design docs get read when they answer a decision someone is about to make.",
    "I would give it one more cycle with an explicit plan and then reassess honestly.",
)


def make_title(rng: random.Random) -> str:
    template = rng.choice(TITLE_TEMPLATES)
    text = template.format(
        goal=rng.choice(GOALS),
        situation=rng.choice(SITUATIONS),
        role=rng.choice(ROLES),
        company=rng.choice(COMPANIES),
        company2=rng.choice(COMPANIES),
        years=rng.randint(1, 15),
    )
    return text[0].upper() + text[1:]


def make_paragraphs(rng: random.Random, bank: Sequence[str], sentences: int) -> list[str]:
    chosen = rng.choices(bank, k=sentences)
    split = max(1, sentences // 2) if sentences > 3 else sentences
    return [p for p in (" ".join(chosen[:split]), " ".join(chosen[split:])) if p]


def make_post_text(paragraphs: list[str]) -> tuple[str, str]:
    """Return (markdown body, rendered html) for plain paragraphs."""
    return "\n\n".join(paragraphs), "\n".join(f"<p>{p}</p>" for p in paragraphs)


def make_excerpt(paragraphs: list[str], length: int = 240) -> str:
    # Mirrors rung.core.markdown.excerpt for plain text without paying for a Markdown parse.
    plain = " ".join(paragraphs)
    if len(plain) <= length:
        return plain
    head = plain[: length - 1]
    if plain[length - 1] != " ":
        head = head[: head.rfind(" ")]
    return head.rstrip(" .,;:!?-") + "…"
