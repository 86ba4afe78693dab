"""Sentence features for the extractive ranker.

Every sentence gets a sparse ``{name: value}`` dict: where it stands (sentence,
paragraph and in-paragraph position), how long it is, how central it is (LexRank-style
PageRank over tf-idf cosine similarities, and similarity to the whole document), how
much it shares with the title and the lead, whether it quotes, and how many salient
entities it names (``Article.entities`` when present, repeated capitalised words when
not). The same function feeds training (:mod:`.train`) and the step, so the two never
drift apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DocumentView", "pagerank", "sentence_features", "similarity_matrix", "tfidf_vectors"]

Vector = dict[str, float]

# Position bins: lead sentences differ a lot from each other, later ones hardly.
_MAX_SENT_BIN = 9
_MAX_PARA_BIN = 5
_MAX_IN_PARA_BIN = 3
# Length bins in words: very short lines are datelines or captions, very long ones run-ons.
_LEN_BINS = (5, 10, 15, 20, 30, 40)
_QUOTE_MARKS = frozenset('"“”„«»')


@dataclass(frozen=True, slots=True)
class DocumentView:
    """What the ranker sees of an article: per sentence its tokens, terms and paragraph.

    ``salience`` (optional) scores each sentence by the entities it mentions;
    ``title_terms`` are the content terms of the title (empty when there is none).
    """

    tokens: Sequence[Sequence[str]]
    terms: Sequence[Sequence[str]]
    paragraphs: Sequence[int]
    title_terms: Sequence[str] = ()
    salience: Sequence[float] | None = None


def tfidf_vectors(terms: Sequence[Sequence[str]], idf: dict[str, float], default_idf: float) -> list[Vector]:
    """L2-normalised tf-idf vectors, one per sentence (sub-linear term frequency)."""
    out: list[Vector] = []
    for ts in terms:
        counts = Counter(ts)
        vec = {t: (1.0 + math.log(c)) * idf.get(t, default_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        out.append({t: v / norm for t, v in vec.items()} if norm else {})
    return out


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


def similarity_matrix(vectors: Sequence[Vector]) -> list[list[float]]:
    """Cosine similarities between sentence vectors (already normalised)."""
    n = len(vectors)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s = _dot(vectors[i], vectors[j])
            sim[i][j] = sim[j][i] = s
    return sim


def pagerank(sim: Sequence[Sequence[float]], *, damping: float = 0.85, iterations: int = 30) -> list[float]:
    """PageRank over a weighted similarity graph (TextRank / continuous LexRank), scaled to max 1.

    Example:
        >>> [round(x, 2) for x in pagerank([[0, 1, 1], [1, 0, 0], [1, 0, 0]])]
        [1.0, 0.54, 0.54]
    """
    n = len(sim)
    if n == 0:
        return []
    out_w = [sum(row) for row in sim]
    # Each column's non-zero transition weights, computed once rather than every
    # iteration; the sum keeps the same terms in the same order (same floats).
    cols = [[(j, sim[j][i] / out_w[j]) for j in range(n) if sim[j][i] and out_w[j]] for i in range(n)]
    rest = (1 - damping) / n
    rank = [1.0 / n] * n
    for _ in range(iterations):
        new = []
        for col in cols:
            acc = 0.0
            for j, w in col:
                acc += w * rank[j]
            new.append(rest + damping * acc)
        rank = new
    top = max(rank)
    return [r / top for r in rank] if top else rank


# Token texts that hold a letter or digit (only those are kept). Cleared when full.
_WORDY: set[str] = set()
_WORDY_LIMIT = 200_000


def _wordy(tok: str) -> bool:
    if not any(c.isalnum() for c in tok):
        return False
    if len(_WORDY) >= _WORDY_LIMIT:
        _WORDY.clear()
    _WORDY.add(tok)
    return True


def _len_bin(n: int) -> int:
    for i, edge in enumerate(_LEN_BINS):
        if n < edge:
            return i
    return len(_LEN_BINS)


def sentence_features(
    doc: DocumentView,
    *,
    idf: dict[str, float],
    default_idf: float,
    vectors: Sequence[Vector] | None = None,
    sim: Sequence[Sequence[float]] | None = None,
) -> list[dict[str, float]]:
    """Features of every sentence of ``doc``.

    ``vectors`` and ``sim`` (from :func:`tfidf_vectors` and :func:`similarity_matrix`)
    may be passed in when the caller needs them too.

    Example:
        >>> doc = DocumentView(tokens=[["Harga", "cabai", "naik", "."], ["Pedagang", "mengeluh", "."]],
        ...                    terms=[["harga", "cabai", "naik"], ["dagang", "keluh"]], paragraphs=[0, 0])
        >>> f = sentence_features(doc, idf={}, default_idf=1.0)
        >>> f[0]["sent=0"], f[1]["in_para=1"]
        (1.0, 1.0)
    """
    n = len(doc.terms)
    if n == 0:
        return []
    if vectors is None:
        vectors = tfidf_vectors(doc.terms, idf, default_idf)
    if sim is None:
        sim = similarity_matrix(vectors)
    rank = pagerank(sim)
    centroid: Counter[str] = Counter()
    for ts in doc.terms:
        centroid.update(set(ts))
    cvec = {t: c * idf.get(t, default_idf) for t, c in centroid.items()}
    cnorm = math.sqrt(sum(v * v for v in cvec.values())) or 1.0
    title = set(doc.title_terms)
    doc_freq = centroid
    feats: list[dict[str, float]] = []
    wordy = _WORDY
    para_seen: dict[int, int] = {}
    para_order: dict[int, int] = {}
    for i in range(n):
        p = doc.paragraphs[i]
        para_order.setdefault(p, len(para_order))
        in_para = para_seen.get(p, 0)
        para_seen[p] = in_para + 1
        tokens = doc.tokens[i]
        words = [t for t in tokens if t in wordy or _wordy(t)]
        terms = doc.terms[i]
        f: dict[str, float] = {
            f"sent={min(i, _MAX_SENT_BIN)}": 1.0,
            f"para={min(para_order[p], _MAX_PARA_BIN)}": 1.0,
            f"in_para={min(in_para, _MAX_IN_PARA_BIN)}": 1.0,
            f"len={_len_bin(len(words))}": 1.0,
            "rel_pos": i / n,
            "pagerank": rank[i],
            "centroid": _dot(vectors[i], cvec) / cnorm,
            "lead_sim": sim[0][i] if i else 1.0,
            "prev_sim": sim[i - 1][i] if i else 0.0,
        }
        if terms:
            # Share of the sentence's terms that recur elsewhere in the article.
            f["recurring"] = sum(doc_freq[t] > 1 for t in terms) / len(terms)
        if title:
            f["title"] = len(title.intersection(terms)) / len(title)
        if any(not _QUOTE_MARKS.isdisjoint(t) for t in tokens):
            f["quote"] = 1.0
            if tokens and any(c in _QUOTE_MARKS for c in tokens[0]):
                f["quote_start"] = 1.0
        if words and sum(w.isdigit() for w in words) / len(words) > 0.2:
            f["numeric"] = 1.0
        if doc.salience is not None:
            f["salience"] = doc.salience[i]
        if words:
            f[f"first={words[0].lower()}"] = 1.0
        feats.append(f)
    return feats
