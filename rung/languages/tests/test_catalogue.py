"""The translation catalogues: complete, up to date, and no template text left unmarked."""

import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from django.core.management import CommandError, call_command

from rung.languages import catalogue

IN_CI = os.environ.get("CI") == "true"


@pytest.fixture
def gettext() -> None:
    """Skip without GNU gettext, except in CI where it must be installed (`make setup`)."""
    if not catalogue.gettext_available():
        if IN_CI:
            pytest.fail("GNU gettext (xgettext, msgmerge, msgfmt) is required in CI")
        pytest.skip("GNU gettext is not installed: `sudo apt-get install gettext`")


def _project_catalogue() -> Path:
    paths = catalogue.catalogue_paths()
    assert paths, "no zh_Hans catalogue: run `make messages`"
    return paths[0]


# --- the committed catalogue --------------------------------------------------------------


def test_zh_hans_catalogue_is_fully_translated() -> None:
    """Every entry has a non-fuzzy Chinese translation with the English placeholders.

    This fails until the whole catalogue is translated, which is done last, in one pass.
    `manage.py i18n_check` shows the coverage.
    """
    problems = [
        p for path in catalogue.catalogue_paths() for p in catalogue.catalogue_problems(path)
    ]
    shown = "\n".join(problems[:40])
    assert not problems, f"{len(problems)} catalogue problem(s), the first ones:\n{shown}"


def test_catalogues_hold_every_string_in_the_source(gettext: None) -> None:
    """A new string cannot slip in untranslated: `make messages` must have collected it."""
    missing = catalogue.missing_msgids()
    assert not missing, "run `make messages`; not in the catalogue:\n" + "\n".join(missing)


def test_no_template_string_escapes_translation() -> None:
    unmarked = catalogue.unmarked_strings()
    assert not unmarked, "mark these for translation:\n" + "\n".join(map(str, unmarked))


def test_templates_are_found_in_every_app() -> None:
    found = {path.parts[len(catalogue.SOURCE_DIR.parts)] for path in catalogue.template_files()}
    assert {"templates", "qa", "accounts", "growth", "search", "languages"} <= found


def test_catalogue_is_for_simplified_chinese_with_one_plural_form() -> None:
    po = polib.pofile(str(_project_catalogue()))
    assert po.metadata["Language"] == "zh_Hans"
    assert po.metadata["Plural-Forms"].startswith("nplurals=1;")
    # msgfmt ignores a fuzzy header, and with it the plural rule.
    assert not po.metadata_is_fuzzy


def test_compiled_catalogue_is_built_and_current() -> None:
    """Django reads the .mo file, which `make setup` builds from the .po file."""
    po_path = _project_catalogue()
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run `make setup` (or `manage.py i18n_messages --compile-only`)"
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo_path))
    }
    source = {
        (e.msgctxt, e.msgid): e.msgstr or {int(k): v for k, v in e.msgstr_plural.items()}
        for e in polib.pofile(str(po_path)).translated_entries()
    }
    compiled.pop((None, ""), None)
    assert {k: v if isinstance(v, str) else dict(v) for k, v in compiled.items()} == source, (
        "the .mo file is stale: run `make setup`"
    )


def test_switcher_and_profile_strings_are_in_the_catalogue() -> None:
    msgids = {entry.msgid for entry in polib.pofile(str(_project_catalogue()))}
    assert {"Interface language", "Follow my browser", "Unknown language"} <= msgids


# --- (a) coverage and placeholders ----------------------------------------------------------


def _po(tmp_path: Path, entries: list[polib.POEntry]) -> Path:
    po = polib.POFile()
    po.metadata = {"Language": "zh_Hans", "Plural-Forms": "nplurals=1; plural=0;"}
    po.extend(entries)
    path = tmp_path / "django.po"
    po.save(str(path))
    return path


def test_coverage_counts_translated_entries_only(tmp_path: Path) -> None:
    fuzzy = polib.POEntry(msgid="Draft", msgstr="草稿", flags=["fuzzy"])
    obsolete = polib.POEntry(msgid="Gone", msgstr="", obsolete=True)
    path = _po(
        tmp_path,
        [
            polib.POEntry(msgid="Save", msgstr="保存"),
            polib.POEntry(msgid="Cancel", msgstr=""),
            fuzzy,
            obsolete,
            polib.POEntry(msgid="%(n)s like", msgid_plural="%(n)s likes", msgstr_plural={0: ""}),
        ],
    )
    cover = catalogue.coverage(path)
    assert (cover.translated, cover.total) == (1, 4)
    assert cover.percent == 25.0


def test_problems_name_untranslated_and_fuzzy_entries(tmp_path: Path) -> None:
    path = _po(
        tmp_path,
        [
            polib.POEntry(msgid="Save", msgstr="保存"),
            polib.POEntry(msgid="Cancel", msgstr=""),
            polib.POEntry(msgid="Draft", msgstr="草稿", flags=["fuzzy"]),
            polib.POEntry(msgid="Open", msgctxt="door", msgstr=""),
        ],
    )
    problems = "\n".join(catalogue.catalogue_problems(path))
    assert "untranslated: 'Cancel'" in problems and "fuzzy: 'Draft'" in problems
    assert "'Open' (context 'door')" in problems and "Save" not in problems


@pytest.mark.parametrize(
    ("msgid", "msgstr", "ok"),
    [
        ("%(name)s asked", "%(name)s 提问了", True),
        ("%(name)s asked %(when)s", "%(when)s，%(name)s 提问了", True),
        ("%(name)s asked", "%(who)s 提问了", False),
        ("%(name)s asked", "有人提问了", False),
        ("%s of %s", "%s / %s", True),
        ("%s of %s", "%s", False),
        ("%d answers", "%s 个回答", False),
        ("{count} answers", "{count} 个回答", True),
        ("{count} answers", "{n} 个回答", False),
        ("100%% sure", "百分之百确定", True),
        ("Plain text", "纯文本", True),
        ("Plain text", "纯文本 %(oops)s", False),
    ],
)
def test_placeholders_must_match(tmp_path: Path, msgid: str, msgstr: str, ok: bool) -> None:
    problems = catalogue.catalogue_problems(
        _po(tmp_path, [polib.POEntry(msgid=msgid, msgstr=msgstr)])
    )
    assert (not problems) == ok, problems


@pytest.mark.parametrize(
    ("msgid", "plural", "msgstr", "ok"),
    [
        ("%(n)s answer", "%(n)s answers", "%(n)s 个回答", True),
        ("One answer", "%(n)s answers", "%(n)s 个回答", True),
        ("%(n)s answer", "%(n)s answers", "一些回答", False),
        ("%(n)s answer", "%(n)s answers", "", False),
    ],
)
def test_plural_entries_compare_chinese_with_the_english_plural(
    tmp_path: Path, msgid: str, plural: str, msgstr: str, ok: bool
) -> None:
    entry = polib.POEntry(msgid=msgid, msgid_plural=plural, msgstr_plural={0: msgstr})
    problems = catalogue.catalogue_problems(_po(tmp_path, [entry]))
    assert (not problems) == ok, problems


def test_placeholders_of_a_message() -> None:
    assert catalogue.placeholders("%(a)s and %(a)s, %s, %d, {b}, {}, {c:>3}, 5%%") == Counter(
        {"%(a)s": 1, "%s": 1, "%d": 1, "{b}": 1, "{}": 1, "{c}": 1}
    )


# --- (b) freshness ----------------------------------------------------------------------------


def test_missing_msgids_finds_strings_that_the_catalogue_lacks(
    tmp_path: Path, gettext: None
) -> None:
    source = tmp_path / "src"
    (source / "app" / "templates" / "app").mkdir(parents=True)
    (source / "app" / "templates" / "app" / "page.html").write_text(
        '{% load i18n %}<p>{% translate "Known words" %}</p>'
        '<p>{% translate "Brand new words" %}</p>'
    )
    (source / "app" / "views.py").write_text(
        "from django.utils.translation import gettext as _, pgettext\n"
        'A = _("New in Python")\nB = pgettext("menu", "Open")\n'
    )
    (source / "app" / "tests").mkdir()
    (source / "app" / "tests" / "test_x.py").write_text(
        'from django.utils.translation import gettext as _\n_("Test only")\n'
    )
    committed = _po(tmp_path, [polib.POEntry(msgid="Known words", msgstr="")])

    cwd = Path.cwd()

    missing = catalogue.missing_msgids(source=source, catalogues=[committed])

    assert missing == ["'Brand new words'", "'New in Python'", "'Open' (context 'menu')"]
    assert Path.cwd() == cwd


def test_refreshing_the_catalogue_leaves_the_committed_file_alone(
    tmp_path: Path, gettext: None
) -> None:
    path = _project_catalogue()
    before = path.read_bytes()
    catalogue.fresh_catalogue(tmp_path)
    assert path.read_bytes() == before


# --- (c) unmarked template text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello there</p>", [(1, "Hello there")]),
        ("<p>{{ count }} answers</p>", [(1, "… answers")]),
        (
            '\n\n<a title="Open the menu" href="/">{% translate "Menu" %}</a>',
            [(3, "Open the menu")],
        ),
        ('<input placeholder="Search here">', [(1, "Search here")]),
        ('<img src="x.png" alt="A chart">', [(1, "A chart")]),
        ('<nav aria-label="Main menu"></nav>', [(1, "Main menu")]),
        ('<input type="submit" value="Send it">', [(1, "Send it")]),
        ("<p>\n  未翻译的文字\n</p>", [(2, "未翻译的文字")]),
        ('{{ value|default:"Nothing yet" }}', [(1, "Nothing yet")]),
        ('{{ value|default:"none" }}', [(1, "none")]),
        ('{% include "x.html" with label="Save the draft" %}', [(1, "Save the draft")]),
    ],
)
def test_unmarked_text_is_found(source: str, expected: list[tuple[int, str]]) -> None:
    assert catalogue.unmarked_strings_in(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        '{% load i18n %}<p>{% translate "Hello there" %}</p>',
        "<p>{% blocktranslate with n=count %}{{ n }} answers{% endblocktranslate %}</p>",
        "{% blocktrans count n=x %}One thing{% plural %}{{ n }} things{% endblocktrans %}",
        '{% load i18n %}<a title="{% translate "Open the menu" %}" href="/x">{{ name }}</a>',
        "<script>const greeting = 'hello world';</script>",
        "<style>.note::after { content: 'see also'; }</style>",
        "<!-- a note for developers -->",
        "{# a template comment #}",
        "{% comment %}Not shown to anyone{% endcomment %}",
        "<p>{{ question.title }} · {{ count|intcomma }} · 42 &middot; 3.5%</p>",
        "<p>https://example.com/some/path mailto:someone@example.com</p>",
        '<a class="brand" href="/">Rung</a> · <button>English</button><button>中文</button>',
        '<div class="card wide" data-kind="answer" hx-get="/x" hx-target="#main"></div>',
        '{{ value|date:"DATE_FORMAT" }} {{ value|date:"Y-m-d" }} {{ value|default:"—" }}',
        '{% include "qa/_field.html" with kind="answer" %} {% url "qa:ask" %}',
        '{{ v|yesno:_("yes,no") }} {% include "x.html" with label=_("Save the draft") %}',
        '<input type="text" value="prefilled">',
        "<p>x</p>",
    ],
)
def test_marked_or_invisible_text_passes(source: str) -> None:
    assert catalogue.unmarked_strings_in(source) == []


def test_unmarked_strings_report_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "app" / "templates").mkdir(parents=True)
    (tmp_path / "app" / "templates" / "page.html").write_text(
        "{% load i18n %}\n<h1>{% translate 'Title' %}</h1>\n<p>Forgot this</p>\n"
    )
    (tmp_path / "app" / "templates" / "mail.txt").write_text("Hello {{ name }}\n")
    (tmp_path / "app" / "other.html").write_text("<p>Not a template folder</p>")
    found = [str(s) for s in catalogue.unmarked_strings(tmp_path)]
    assert found == [
        f"{tmp_path}/app/templates/mail.txt:1: Hello …",
        f"{tmp_path}/app/templates/page.html:3: Forgot this",
    ]


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def fake_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the checks at one small catalogue, a clean source and a fully marked template."""
    path = _po(tmp_path, [polib.POEntry(msgid="Save", msgstr="保存")])
    monkeypatch.setattr(catalogue, "PROJECT_DIR", tmp_path)
    monkeypatch.setattr(catalogue, "catalogue_paths", lambda locale=catalogue.LOCALE: [path])
    monkeypatch.setattr(catalogue, "missing_msgids", lambda **kwargs: [])
    monkeypatch.setattr(catalogue, "unmarked_strings", lambda root=None: [])
    yield path


def test_i18n_check_prints_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("i18n_check", "--coverage-only")
    out = capsys.readouterr().out
    assert "rung/locale/zh_Hans/LC_MESSAGES/django.po: " in out
    assert re.fullmatch(r"overall: \d+/\d+ translated \(\d+\.\d%\)", out.splitlines()[-1])


def test_i18n_check_passes_a_complete_catalogue(
    fake_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("i18n_check")
    out = capsys.readouterr().out
    assert "overall: 1/1 translated (100.0%)" in out
    assert "fully translatable and translated" in out


def test_i18n_check_fails_on_each_kind_of_problem(
    fake_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    po = polib.pofile(str(fake_project))
    po.append(polib.POEntry(msgid="Cancel", msgstr=""))
    po.save()
    monkeypatch.setattr(catalogue, "missing_msgids", lambda **kwargs: ["'Brand new'"])
    monkeypatch.setattr(
        catalogue,
        "unmarked_strings",
        lambda root=None: [catalogue.UnmarkedString(Path("a.html"), 3, "Forgot this")],
    )
    with pytest.raises(CommandError, match="problem"):
        call_command("i18n_check")
    out = capsys.readouterr().out
    assert "overall: 1/2 translated (50.0%)" in out
    assert "untranslated: 'Cancel'" in out
    assert "not marked for translation: a.html:3: Forgot this" in out
    if catalogue.gettext_available():
        assert "not in the catalogue (run `make messages`): 'Brand new'" in out
