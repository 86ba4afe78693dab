"""Reading gold files (text, JSONL plain or gzip) with errors that name the file and line."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from warta.errors import EvaluationError

__all__ = ["gold_lines", "read_gold_jsonl", "read_gold_structs", "read_gold_text"]

T = TypeVar("T")


def read_gold_text(path: Path) -> str:
    """The whole text of a gold file.

    Raises:
        EvaluationError: the file is missing or cannot be read as UTF-8.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvaluationError("gold file not found", source=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read gold file: {exc}", source=str(path)) from exc


def read_gold_jsonl(path: Path, *, required: Sequence[str]) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line; each object must have ``required`` keys.

    Raises:
        EvaluationError: the file is missing, a line is not JSON, or a key is missing.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except FileNotFoundError as exc:
        raise EvaluationError("gold file not found", source=str(path)) from exc
    out: list[tuple[int, dict[str, Any]]] = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"line {i}: {exc.msg}", source=str(path)) from exc
        if not isinstance(doc, dict) or any(k not in doc for k in required):
            keys = " and ".join(f"'{k}'" for k in required)
            raise EvaluationError(f"line {i}: expected an object with {keys}", source=str(path))
        out.append((i, doc))
    return out


def read_gold_structs(path: str | Path, kind: type[T], *, what: str) -> list[T]:
    """Each non-blank line of a JSON Lines gold file decoded as ``kind`` (a msgspec Struct).

    Raises:
        EvaluationError: the file is missing, a line is not a ``what``, or there is none (W401).
    """
    p = Path(path)
    decoder = msgspec.json.Decoder(kind)
    out: list[T] = []
    for n, line in enumerate(read_gold_text(p).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(decoder.decode(line))
        except msgspec.DecodeError as exc:
            raise EvaluationError(f"line {n}: not a {what} ({exc})", source=str(p)) from exc
    if not out:
        raise EvaluationError(f"no {what}s in the file", source=str(p))
    return out


def gold_lines(items: Sequence[Any]) -> bytes:
    """``items`` (msgspec Structs) as JSON Lines, as gold files store them."""
    enc = msgspec.json.Encoder()
    return b"".join(enc.encode(item) + b"\n" for item in items)
