"""Score keyphrase extraction against KEPS (token<TAB>B/I/O keyphrase tags).

KEPS (IndoNLU) marks the keyphrases of short texts token by token. Each text is rebuilt
from its tokens (one space between them), segmented, and given to the summary stage's
keyphrase extractor (:func:`~warta.stages.summary.keyphrases.extract_keyphrases`, all
keyphrases it finds, not only the best ten); every occurrence of a keyphrase becomes a
predicted span, projected back onto the tokens. Scores are exact-match span precision,
recall and F1 over all texts (seqeval's entity level), plus the same on lower-cased phrase
strings per text (a keyphrase found once counts once).

KEPS texts are customer-complaint tweets, not news: the extractor, built for articles
(phrases that recur, names), meets a different task here; the score tells how far it
carries.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from warta.errors import EvaluationError

__all__ = ["evaluate_keps", "read_keps"]


def read_keps(path: Path) -> list[tuple[list[str], list[str]]]:
    """Texts of a KEPS file: (tokens, tags) per text.

    Raises:
        EvaluationError: the file is missing or a line is not ``token<TAB>tag`` (W401).
    """
    if not path.is_file():
        raise EvaluationError("KEPS file not found", source=str(path))
    docs: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            if toks:
                docs.append((toks, tags))
                toks, tags = [], []
            continue
        token, sep, tag = line.rpartition("\t")
        if not sep or tag not in ("B", "I", "O"):
            raise EvaluationError(f"line {n}: expected token<TAB>B|I|O", source=str(path))
        toks.append(token)
        tags.append(tag)
    if toks:
        docs.append((toks, tags))
    if not docs:
        raise EvaluationError("no texts in the file", source=str(path))
    return docs


def _gold_spans(tags: list[str]) -> set[tuple[int, int]]:
    spans = set()
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag != "I" and start is not None:
            spans.add((start, i))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start = i
    return spans


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def evaluate_keps(path: Path) -> dict[str, Any]:
    """Span and phrase P/R/F1 of the keyphrase extractor on a KEPS file."""
    from warta.article import Article
    from warta.stages.segment.step import SegmentStep
    from warta.stages.summary.keyphrases import extract_keyphrases
    from warta.stages.summary.resources import idf_table
    from warta.stages.summary.terms import Stemmer

    docs = read_keps(path)
    idf, default = idf_table()
    stem = Stemmer()
    segment = SegmentStep()
    tp = n_pred = n_gold = 0
    ptp = p_pred = p_gold = 0
    seconds = 0.0
    words = 0
    for toks, tags in docs:
        text = " ".join(toks)
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 0
        for i, t in enumerate(toks):
            starts[pos] = i
            ends[pos + len(t)] = i + 1
            pos += len(t) + 1
        started = time.perf_counter()
        article = segment(Article(id="keps", raw=text, text=text))
        phrases = extract_keyphrases(article, idf=idf, default_idf=default, limit=len(toks), stem=stem)
        seconds += time.perf_counter() - started
        words += len(toks)
        predicted = {
            (starts[s.start], ends[s.end])
            for k in phrases
            for s in k.spans
            if s.start in starts and s.end in ends
        }
        gold = _gold_spans(tags)
        tp += len(predicted & gold)
        n_pred += len(predicted)
        n_gold += len(gold)
        gold_phrases = {" ".join(toks[a:b]).lower() for a, b in gold}
        pred_phrases = {k.text.lower() for k in phrases}
        ptp += len(gold_phrases & pred_phrases)
        p_pred += len(pred_phrases)
        p_gold += len(gold_phrases)
    return {
        "data": str(path),
        "documents": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        **_prf(tp, n_pred, n_gold),
        "per_label": {"phrase": {**_prf(ptp, p_pred, p_gold), "support": p_gold}},
        "words_per_second": round(words / seconds) if seconds else None,
    }
