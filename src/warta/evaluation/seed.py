"""Acceptance check of one hand-annotated article (``../shared/seed`` layout).

The annotation (``expected.json``) states what a correct analysis finds: the title,
boilerplate lines, repairs and non-repairs, citations, and (for later stages) entities,
quotes and time expressions. :func:`check_seed` scores the parts the current pipeline
produces and says which expectations failed. Text is compared after normalising quote
marks, whitespace and hyphens, as the annotation asks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from warta.api_analyze import analyze
from warta.article import Article
from warta.errors import EvaluationError

__all__ = ["check_seed", "prf"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "-": " "})


def _norm(s: str) -> str:
    return " ".join(s.translate(_QUOTES).split()).lower()


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts (an empty side scores 1.0 when both are empty)."""
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": n_gold}


def _load(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvaluationError("annotation file not found", source=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"not valid JSON: line {exc.lineno}: {exc.msg}", source=str(path)) from exc
    return data


def _check_repairs(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    made = [(c.kind, _norm(c.before), _norm(c.after)) for c in article.cleaning.repaired
            if c.kind in ("reduplication", "lost-character", "mojibake")]
    want = [(r["kind"], _norm(r["from"]), _norm(r["to"])) for r in gold.get("repairs", [])]
    # A repair matches an annotated one when either before/after text contains the other
    # (the annotation may quote a word of context: "Istana lysée" -> "Istana Élysée").
    def same(m: tuple[str, str, str], w: tuple[str, str, str]) -> bool:
        return m[0] == w[0] and (m[1] in w[1] or w[1] in m[1]) and (m[2] in w[2] or w[2] in m[2])

    tp = 0
    for w in want:
        if any(same(m, w) for m in made):
            tp += 1
        else:
            failures.append(f"repair missing: {w[0]} '{w[1]}' -> '{w[2]}'")
    wrong = [m for m in made if not any(same(m, w) for w in want)]
    failures.extend(f"unexpected repair: {k} '{b}' -> '{a}'" for k, b, a in wrong)
    return prf(tp, tp + len(wrong), len(want))


def _check_boilerplate(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    removed = [_norm(c.before) for c in article.cleaning.removed if c.rule != "title"]
    want = [_norm(b["text"]) for b in gold.get("boilerplate", [])]
    tp = sum(1 for w in want if any(w in r for r in removed))
    failures.extend(f"boilerplate kept: '{w}'" for w in want if not any(w in r for r in removed))
    extra = [r for r in removed if not any(w in r for w in want)]
    failures.extend(f"removed but not boilerplate: '{r[:60]}'" for r in extra)
    body = _norm(article.text)
    failures.extend(f"boilerplate still in text: '{w}'" for w in want if w in body)
    return prf(tp, tp + len(extra), len(want))


def _check_citations(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    flagged = [_norm(w.cue) for w in article.cleaning.warnings if w.kind == "dangling-citation"]
    want = [_norm(c["cue"]) for c in gold.get("citations", []) if c.get("source") is None]
    pool = list(flagged)
    tp = 0
    for w in want:
        if w in pool:
            pool.remove(w)
            tp += 1
        else:
            failures.append(f"dangling citation not flagged: '{w}'")
    failures.extend(f"citation flagged but not dangling: '{f}'" for f in pool)
    return prf(tp, len(flagged), len(want))


def _check_not_repairs(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    ok = 0
    items = gold.get("not_repairs", [])
    for item in items:
        if item["text"] in article.text or item["text"] in (article.title or ""):
            ok += 1
        else:
            failures.append(f"changed but should be left alone: '{item['text']}'")
    return prf(ok, len(items), len(items))


def check_seed(article_path: Path, expected_path: Path) -> dict[str, Any]:
    """Analyse ``article_path`` and compare with the annotation at ``expected_path``.

    Returns:
        One JSON-able object: micro ``precision``/``recall``/``f1`` over all checked
        items, ``per_label`` per part (title, boilerplate, repairs, not_repairs,
        citations), and ``failures`` with a line per unmet expectation.
    """
    try:
        raw = article_path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvaluationError("article file not found", source=str(article_path)) from exc
    gold = _load(expected_path)
    article = analyze(raw, id=article_path.stem)
    failures: list[str] = []
    per: dict[str, dict[str, float | int]] = {}
    title_ok = _norm(article.title or "") == _norm(gold.get("title", ""))
    if not title_ok:
        failures.append(f"title: got '{article.title}'")
    per["title"] = prf(int(title_ok), 1, 1)
    per["boilerplate"] = _check_boilerplate(article, gold, failures)
    per["repairs"] = _check_repairs(article, gold, failures)
    per["not_repairs"] = _check_not_repairs(article, gold, failures)
    per["citations"] = _check_citations(article, gold, failures)
    tp = sum(round(float(v["recall"]) * int(v["support"])) for v in per.values())
    gold_n = sum(int(v["support"]) for v in per.values())
    pred_n = sum(round(tp_i / float(v["precision"])) if float(v["precision"]) else 0
                 for v, tp_i in ((v, round(float(v["recall"]) * int(v["support"]))) for v in per.values()))
    out: dict[str, Any] = {**prf(tp, pred_n, gold_n), "per_label": per, "failures": failures,
                           "article": str(article_path), "sentences": len(article.sentences)}
    return out
