"""Analysis versions: what produced a stored analysis, so that a store knows when it is stale.

A step's fingerprint hashes everything that decides its output: warta's version, the step
with its options, and the content of every file of its stage package (code, models, word
lists, calibration) plus the shared language data (``warta/lang``) and the Article record
(``warta/article.py``). The analysis version of a pipeline hashes the fingerprints of its steps.
A model file retrained, a word added to a list, a rule changed: the version changes, the
store's ``warta status`` counts the articles analysed by an older one as stale, and
``warta ingest`` / ``warta reanalyze`` analyse them again.

Fingerprints are computed once per process (hashing the packaged models takes a few tens of
milliseconds).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from warta.registry import StepRef, step_module, step_spec

__all__ = ["analysis_version", "describe_version", "step_fingerprint"]

_ROOT = Path(__file__).resolve().parent
# Shared by every step: the language data and the record they fill.
_SHARED = ("lang", "article.py", "offsets.py")


@cache
def _tree_hash(path: Path) -> str:
    """SHA-1 over the files under ``path`` (relative names and contents, sorted); caches and
    compiled files left out."""
    h = hashlib.sha1()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        if "__pycache__" in f.parts or f.suffix in (".pyc", ".pyo"):
            continue
        h.update(str(f.relative_to(_ROOT)).encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _package_dir(module: str) -> Path | None:
    """The folder of a step's stage package (``warta.stages.ner.step`` -> ``stages/ner``); the
    module file itself for a step outside warta's stages."""
    parts = module.split(".")
    if parts[:2] == ["warta", "stages"] and len(parts) >= 3:
        return _ROOT.joinpath(*parts[1:3])
    if parts[0] == "warta":
        f = _ROOT.joinpath(*parts[1:]).with_suffix(".py")
        return f if f.exists() else None
    return None


@cache
def step_fingerprint(step: StepRef) -> str:
    """A hash of what decides the output of ``step``: version, options, code and resources.

    Example:
        >>> step_fingerprint("warta.clean.v1") == step_fingerprint("warta.clean.v1")
        True
    """
    from warta import __version__

    spec = step_spec(step)
    h = hashlib.sha1(f"{__version__}\n{spec}\n".encode())
    folder = _package_dir(step_module(spec.key))
    h.update((_tree_hash(folder) if folder is not None else "external").encode())
    for shared in _SHARED:
        p = _ROOT / shared
        if p.exists():
            h.update(_tree_hash(p).encode())
    return h.hexdigest()[:16]


def analysis_version(steps: Sequence[StepRef]) -> str:
    """The analysis version of a pipeline: a short hash of its steps' fingerprints, in order."""
    joined = "\n".join(f"{step_spec(s)}={step_fingerprint(s)}" for s in steps)
    return hashlib.sha1(joined.encode()).hexdigest()[:16]


def describe_version(steps: Sequence[StepRef]) -> dict[str, Any]:
    """What an analysis version stands for: warta's version and each step's fingerprint."""
    from warta import __version__

    return {
        "version": analysis_version(steps),
        "warta": __version__,
        "steps": {str(step_spec(s)): step_fingerprint(s) for s in steps},
    }
