"""Every environment variable the settings read is in the README's Configuration table."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# The settings and the start-up step that prepares ./var before them.
SOURCES = [ROOT / "rung" / "settings.py", ROOT / "rung" / "embedded.py"]
READERS = {"env_bool", "env_list", "env_on"}


def _is_os_environ(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def variables_read(source: str) -> set[str]:
    """Return the names read through os.environ.get, os.environ[...] and the env_ readers."""
    names: set[str] = set()
    tree = ast.parse(source)
    # The readers themselves take the name as a parameter; their callers name it.
    readers = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in READERS]
    inside_readers = {id(node) for reader in readers for node in ast.walk(reader)}
    for node in ast.walk(tree):
        if id(node) in inside_readers:
            continue
        name: ast.expr | None = None
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            if isinstance(func, ast.Name) and func.id in READERS:
                name = node.args[0]
            elif isinstance(func, ast.Attribute) and func.attr == "get":
                name = node.args[0] if _is_os_environ(func.value) else None
        elif isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            name = node.slice
        if name is not None:
            assert isinstance(name, ast.Constant) and isinstance(name.value, str), (
                f"line {name.lineno}: read environment variables by literal name"
            )
            names.add(name.value)
    return names


def documented() -> set[str]:
    """Return the variable names in the first column of the README's Configuration table."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for cell in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", cell)}


def test_the_parser_finds_every_kind_of_read() -> None:
    source = (
        "import os\n"
        "def env_bool(name):\n    return os.environ.get(name)\n"
        'A = os.environ.get("ONE")\nB = os.environ["TWO"]\n'
        'C = env_bool("THREE")\nD = env_list("FOUR", "x")\nE = env_on("FIVE")\n'
        'os.environ.setdefault("NOT_READ", "1")\n'
    )
    assert variables_read(source) == {"ONE", "TWO", "THREE", "FOUR", "FIVE"}


def test_every_variable_the_settings_read_is_documented() -> None:
    read = set().union(*(variables_read(path.read_text()) for path in SOURCES))
    assert len(read) > 30, "the parser found the settings' variables"
    assert read - documented() == set(), "add these to README.md's Configuration table"


def test_every_documented_variable_is_read() -> None:
    read = set().union(*(variables_read(path.read_text()) for path in SOURCES))
    assert documented() - read == set(), "README.md documents variables nothing reads"
