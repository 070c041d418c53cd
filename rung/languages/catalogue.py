"""Checks that keep the interface translatable: coverage, freshness and unmarked strings.

Rung's own strings live in one gettext catalogue per language under `rung/locale`
(settings.LOCALE_PATHS); an app may keep its own `rung/<app>/locale`, which these checks
read too. Three questions are answered here, by `manage.py i18n_check` and by tests:

- is every entry of the Simplified Chinese catalogue translated, with the same
  placeholders as the English (`catalogue_problems`)?
- is the catalogue up to date, or does the source hold a string it lacks (`missing_msgids`)?
- does any template show text that is not marked for translation (`unmarked_strings`)?
"""

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import chdir
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.utils import find_command
from django.template.base import DebugLexer, TokenType
from django.test.utils import override_settings

from rung.core.languages import HAN

LOCALE = "zh_Hans"
DOMAIN = "django"
PROJECT_DIR = Path(settings.BASE_DIR)
SOURCE_DIR = PROJECT_DIR / "rung"

# What makemessages must not read: installed packages, data, benchmarks, docs and tests
# (no member ever sees a test's strings). Patterns match a directory's own name.
IGNORE_PATTERNS = [
    ".venv",
    "var",
    "test-output",
    "bench",
    "node_modules",
    "docs",
    "tests",
    "migrations",
    "static",
    "*.egg-info",
]
# Locations without line numbers keep a catalogue's diff to the strings that changed.
MAKEMESSAGES_OPTIONS: dict[str, object] = {
    "locale": [LOCALE],
    "domain": DOMAIN,
    "ignore_patterns": IGNORE_PATTERNS,
    "add_location": "file",
    "no_wrap": True,
    "no_obsolete": True,
    "verbosity": 0,
}

# Words a template may show untranslated. Each needs a reason.
ALLOWED_WORDS = frozenset(
    {
        "Rung",  # the product's name is a brand, the same in every language
        "English",  # languages are offered under their own names, so a reader who cannot
        "中文",  # read the current interface still finds theirs (rung/core/languages.py)
    }
)


# --- (a) coverage and placeholders -------------------------------------------------------


def catalogue_paths(locale: str = LOCALE) -> list[Path]:
    """Return every project .po file for `locale`: LOCALE_PATHS first, then app catalogues."""
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += sorted(p for p in SOURCE_DIR.glob("*/locale") if p.is_dir())
    paths = [root / locale / "LC_MESSAGES" / f"{DOMAIN}.po" for root in roots]
    return [path for path in dict.fromkeys(paths) if path.exists()]


@dataclass(frozen=True)
class Coverage:
    path: Path
    translated: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _entries(po: polib.POFile) -> Iterator[polib.POEntry]:
    # The header is the entry with an empty msgid; obsolete entries are not in use.
    return (entry for entry in po if entry.msgid and not entry.obsolete)


def _is_translated(entry: polib.POEntry) -> bool:
    if entry.fuzzy:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def coverage(path: Path) -> Coverage:
    """Count the translated (non-empty, not fuzzy) entries of one catalogue."""
    entries = list(_entries(polib.pofile(str(path))))
    return Coverage(path, sum(1 for e in entries if _is_translated(e)), len(entries))


_PLACEHOLDER = re.compile(
    r"%%"  # a literal percent sign, not a placeholder
    r"|%\((?P<named>\w+)\)[#0 +-]*\d*(?:\.\d+)?[sdiurfFeEgGxXoc]"
    r"|%(?P<positional>[#0 +-]*\d*(?:\.\d+)?[sdiurfFeEgGxXoc])"
    r"|\{(?P<brace>\w*)(?:[!:][^{}]*)?\}"
)


def placeholders(text: str) -> Counter[str]:
    """Return the interpolation placeholders of a message: %(name)s, %s, %d and {name}."""
    found: Counter[str] = Counter()
    for match in _PLACEHOLDER.finditer(text):
        if match["named"] is not None:
            # A name may be used twice in one language and once in another: only its
            # presence matters. Positional ones must match in number.
            found[f"%({match['named']})s"] = 1
        elif match["brace"]:
            found[f"{{{match['brace']}}}"] = 1
        elif match["brace"] is not None:
            found["{}"] += 1
        elif match["positional"] is not None:
            found[f"%{match['positional'][-1]}"] += 1
    return found


def _placeholder_mismatch(source: str, translation: str) -> str | None:
    expected, got = placeholders(source), placeholders(translation)
    if expected == got:
        return None
    return f"expects {sorted(expected.elements())}, has {sorted(got.elements())}"


def _shown(path: Path) -> Path:
    return path.relative_to(PROJECT_DIR) if path.is_relative_to(PROJECT_DIR) else path


def catalogue_problems(path: Path) -> list[str]:
    """List the untranslated or fuzzy entries and the placeholder mismatches of a catalogue."""
    po = polib.pofile(str(path))
    problems = []
    shown = _shown(path)
    for entry in _entries(po):
        label = repr(entry.msgid[:80]) + (f" (context {entry.msgctxt!r})" if entry.msgctxt else "")
        if not _is_translated(entry):
            problems.append(f"{shown}: {'fuzzy' if entry.fuzzy else 'untranslated'}: {label}")
            continue
        if entry.msgid_plural:
            # Chinese has one plural form, which stands for the English plural.
            single_form = len(entry.msgstr_plural) == 1
            pairs = [
                (entry.msgid if index == 0 and not single_form else entry.msgid_plural, text)
                for index, text in sorted(entry.msgstr_plural.items())
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            if mismatch := _placeholder_mismatch(source, text):
                problems.append(f"{shown}: placeholders differ in {label}: {mismatch}")
    return problems


# --- (b) freshness ------------------------------------------------------------------------


def gettext_available() -> bool:
    """Say whether the GNU gettext tools that makemessages and msgfmt run are installed."""
    return all(find_command(tool) for tool in ("xgettext", "msguniq", "msgmerge", "msgattrib"))


def _message_keys(po: polib.POFile) -> set[tuple[str, str, str]]:
    return {(e.msgctxt or "", e.msgid, e.msgid_plural or "") for e in _entries(po)}


def _copy_sources(source: Path, destination: Path) -> None:
    """Copy the files makemessages reads (.py, .html, .txt) under `source`, keeping paths."""
    skip = shutil.ignore_patterns("__pycache__", "locale", *IGNORE_PATTERNS)

    def ignore(directory: str, names: list[str]) -> set[str]:
        ignored = set(skip(directory, names))
        return ignored | {
            name
            for name in names
            if not Path(directory, name).is_dir()
            and Path(name).suffix not in {".py", ".html", ".txt"}
        }

    shutil.copytree(source, destination / "rung", ignore=ignore)


def fresh_catalogue(workdir: Path, source: Path = SOURCE_DIR) -> polib.POFile:
    """Run makemessages over a copy of `source` in `workdir` and return the new catalogue."""
    _copy_sources(source, workdir)
    locale_dir = workdir / "rung" / "locale"
    locale_dir.mkdir()
    # makemessages walks the current directory and writes into LOCALE_PATHS: both point
    # into the copy, so the committed catalogue is never touched.
    with chdir(workdir), override_settings(LOCALE_PATHS=[locale_dir]):
        call_command("makemessages", **MAKEMESSAGES_OPTIONS)
    merged = polib.POFile()
    for path in sorted(workdir.rglob(f"{LOCALE}/LC_MESSAGES/{DOMAIN}.po")):
        merged.extend(polib.pofile(str(path)))
    return merged


def missing_msgids(
    *, source: Path = SOURCE_DIR, catalogues: Iterable[Path] | None = None
) -> list[str]:
    """List strings in the source that no committed catalogue holds yet."""
    committed: set[tuple[str, str, str]] = set()
    for path in catalogue_paths() if catalogues is None else catalogues:
        committed |= _message_keys(polib.pofile(str(path)))
    with tempfile.TemporaryDirectory(prefix="rung-messages-") as workdir:
        fresh = _message_keys(fresh_catalogue(Path(workdir), source))
    return [
        repr(msgid) + (f" (context {context!r})" if context else "")
        for context, msgid, _plural in sorted(fresh - committed)
    ]


_CREATION_DATE = re.compile(r'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)


def catalogue_update() -> None:
    """Rewrite the project catalogues from the source and compile them (`make messages`)."""
    before = {path: path.read_text(encoding="utf-8") for path in catalogue_paths()}
    with chdir(PROJECT_DIR):
        call_command("makemessages", **MAKEMESSAGES_OPTIONS)
    for path, old in before.items():
        # makemessages stamps the time on every run; a catalogue whose strings did not
        # change keeps its old stamp, so it stays out of the diff.
        new = path.read_text(encoding="utf-8")
        if new != old and _CREATION_DATE.sub("", new) == _CREATION_DATE.sub("", old):
            path.write_text(old, encoding="utf-8")
    catalogue_compile()


def catalogue_compile() -> None:
    """Build the .mo files that Django reads from the committed .po files."""
    if find_command("msgfmt"):
        # msgfmt also checks that every python-format translation keeps its placeholders.
        with chdir(PROJECT_DIR):
            call_command(
                "compilemessages", locale=[LOCALE], ignore_patterns=IGNORE_PATTERNS, verbosity=0
            )
        return
    # Without GNU gettext (no root to install it), polib writes the same .mo files, so the
    # interface is still translated; only makemessages needs gettext.
    for path in catalogue_paths():
        polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))


# --- (c) unmarked template text -----------------------------------------------------------


@dataclass(frozen=True)
class UnmarkedString:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


# Template tags and variables become this private-use character: never a letter, and the
# lines they spanned are kept so positions still match the file.
_MARK = "\ue000"
_TRANSLATED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
_SKIPPED_BLOCKS = {"comment": "endcomment", **_TRANSLATED_BLOCKS}
_VISIBLE_ATTRIBUTES = {
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "alt",
    "label",
}
_BUTTON_INPUTS = {"submit", "button", "reset"}
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_HAN = re.compile(f"[{HAN}]")
# A string literal in a tag or variable, e.g. `with label="Save draft"` or `default:"None"`.
_LITERAL = re.compile(r"""(?<![\w.])_\(\s*(?:"[^"]*"|'[^']*')\s*\)|"([^"]*)"|'([^']*)'""")
# Tags whose literals name templates, addresses, files or libraries, never prose.
_NAME_TAGS = {"load", "url", "static", "extends", "include", "block", "endblock", "now"}


def _visible_words(text: str) -> list[str]:
    """Return the words of `text` a reader would see, less URLs and allowed names."""
    text = _URL.sub(" ", text.replace(_MARK, " "))
    return [
        word
        for word in _LETTERS.findall(text)
        if word not in ALLOWED_WORDS and (len(word) > 1 or _HAN.search(word))
    ]


def _prose_literal(text: str) -> bool:
    # Literals such as "answer", "Y-m-d" or "qa/_field.html" are code; two or more words,
    # or any Chinese, are prose someone will read.
    words = _visible_words(text)
    return (len(words) >= 2 and " " in text.strip()) or any(_HAN.search(w) for w in words)


def _tag_literals(token_type: TokenType, contents: str) -> Iterator[str]:
    """Yield the prose string literals of a tag or variable that no `_()` marks."""
    bits = contents.split(None, 1)
    if token_type == TokenType.BLOCK and (
        not bits or bits[0] in _NAME_TAGS or bits[0] in {"translate", "trans"}
    ):
        if bits and bits[0] == "include" and " with " in contents:
            contents = contents.split(" with ", 1)[1]
        else:
            return
    for match in _LITERAL.finditer(contents):
        text = match[1] if match[1] is not None else match[2]
        if text is None:
            continue
        # Any word given to these filters is shown as it is: `default:_("none")` marks it.
        shown_as_is = token_type == TokenType.VAR and re.search(
            r"\|(?:default|default_if_none|yesno):$", contents[: match.start()]
        )
        if _prose_literal(text) or (shown_as_is and _visible_words(text)):
            yield text


class _TextCollector(HTMLParser):
    """Collect the visible text and visible attribute values of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._hidden_depth = 0

    def _check(self, text: str, line: int) -> None:
        if _visible_words(text):
            # Report the line of the first word, not of the whitespace before it.
            first = _LETTERS.search(_URL.sub(" ", text.replace(_MARK, " ")))
            offset = text[: first.start()].count("\n") if first else 0
            self.found.append((line + offset, " ".join(text.replace(_MARK, "…").split())))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._hidden_depth += 1
        values = dict(attrs)
        line = self.getpos()[0]
        for name, value in attrs:
            if value and (
                name in _VISIBLE_ATTRIBUTES
                or (name == "value" and tag == "input" and values.get("type") in _BUTTON_INPUTS)
                or (name == "content" and tag == "meta" and values.get("name") == "description")
            ):
                self._check(value, line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self._hidden_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._check(data, self.getpos()[0])


def unmarked_strings_in(source: str) -> list[tuple[int, str]]:
    """Return (line, text) for every piece of template text not marked for translation."""
    tokens = DebugLexer(source).tokenize()
    found: list[tuple[int, str]] = []
    masked: list[str] = []
    closing: str | None = None
    for token in tokens:
        assert token.position is not None
        start, end = token.position
        raw = source[start:end]
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split(None, 1)[0] if token.contents.strip() else ""
            if closing is None and name in _SKIPPED_BLOCKS:
                closing = _SKIPPED_BLOCKS[name]
            elif name == closing:
                closing = None
        if token.token_type == TokenType.TEXT and closing is None:
            masked.append(raw)
            continue
        if token.token_type in (TokenType.BLOCK, TokenType.VAR) and closing is None:
            line = token.lineno or 1
            found.extend((line, text) for text in _tag_literals(token.token_type, token.contents))
        masked.append(_MARK + "\n" * raw.count("\n"))
    collector = _TextCollector()
    collector.feed("".join(masked))
    collector.close()
    return sorted(found + collector.found)


def template_files(root: Path = SOURCE_DIR) -> Iterable[Path]:
    """Yield every template file under a `templates` directory below `root`."""
    for directory in sorted(root.rglob("templates")):
        if directory.is_dir():
            yield from sorted(
                p for p in directory.rglob("*") if p.suffix in {".html", ".txt"} and p.is_file()
            )


def unmarked_strings(root: Path = SOURCE_DIR) -> list[UnmarkedString]:
    """Return the template text under `root` that escapes translation."""
    return [
        UnmarkedString(_shown(path), line, text)
        for path in template_files(root)
        for line, text in unmarked_strings_in(path.read_text(encoding="utf-8"))
    ]
