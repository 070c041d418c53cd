"""Post language detection: a table of real-looking posts, the shared detector, its memory."""

import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable

import pytest
from lingua import Language

from rung.languages.detection import (
    CHINESE,
    ENGLISH,
    MAX_DETECT_CHARS,
    detect_language,
    detector,
    prose,
)
from rung.testing import assert_linear_time

EN, ZH, NONE = ENGLISH, CHINESE, ""

CAREER_ENGLISH = [
    "How do I get from mid-level to senior engineer in the next review cycle?",
    "My manager says I need more impact, but my projects keep getting deprioritized.",
    "I got Impact E, Teamwork M+ and Technical Skills M in my last review. What should I change?",
    "Is it worth switching teams to get a promotion faster?",
    "What does a staff engineer actually do day to day?",
    "How do you write a design doc that senior people will read?",
    "I was passed over for promotion twice. Should I start interviewing?",
    "Tips for running my first on-call rotation as a tech lead",
    "How should I prepare for a system design interview at a big tech company?",
    "My skip-level wants me to own the roadmap for our data platform.",
    "Should an ML engineer learn more backend or more modelling to grow?",
    "How do I say no to a product manager without damaging the relationship?",
    "Moving from IC to engineering manager: what surprised you most?",
    "I keep getting feedback that I am too quiet in meetings.",
    "What evidence should go into a promotion packet?",
    "thanks, this helped a lot!",
    "Great answer. I did the same last year and it worked.",
    "E5 to E6 at Meta",
]

CAREER_CHINESE = [
    "如何从中级工程师晋升到高级工程师？",
    "我的经理说我的影响力不够，但我的项目总是被降低优先级。",
    "去年绩效拿了个 M，今年想冲一下晋升，应该怎么准备？",
    "跳槽和内部转岗，哪个对职业发展更好？",
    "技术专家和管理路线该怎么选？",
    "在大厂做了三年后端开发，感觉成长变慢了。",
    "怎么写一份让评审委员会认可的晋升材料？",
    "新人第一年最应该培养哪些习惯？",
    "被裁员之后，怎么调整心态重新找工作？",
    "团队里的资深同事不愿意分享知识，我该怎么办？",
    "谢谢分享，很有帮助！",
    "同意楼上的说法，我们公司也是这样。",
    "面试的时候被问到职业规划，应该怎么回答比较好？",
    "我觉得最重要的是主动承担责任，而不是等别人分配任务。",
]

MIXED = [
    # Chinese questions that borrow English terms: the Chinese carries them.
    ("Kubernetes 集群怎么扩容", ZH),
    ("如何从 mid-level 升到 senior？", ZH),
    ("我的 manager 说我 impact 不够", ZH),
    ("PR review 太慢怎么办", ZH),
    ("Staff engineer 需要什么能力", ZH),
    ("我们 team 用 Kubernetes, Terraform, ArgoCD, Prometheus, Grafana 做 deployment", ZH),
    ("Kubernetes HPA VPA cluster autoscaler node pool 怎么选", ZH),
    ("请问 senior engineer 和 staff engineer 的 scope 有什么 difference?", ZH),
    ("做 ML 工程师三年了，想转 EM", ZH),
    ("在 Meta 做 E5 两年了，怎么准备 E6 promo？", ZH),
    ("如何准备 system design 面试", ZH),
    ("我想问一下 performance review 的 calibration 是怎么做的", ZH),
    # English sentences that quote a Chinese word or name stay English.
    ("How do I handle 内卷 at work without burning out?", EN),
    ("I joined ByteDance (字节跳动) last year as a backend engineer and want more scope.", EN),
    ("What does 述职 mean, and how is it different from a performance review?", EN),
    ("My team writes docs in Chinese (中文) and I read them slowly. Any tips?", EN),
]

CODE_HEAVY = [
    (
        textwrap.dedent(
            """\
            为什么这个查询这么慢？

            ```python
            for user in User.objects.all():
                print(user.profile.company, user.questions.count())
            ```

            我应该怎么优化？
            """
        ),
        ZH,
    ),
    (
        "请看 `SELECT * FROM orders WHERE created_at > now() - interval '1 day'` 这条语句，"
        "面试官问我怎么加索引。",
        ZH,
    ),
    (
        "我整理了一份晋升材料模板：https://example.com/promotion-packet-template-for-engineers"
        "?utm_source=rung&lang=en ，欢迎大家提意见。",
        ZH,
    ),
    (
        textwrap.dedent(
            """\
            用这个脚本统计了我们组的 code review 时间：

                git log --since="3 months ago" --pretty=format:"%h %an %ad" --date=short
                awk '{print $2}' | sort | uniq -c | sort -rn

            结果发现大部分评审都集中在两个人身上。
            """
        ),
        ZH,
    ),
    (
        textwrap.dedent(
            """\
            I rewrote our retry helper and my lead called it over-engineered:

            ```go
            func retry(ctx context.Context, n int, f func() error) error {
                for i := 0; i < n; i++ { if err := f(); err == nil { return nil } }
                return errors.New("gave up")
            }
            ```

            Was I wrong to add it?
            """
        ),
        EN,
    ),
    ("See <a href='https://example.com'>我的博客</a> for the full story of my promotion.", EN),
]

EMOJI_AND_SHORT = [
    ("👍", NONE),
    ("🎉🎉🎉", NONE),
    ("+1", NONE),
    ("ok", NONE),
    ("好", NONE),
    ("", NONE),
    ("   \n\t ", NONE),
    ("12345 67890", NONE),
    ("```\nprint('hello world')\n```", NONE),
    ("https://example.com/a/very/long/link", NONE),
    ("赞 👍", NONE),
    ("谢谢", ZH),
    ("太棒了 🎉", ZH),
    ("LGTM 👍", EN),
    ("Congrats on the promotion! 🎉🚀", EN),
    ("恭喜升职！🎉🚀", ZH),
]

TABLE: list[tuple[str, str]] = [
    *((text, EN) for text in CAREER_ENGLISH),
    *((text, ZH) for text in CAREER_CHINESE),
    *MIXED,
    *CODE_HEAVY,
    *EMOJI_AND_SHORT,
]

LINGUA_CODES = {Language.ENGLISH: EN, Language.CHINESE: ZH, None: NONE}


def test_table_accuracy() -> None:
    """Every labelled post in the table gets its language; print the accuracy."""
    wrong = [(text, want, got) for text, want in TABLE if (got := detect_language(text)) != want]
    accuracy = 1 - len(wrong) / len(TABLE)
    print(f"\nlanguage detection: {len(TABLE)} posts, accuracy {accuracy:.1%}")
    for text, want, got in wrong:
        print(f"  wrong: {text[:60]!r} expected {want!r}, got {got!r}")
    assert len(TABLE) >= 60
    assert accuracy == 1.0


def test_table_covers_both_languages_and_every_kind() -> None:
    """The table is not lopsided: at least 30 career sentences, both languages well covered."""
    assert len(CAREER_ENGLISH) + len(CAREER_CHINESE) >= 30
    labels = [want for _text, want in TABLE]
    assert labels.count(EN) >= 20
    assert labels.count(ZH) >= 20
    assert labels.count(NONE) >= 8


def test_mixed_rule_fixes_what_lingua_alone_gets_wrong() -> None:
    """Lingua alone mislabels short Chinese posts full of English terms; the rule fixes them."""
    lingua_wrong = [
        text
        for text, want in MIXED
        if LINGUA_CODES[detector().detect_language_of(prose(text))] != want
    ]
    print(f"\nlingua alone mislabels {len(lingua_wrong)} of {len(MIXED)} mixed posts")
    assert lingua_wrong  # otherwise the extra rule would be dead weight
    assert all(detect_language(text) == ZH for text in lingua_wrong)


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("before\n```\nfenced code\n```\nafter", ["before", "after"]),
        ("before\n~~~js\nlet x\n~~~\nafter", ["before", "after"]),
        ("a `inline code` b", ["a", "b"]),
        ("a ``code with ` inside`` b", ["a", "b"]),
        ("go to https://example.com/x?y=1 now", ["go to", "now"]),
        ("go to www.example.com now", ["go to", "now"]),
        ("<b>bold</b>", ["bold"]),
        ("text\n\n    indented code\n    more\n\nafter", ["text", "after"]),
        ("```\nunclosed fence runs to the end", []),
        ("mail <me@example.com> or `a` and `b`", ["mail", "or", "and"]),
        ("a ` lone backtick and ``two``", ["a", "`", "lone", "backtick", "and"]),
    ],
)
def test_prose_sets_code_and_links_aside(text: str, stripped: list[str]) -> None:
    """Code blocks, inline code, URLs and tags are removed; the prose around them is kept."""
    assert prose(text).split() == " ".join(stripped).split()


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "a" + "`" * n,
        lambda n: "".join("e" + "`" * k for k in range(1, int((2 * n) ** 0.5))),
        lambda n: "<" * n,
        lambda n: "<" + "a@" * (n // 2),
        lambda n: "<a" * (n // 2),
    ],
    ids=["backtick-run", "unmatched-backtick-runs", "lt-run", "at-signs", "unclosed-tags"],
)
def test_setting_code_and_links_aside_costs_linear_time(make: Callable[[int], str]) -> None:
    """Each shape took over a second at the 20,000 characters sampled (growing as n²)."""
    assert_linear_time(prose, make, MAX_DETECT_CHARS * 2 // 8)


def test_long_text_is_sampled_not_rejected() -> None:
    """A post at the maximum length is still labelled, from its first part."""
    assert detect_language("我想知道怎么晋升。" * 5000) == ZH
    assert detect_language("How do I get promoted? " * 2000) == EN


def test_detector_is_built_once_and_shared_by_threads() -> None:
    """Threads asking at once all get the same detector."""
    seen: list[object] = []
    barrier = threading.Barrier(8)

    def ask() -> None:
        barrier.wait()
        seen.append(detector())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(d) for d in seen}) == 1
    assert seen[0] is detector()


MEMORY_PROBE = """
import gc, resource
def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("no /proc")
before = rss_mb()
from rung.languages.detection import detect_language
assert detect_language("我的 manager 说我 impact 不够，怎么办？") == "zh-hans"
assert detect_language("How do I show more impact at work?") == "en"
gc.collect()
print(rss_mb() - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
def test_detector_memory_stays_small() -> None:
    """Importing, building and using the two-language detector adds only a few megabytes."""
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE], capture_output=True, text=True, check=True
    )
    added = float(result.stdout.strip())
    print(f"\nRSS added by lingua (import, build, two detections): {added:.1f} MB")
    assert added < 40
