"""Time real requests carrying the most expensive member text we know of.

    .venv/bin/python bench/hostile.py [--only plan-export history ...] [--repeat 3]

Each case builds its worst input at the real field limit (30,000 characters for a post,
20,000 for a growth note, 100,000 for a self-review), then times the request that has to
handle it through Django's test client, in this process, on a throwaway SQLite database.
Figures are CPU milliseconds, best of `--repeat`, each next to the bare health view timed
in the same run, so "ratio" says how many bare requests one hostile request costs.
Run it against older code (a checkout of it, with this file copied in) for the "before".
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout this file sits in, not the installed one

POST_LIMIT = 30_000
GROWTH_LIMIT = 20_000
SELF_REVIEW_LIMIT = 100_000
# A request that takes longer than this is timed once: repeating it proves nothing more.
SLOW_SECONDS = 2.0
REPEAT_LIMIT = 5


def unclosed_formatting(length: int, tag: str = "b") -> str:
    """Return distinct unclosed formatting tags, then paragraphs that reopen every one."""
    head = "".join(f"<{tag} c={i}>" for i in range(length // 20))
    return head + "<p>x" * ((length - len(head)) // 4)


def repeated_lines(length: int) -> tuple[str, str]:
    """Return two bodies of one-character lines from 149 values, in different orders."""
    values = [chr(0x4E00 + i) for i in range(149)]
    lines = length // 2
    before = "\n".join(values[i % 149] for i in range(lines))
    after = "\n".join(values[(i * 3 + 1) % 149] for i in range(lines))
    return before, after


def cpu_ms(request: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        response = request()
        elapsed = time.process_time() - started
        status = getattr(response, "status_code", 200)
        assert status in (200, 302), f"status {status}"
        best = min(best, elapsed)
        if elapsed > SLOW_SECONDS:
            break
    return best * 1000


def setup_django(workdir: Path) -> None:
    os.environ["RUNG_VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "rung.settings"
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ["RUNG_RATE_LIMITS"] = "off"
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    # Pages are rendered without `collectstatic`, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)


def build_cases() -> dict[str, tuple[str, Callable[[], Any]]]:
    """Return (what, request) per case, each with its data already in the database."""
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from rung.growth.services import plans, worklog
    from rung.ladder.models import Axis
    from rung.qa import services
    from rung.qa.models import Topic
    from rung.testing import make_answer, make_member, make_question

    cases: dict[str, tuple[str, Callable[[], Any]]] = {}
    owner = make_member("hostile-owner")
    client = Client()
    client.force_login(owner)

    backslashes = "\\" * GROWTH_LIMIT
    plan = plans.plan_create(owner=owner, title="Backslashes", summary=backslashes)
    goal = plans.goal_create(
        plan=plan, axis=Axis.objects.first(), title="Goal", description=backslashes
    )
    for day in range(30):
        plans.checkin_create(goal=goal, date=datetime.date(2025, 4, day + 1), note=backslashes)
    cases["plan-export"] = (
        "plan .md, summary, goal and 30 check-ins of 20,000 \\",
        lambda: client.get(reverse("growth:plan_markdown", args=[plan.public_id])),
    )
    cases["plan-print"] = (
        "the same plan's print page",
        lambda: client.get(reverse("growth:plan_print", args=[plan.public_id])),
    )

    review = worklog.self_review_create(
        owner=owner,
        title="Review",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
    )
    worklog.self_review_update(
        review=review, title="Review", text=unclosed_formatting(SELF_REVIEW_LIMIT)
    )
    cases["self-review-print"] = (
        "self-review print, 100,000 chars of unclosed <b> then <p>",
        lambda: client.get(reverse("growth:self_review_print", args=[review.public_id])),
    )

    def answer_poster(body: str) -> Callable[[], Any]:
        # Each answer goes to a question of its own: re-indexing a question reads all of
        # its answers, which would charge each post for the ones before it.
        fresh = iter([make_question(owner) for _ in range(REPEAT_LIMIT)])
        return lambda: client.post(
            reverse("qa:answer_create", args=[next(fresh).pk]), {"body": body}
        )

    for name, what, tag in [
        ("answer-unclosed-b", "post an answer: unclosed <b c=i> then <p>x", "b"),
        ("answer-unclosed-em", "post an answer: unclosed <em c=i> then <p>x", "em"),
    ]:
        cases[name] = (what, answer_poster(unclosed_formatting(POST_LIMIT, tag)))
    cases["answer-backticks"] = (
        "post an answer: 'a' then 29,999 backticks (language detection)",
        answer_poster("a" + "`" * (POST_LIMIT - 1)),
    )
    cases["answer-lt"] = ("post an answer: 30,000 '<'", answer_poster("<" * POST_LIMIT))
    question = make_question(owner)
    em_answer = make_answer(question, owner, body=unclosed_formatting(POST_LIMIT, "em"))
    cases["question-page"] = (
        "question page holding the <em> answer, cache cleared",
        lambda: (cache.clear(), Client().get(question.get_absolute_url()))[1],
    )
    del em_answer

    before, after = repeated_lines(POST_LIMIT)
    edited = make_answer(question, owner, body=before)
    services.answer_edit(answer=edited, editor=owner, body=after)
    cases["history"] = (
        "answer history, 2 revisions of 15,000 lines from 149 values",
        lambda: Client().get(reverse("qa:answer_history", args=[edited.pk])),
    )

    phrase_words = 199
    body = "a " * ((POST_LIMIT - 1) // 2) + "b"
    topic = list(Topic.objects.filter(slug="mid-level"))
    for number in range(50):
        services.question_create(author=owner, title=f"Letters {number}", body=body, topics=topic)
    query = '"' + "a " * phrase_words + 'b"'
    cases["search-phrase"] = (
        "search a 200-word quoted phrase over 50 posts of 15,000 words",
        lambda: Client().get(reverse("search:search"), {"q": query}),
    )
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="case names to run (default: all)")
    parser.add_argument("--repeat", type=int, default=3, choices=range(1, REPEAT_LIMIT + 1))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rung-hostile-") as workdir:
        started = time.perf_counter()
        setup_django(Path(workdir))
        from django.test import Client

        cases = build_cases()
        print(f"built the hostile data in {time.perf_counter() - started:.0f} s", flush=True)
        bare_client = Client()
        for _ in range(50):  # warm the URL resolver, templates and middleware
            bare_client.get("/-/health")
        bare = cpu_ms(lambda: bare_client.get("/-/health"), 200)
        # The search model loads on first use; that is not the request's cost.
        Client().get("/search/", {"q": "warm up"})
        print(f"{'case':20} {'cpu ms':>10} {'ratio':>10}  what")
        print(f"{'bare':20} {bare:10.2f} {1:10.0f}  /-/health, best of 200")
        for name, (what, request) in cases.items():
            if args.only and name not in args.only:
                continue
            ms = cpu_ms(request, args.repeat)
            print(f"{name:20} {ms:10.1f} {ms / bare:10.0f}  {what}", flush=True)


if __name__ == "__main__":
    main()
