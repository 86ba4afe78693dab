"""``warta eval timex``: TIMEX3 recognition and normalisation against IndoTimex-style gold.

Input: JSONL, one document per line with ``text``, ``dct_value`` (the anchor) and
``timexes`` (``start``, ``end``, ``type``, ``value``) as in ../shared/data/timex-indotimex.
Scores as TempEval-3: strict span P/R/F1 (same offsets), relaxed span P/R/F1 (overlap),
and type and value accuracy over the relaxed matches.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.article import Article, Published
from warta.evaluation._gold import read_gold_jsonl
from warta.evaluation.scoring import Score
from warta.registry import make_step

__all__ = ["evaluate_timex", "read_indotimex"]


def read_indotimex(path: Path) -> list[dict[str, Any]]:
    """Documents of an IndoTimex-style JSONL file."""
    return [doc for _, doc in read_gold_jsonl(path, required=("text", "timexes"))]


def evaluate_timex(path: Path) -> dict[str, Any]:
    """Run segmentation and the dates step on each document and score against its gold."""
    docs = read_indotimex(path)
    segment, dates = make_step("warta.segment.v1"), make_step("warta.dates.v1")
    strict = relaxed_p = relaxed_g = n_sys = n_gold = 0
    type_ok = value_ok = matched = 0
    per: dict[str, list[int]] = {}  # type -> [gold, system, relaxed-correct]
    errors: list[dict[str, Any]] = []
    words = 0
    t0 = time.perf_counter()
    for doc in docs:
        dct = doc.get("dct_value")
        art = Article(id=str(doc.get("id", "")), raw=doc["text"], text=doc["text"])
        if dct:
            art.published = Published(value=datetime.fromisoformat(dct), method="metadata")
        art = dates(segment(art))
        words += len(doc["text"].split())
        gold = doc["timexes"]
        sys_ = art.timexes
        n_gold += len(gold)
        n_sys += len(sys_)
        for g in gold:
            per.setdefault(g["type"], [0, 0, 0])[0] += 1
        for s in sys_:
            per.setdefault(s.type, [0, 0, 0])[1] += 1
        strict += sum(1 for g in gold if any(s.start == g["start"] and s.end == g["end"] for s in sys_))
        relaxed_p += sum(1 for s in sys_ if any(s.start < g["end"] and g["start"] < s.end for g in gold))
        for g in gold:
            hits = [s for s in sys_ if s.start < g["end"] and g["start"] < s.end]
            if not hits:
                errors.append({"doc": doc.get("id"), "missed": g["text"], "value": g["value"]})
                continue
            relaxed_g += 1
            matched += 1
            s = hits[0]
            type_ok += s.type == g["type"]
            value_ok += s.value == g["value"]
            if s.type == g["type"]:
                per[g["type"]][2] += 1
            if s.value != g["value"]:
                errors.append(
                    {
                        "doc": doc.get("id"),
                        "text": g["text"],
                        "gold": g["value"],
                        "system": s.value,
                        "system_text": s.text,
                    }
                )
        for s in sys_:
            if not any(s.start < g["end"] and g["start"] < s.end for g in gold):
                errors.append({"doc": doc.get("id"), "spurious": s.text, "value": s.value})
    seconds = time.perf_counter() - t0
    p = relaxed_p / n_sys if n_sys else 0.0
    r = relaxed_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    strict_score = Score(gold=n_gold, system=n_sys, correct=strict)
    per_label = {}
    for label, (g_n, s_n, ok) in sorted(per.items()):
        sc = Score(gold=g_n, system=s_n, correct=ok)
        per_label[label] = {k: round(v, 4) if isinstance(v, float) else v for k, v in sc.as_dict().items()}
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "support": n_gold,
        "per_label": per_label,
        "strict": {k: round(v, 4) if isinstance(v, float) else v for k, v in strict_score.as_dict().items()},
        "relaxed": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": n_gold},
        "type_accuracy": round(type_ok / matched, 4) if matched else 0.0,
        "value_accuracy": round(value_ok / matched, 4) if matched else 0.0,
        "documents": len(docs),
        "system": n_sys,
        "words": words,
        "seconds": round(seconds, 3),
        "errors": errors,
    }
