"""Layers point down: the import graph of ``warta`` has no cycles, and no layer imports one
above it (data flows io -> Article -> stages -> storage -> web; evaluation and training sit
above the stages and are used by the CLI only)."""

from __future__ import annotations

import ast
from pathlib import Path

import warta

SRC = Path(warta.__file__).parent

# A module of the first group never imports one of the second.
FORBIDDEN = {
    "warta.stages": (
        "warta.io",
        "warta.evaluation",
        "warta.training",
        "warta.storage",
        "warta.web",
        "warta.cli",
        "warta.engines",
        "warta.ingest",
        "warta.runner",
        "warta.bench",
    ),
    "warta.io": (
        "warta.stages",
        "warta.evaluation",
        "warta.training",
        "warta.storage",
        "warta.web",
        "warta.cli",
        "warta.engines",
    ),
    "warta.lang": (
        "warta.io",
        "warta.stages",
        "warta.evaluation",
        "warta.training",
        "warta.storage",
        "warta.web",
        "warta.cli",
    ),
    "warta.storage": ("warta.web", "warta.cli", "warta.evaluation", "warta.training"),
    "warta.evaluation": ("warta.training", "warta.storage", "warta.web", "warta.cli"),
    "warta.training": ("warta.storage", "warta.web", "warta.cli"),
    "warta.web": ("warta.cli", "warta.evaluation", "warta.training"),
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _graph() -> dict[str, set[str]]:
    """Module -> the warta modules it imports (at any level, in functions too), without the
    packages it sits in (Python imports those first anyway)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                deps.add(base)
                deps.update(f"{base}.{a.name}" for a in node.names)
        graph[name] = {d for d in deps if d in modules and d != name and not name.startswith(d + ".")}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    x = stack.pop()
                    on.discard(x)
                    comp.append(x)
                    if x == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_layers_point_down() -> None:
    bad = []
    for module, deps in sorted(_graph().items()):
        for layer, above in FORBIDDEN.items():
            if module == layer or module.startswith(layer + "."):
                bad += [
                    f"{module} -> {d}"
                    for d in sorted(deps)
                    if any(d == a or d.startswith(a + ".") for a in above)
                ]
    assert bad == []


def test_mypy_needs_no_torch() -> None:
    """PyTorch is optional (training only): no module imports it by name, so type checks
    pass with and without it installed."""
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n == "torch" or n.startswith("torch.") for n in names), path
