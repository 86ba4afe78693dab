"""The Indonesian language data lives in files: no word list in the stages' code, and no
list kept twice (``warta.lang.id`` holds the shared ones, a stage's ``resources/`` its own)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import warta
from warta.lang.id import function_words
from warta.stages.clean.resources import id_words

SRC = Path(warta.__file__).parent
MAX_IN_CODE = 5


def _string_collections(tree: ast.AST) -> Iterator[tuple[int, list[str]]]:
    """Literal collections of strings in a module: lists, tuples, sets, dict keys, and
    ``"a b c".split()``; ``__all__`` and ``Literal[...]`` are names, not words."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            skip.add(id(node.value))
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
        ):
            skip.add(id(node.slice))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        values: list[str] | None = None
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Dict):
            keys = [k for k in node.keys if k is not None]
            if keys and all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in keys):
                values = [k.value for k in keys if isinstance(k, ast.Constant)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            values = node.func.value.value.split()
        if values is not None and len(values) > MAX_IN_CODE:
            yield getattr(node, "lineno", 0), values


def test_no_word_list_in_the_code_of_the_stages() -> None:
    dictionary = id_words() | function_words()
    found = []
    for path in sorted((SRC / "stages").rglob("*.py")):
        for line, values in _string_collections(ast.parse(path.read_text(encoding="utf-8"))):
            words = [v for v in values if v.lower() in dictionary]
            if len(words) * 2 >= len(values):
                found.append(
                    f"{path.relative_to(SRC)}:{line}: {len(values)} entries ({', '.join(values[:4])} ...)"
                )
    assert found == [], "word lists belong in lang/id or the stage's resources/:\n" + "\n".join(found)


def _entries(path: Path) -> frozenset[str]:
    rows = (ln.split("\t", 1)[0].strip().lower() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(r for r in rows if r and not r.startswith("#"))


def test_no_list_is_kept_twice() -> None:
    files = sorted([*(SRC / "lang" / "id").glob("*.txt"), *(SRC / "stages").glob("*/resources/*.txt")])
    seen: dict[frozenset[str], Path] = {}
    twice = []
    for path in files:
        entries = _entries(path)
        if len(entries) <= MAX_IN_CODE:
            continue
        if entries in seen:
            twice.append(f"{seen[entries].relative_to(SRC)} == {path.relative_to(SRC)}")
        seen[entries] = path
    assert twice == []
