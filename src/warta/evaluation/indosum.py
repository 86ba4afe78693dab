"""``warta eval summary``: extractive summaries scored with ROUGE against IndoSum.

IndoSum gives each article as tokenised paragraphs of sentences (``paragraphs_tokens``),
a human reference summary (``summary_tokens``) and extractive labels per sentence
(``gold_labels``). To score at the level of IndoSum's own sentences, each article's
text is rebuilt from its tokens (tokens joined by a space, sentences by a space,
paragraphs by a blank line) with one :class:`~warta.article.Sentence` per IndoSum
sentence, so a chosen sentence index maps straight back to the gold.

ROUGE (``rouge-score``) compares lower-cased IndoSum tokens, without stemming; tokens
with no letter or digit (punctuation) are left out, as the ROUGE-1.5.5 script does.
ROUGE-L is the summary-level variant (``rougeLsum``, sentences on separate lines). Scores
are means over documents of per-document precision, recall and F1. Lead-3 and the
extractive oracle (IndoSum's own labels) are scored the same way beside the system.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from warta.article import Article, Paragraph, Sentence, Token
from warta.errors import EvaluationError
from warta.evaluation._gold import read_gold_jsonl

__all__ = [
    "RougeMean",
    "evaluate_summary",
    "indosum_article",
    "indosum_split",
    "read_indosum",
    "rouge_tokens",
]

Split = Literal["all", "dev", "train"]
_METRICS = ("rouge1", "rouge2", "rougeLsum")
# One article in five (by a hash of its id) is the dev split; the rest trains the ranker.
_DEV_MODULUS = 5


def indosum_split(article_id: str) -> Literal["dev", "train"]:
    """The split an IndoSum article belongs to: dev when sha1(id) is 0 mod 5."""
    return (
        "dev"
        if int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % _DEV_MODULUS == 0
        else "train"
    )


def read_indosum(path: Path, *, split: Split = "all") -> list[dict[str, Any]]:
    """Articles of an IndoSum-style JSONL (or JSONL.gz) file, optionally one split of them."""
    docs = []
    for i, doc in read_gold_jsonl(path, required=("paragraphs_tokens", "summary_tokens")):
        doc_id = str(doc.get("id") or doc.get("indosum_id") or i)
        if split == "all" or indosum_split(doc_id) == split:
            docs.append(doc)
    return docs


def indosum_article(doc: dict[str, Any]) -> Article:
    """An :class:`Article` whose sentences are exactly IndoSum's sentences, in order.

    Example:
        >>> a = indosum_article({"id": "x", "paragraphs_tokens": [[["Hujan", "turun", "."]], [["Banjir", "."]]]})
        >>> a.text, [(s.start, s.end, s.paragraph) for s in a.sentences]
        ('Hujan turun .\\n\\nBanjir .', [(0, 13, 0), (15, 23, 1)])
    """
    parts: list[str] = []
    pos = 0
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    for para in doc["paragraphs_tokens"]:
        if parts:
            parts.append("\n\n")
            pos += 2
        p_start = pos
        for s_index, sent in enumerate(para):
            if s_index:
                parts.append(" ")
                pos += 1
            s_start = pos
            tokens = []
            for t_index, tok in enumerate(sent):
                if t_index:
                    parts.append(" ")
                    pos += 1
                # IndoSum keeps stray no-break spaces as tokens; they stay, as one character each.
                tokens.append(Token(start=pos, end=pos + len(tok), text=tok))
                parts.append(tok)
                pos += len(tok)
            sentences.append(Sentence(start=s_start, end=pos, paragraph=len(paragraphs), tokens=tokens))
        paragraphs.append(Paragraph(start=p_start, end=pos))
    text = "".join(parts)
    title = doc.get("title") or None
    return Article(
        id=str(doc.get("id", "")),
        raw=text,
        text=text,
        title=title,
        paragraphs=paragraphs,
        sentences=sentences,
        provided=["text", "paragraphs", "sentences"],
    )


def rouge_tokens(tokens: Iterable[str]) -> list[str]:
    """Lower-cased tokens with a letter or digit (what ROUGE compares)."""
    return [t.lower() for t in tokens if any(c.isalnum() for c in t)]


class _Tokens:
    """rouge-score tokenizer: the text is already tokens joined by spaces."""

    def tokenize(self, text: str) -> list[str]:
        return text.split()


class RougeMean:
    """Running means of ROUGE-1/2/L precision, recall and F1 over documents."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(_METRICS), tokenizer=_Tokens())
        self.n = 0
        self.sums = {m: [0.0, 0.0, 0.0] for m in _METRICS}

    def add(self, reference: Sequence[Sequence[str]], system: Sequence[Sequence[str]]) -> None:
        """Score one document: ``reference`` and ``system`` are lists of tokenised sentences."""
        ref = "\n".join(" ".join(rouge_tokens(s)) for s in reference)
        hyp = "\n".join(" ".join(rouge_tokens(s)) for s in system)
        scores = self._scorer.score(ref, hyp)
        for m in _METRICS:
            acc = self.sums[m]
            acc[0] += scores[m].precision
            acc[1] += scores[m].recall
            acc[2] += scores[m].fmeasure
        self.n += 1

    def as_dict(self) -> dict[str, dict[str, float]]:
        """``{"rouge1": {precision, recall, f1}, "rouge2": ..., "rougeL": ...}``."""
        n = max(self.n, 1)
        out = {}
        for m in _METRICS:
            p, r, f = (v / n for v in self.sums[m])
            out["rougeL" if m == "rougeLsum" else m] = {
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(f, 4),
            }
        return out


def _block(rouge: RougeMean, support: int) -> dict[str, Any]:
    per = rouge.as_dict()
    return {**per["rouge1"], "support": support, "per_label": per}


def evaluate_summary(
    path: Path, *, k: int = 3, target_words: int | None = None, split: Split = "all"
) -> dict[str, Any]:
    """Summarise each IndoSum article with the summary step and score it, Lead-k and the oracle.

    Args:
        path: IndoSum-style JSONL(.gz) with ``paragraphs_tokens``, ``summary_tokens`` and,
            for the oracle, ``gold_labels``.
        k: sentences per summary (the cap with ``target_words``); Lead-3 is always 3.
        target_words: let the summary grow by score until it has this many words.
        split: ``dev`` or ``train`` to score one side of :func:`indosum_split`; ``all`` for a
            held-out file.

    Returns:
        ROUGE-1 precision/recall/F1 as the headline, ``per_label`` with rouge1/rouge2/rougeL,
        ``lead3`` and ``oracle`` blocks in the same layout, and timing.
    """
    from warta.stages.summary.step import SummaryStep

    docs = read_indosum(path, split=split)
    if not docs:
        raise EvaluationError(f"no articles in split '{split}'", source=str(path))
    step = SummaryStep(k=k, target_words=target_words)
    system, lead, oracle = RougeMean(), RougeMean(), RougeMean()
    words = 0
    seconds = 0.0
    examples: list[dict[str, Any]] = []
    for doc in docs:
        article = indosum_article(doc)
        sents = [[t.text for t in s.tokens] for s in article.sentences]
        words += sum(len(s) for s in sents)
        t0 = time.process_time()
        article = step(article)
        seconds += time.process_time() - t0
        reference = doc["summary_tokens"]
        system.add(reference, [sents[i] for i in article.summary])
        lead.add(reference, sents[:3])
        labels = [bool(x) for para in doc.get("gold_labels") or [] for x in para]
        if len(labels) == len(sents):
            oracle.add(reference, [s for s, keep in zip(sents, labels, strict=True) if keep])
        if len(examples) < 5:
            examples.append(
                {
                    "id": article.id,
                    "summary": article.summary,
                    "topic": article.topic.label if article.topic else None,
                    "keywords": [kw.text for kw in article.keywords[:8]],
                }
            )
    return {
        **_block(system, len(docs)),
        "lead3": _block(lead, len(docs)),
        "oracle": _block(oracle, oracle.n),
        "k": k,
        "target_words": target_words,
        "split": split,
        "documents": len(docs),
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds) if seconds else None,
        "rouge": "rouge-score; lower-cased IndoSum tokens, punctuation tokens dropped, no stemming; "
        "rougeL = summary-level LCS (rougeLsum); means over documents",
        "examples": examples,
    }
