"""One exception tree, one code table: every code raised or recorded anywhere is in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import warta
import warta.web.errors
from warta.errors import CODES, WartaError

SRC = Path(warta.__file__).parent
_CODE = re.compile(r"W\d{3}")


def _subclasses(cls: type[WartaError]) -> list[type[WartaError]]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


def test_every_error_class_has_its_own_code_from_the_table() -> None:
    classes = [WartaError, *_subclasses(WartaError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), "two error classes share a code"
    for cls in classes:
        assert CODES.get(cls.code) == cls.__name__, (
            f"{cls.__name__} ({cls.code}) is not in warta.errors.CODES"
        )


def test_every_code_written_in_the_source_is_in_the_table() -> None:
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CODE.fullmatch(node.value):
                assert node.value in CODES, (
                    f"{path.relative_to(SRC)}:{node.lineno}: {node.value} is no code of the table"
                )


def test_codes_follow_the_layers() -> None:
    """W1xx input, W2xx pipeline and engines, W3xx models and resources, W4xx web, W5xx store."""
    from warta import errors

    groups = {
        "1": errors.InputError,
        "2": errors.PipelineError,
        "3": errors.ResourceError,
        "4": errors.WebError,
        "5": errors.StorageError,
    }
    for code, name in CODES.items():
        if code == "W000":
            continue
        cls = getattr(errors, name, None) or getattr(warta.web.errors, name)
        assert issubclass(cls, groups[code[1]]), f"{name} has {code} but is no {groups[code[1]].__name__}"


def test_every_error_class_is_exported() -> None:
    from warta import errors

    for cls in [WartaError, *_subclasses(WartaError)]:
        if cls.__module__ == "warta.errors":
            assert cls.__name__ in errors.__all__ and cls.__name__ in warta.__all__, cls.__name__
