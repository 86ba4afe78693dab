"""Sentence features for the extractive ranker.

Every sentence gets a sparse ``{name: value}`` dict: where it stands (sentence,
paragraph and in-paragraph position), how long it is, how central it is (LexRank-style
PageRank over tf-idf cosine similarities, and similarity to the whole document), how
much it shares with the title and the lead, whether it quotes, and how many salient
entities it names (``Article.entities`` when present, repeated capitalised words when
not). Position and length come both as bins (for a linear model) and as raw counts,
with the article's size and each sentence's centrality rank (for the tree ranker, which
finds its own thresholds). The same function feeds training (:mod:`.train`) and the
step, so the two never drift apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DocumentView",
    "cosine_similarities",
    "pagerank",
    "sentence_features",
    "similarity_matrix",
    "tfidf_matrix",
    "tfidf_vectors",
]

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


def tfidf_matrix(
    terms: Sequence[Sequence[str]], idf: dict[str, float], default_idf: float
) -> tuple[Any, list[str]]:
    """The rows of :func:`tfidf_vectors` as one dense (sentences x terms) array, and its terms.

    Example:
        >>> m, vocab = tfidf_matrix([["harga", "harga"], ["cabai"], []], {"harga": 2.0}, 1.0)
        >>> vocab, m.round(3).tolist()
        (['harga', 'cabai'], [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    """
    import numpy as np

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    for i, ts in enumerate(terms):
        for t, c in Counter(ts).items():
            j = vocab.get(t)
            if j is None:
                j = vocab[t] = len(vocab)
            rows.append(i)
            cols.append(j)
            counts.append(c)
    names = list(vocab)
    m = np.zeros((len(terms), max(len(names), 1)))
    if rows:
        weights = np.array([idf.get(t, default_idf) for t in names])
        col = np.array(cols)
        m[np.array(rows), col] = (1.0 + np.log(np.array(counts, dtype=np.float64))) * weights[col]
        norm = np.sqrt((m * m).sum(axis=1))
        np.divide(m, norm[:, None], out=m, where=norm[:, None] > 0)
    return m, names


def cosine_similarities(m: Any) -> list[list[float]]:
    """Cosine similarities between the (already normalised) rows of ``m``; 0 on the diagonal."""
    sim = m @ m.T
    sim.flat[:: sim.shape[0] + 1] = 0.0
    out: list[list[float]] = sim.tolist()
    return out


def similarity_matrix(vectors: Sequence[Vector]) -> list[list[float]]:
    """Cosine similarities between sentence vectors (already normalised); 0 on the diagonal.

    Example:
        >>> similarity_matrix([{"a": 1.0}, {"a": 0.6, "b": 0.8}, {}])
        [[0.0, 0.6, 0.0], [0.6, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    import numpy as np

    n = len(vectors)
    vocab: dict[str, int] = {}
    for vec in vectors:
        for t in vec:
            if t not in vocab:
                vocab[t] = len(vocab)
    m = np.zeros((n, max(len(vocab), 1)))
    for i, vec in enumerate(vectors):
        if vec:
            m[i, [vocab[t] for t in vec]] = list(vec.values())
    return cosine_similarities(m)


def pagerank(sim: Sequence[Sequence[float]], *, damping: float = 0.85, iterations: int = 30) -> list[float]:
    """PageRank over a weighted similarity graph (TextRank / continuous LexRank), scaled to max 1.

    Example:
        >>> [round(x, 2) for x in pagerank([[0, 1, 1], [1, 0, 0], [1, 0, 0]])]
        [1.0, 0.53, 0.53]
    """
    import numpy as np

    n = len(sim)
    if n == 0:
        return []
    w = np.asarray(sim, dtype=np.float64)
    out_w = w.sum(axis=1)
    # Row j spreads its rank over its neighbours in proportion to similarity; a sentence
    # similar to none spreads nothing.
    trans = np.divide(w, out_w[:, None], out=np.zeros_like(w), where=out_w[:, None] != 0).T * damping
    rest = (1 - damping) / n
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = rest + trans @ rank
    top = float(rank.max())
    out: list[float] = (rank / top if top else rank).tolist()
    return out


# Per token text: (holds a letter or digit, holds a digit, is all digits, starts upper
# case, holds a quote mark), as 0/1 so a sentence's counts are column sums. Cleared when full.
_TokenKind = tuple[int, int, int, int, int]
_KINDS: dict[str, _TokenKind] = {}
_KINDS_LIMIT = 200_000


def _kind(tok: str) -> _TokenKind:
    kind = (
        int(any(c.isalnum() for c in tok)),
        int(any(c.isdigit() for c in tok)),
        int(tok.isdigit()),
        int(tok[:1].isupper()),
        int(not _QUOTE_MARKS.isdisjoint(tok)),
    )
    if len(_KINDS) >= _KINDS_LIMIT:
        _KINDS.clear()
    _KINDS[tok] = kind
    return kind


def _len_bin(n: int) -> int:
    for i, edge in enumerate(_LEN_BINS):
        if n < edge:
            return i
    return len(_LEN_BINS)


def _ranks(values: Sequence[float]) -> list[int]:
    """Each value's rank, 0 for the largest (ties by position)."""
    out = [0] * len(values)
    for r, i in enumerate(sorted(range(len(values)), key=lambda i: -values[i])):
        out[i] = r
    return out


def sentence_features(
    doc: DocumentView,
    *,
    idf: dict[str, float],
    default_idf: float,
    tfidf: tuple[Any, list[str]] | None = None,
    sim: Sequence[Sequence[float]] | None = None,
) -> list[dict[str, float]]:
    """Features of every sentence of ``doc``.

    ``tfidf`` and ``sim`` (from :func:`tfidf_matrix` and :func:`cosine_similarities`)
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
    import numpy as np

    matrix, vocab = tfidf if tfidf is not None else tfidf_matrix(doc.terms, idf, default_idf)
    if sim is None:
        sim = cosine_similarities(matrix)
    rank = pagerank(sim)
    # The document centroid: each term weighted by idf and by how many sentences hold it.
    doc_freq: Counter[str] = Counter()
    for ts in doc.terms:
        doc_freq.update(set(ts))
    present = (matrix > 0).sum(axis=0)
    cvec = present * np.array([idf.get(t, default_idf) for t in vocab] or [0.0])
    cnorm = float(np.sqrt((cvec * cvec).sum())) or 1.0
    cent = (matrix @ cvec / cnorm).tolist()
    title = set(doc.title_terms)
    feats: list[dict[str, float]] = []
    known = _KINDS
    para_seen: dict[int, int] = {}
    para_order: dict[int, int] = {}
    sent_kinds = [[known[t] if t in known else _kind(t) for t in tokens] for tokens in doc.tokens]
    # Per sentence: words, words with a digit, all-digit words, capitalised tokens, quote tokens.
    counts = [[sum(col) for col in zip(*kinds, strict=True)] if kinds else [0] * 5 for kinds in sent_kinds]
    doc_words = sum(c[0] for c in counts)
    n_paras = len(set(doc.paragraphs))
    rank_order = _ranks(rank)
    cent_order = _ranks(cent)
    for i in range(n):
        p = doc.paragraphs[i]
        para_order.setdefault(p, len(para_order))
        in_para = para_seen.get(p, 0)
        para_seen[p] = in_para + 1
        tokens = doc.tokens[i]
        kinds = sent_kinds[i]
        n_words, n_digit, n_number, n_upper, n_quote = counts[i]
        terms = doc.terms[i]
        f: dict[str, float] = {
            f"sent={min(i, _MAX_SENT_BIN)}": 1.0,
            f"para={min(para_order[p], _MAX_PARA_BIN)}": 1.0,
            f"in_para={min(in_para, _MAX_IN_PARA_BIN)}": 1.0,
            f"len={_len_bin(n_words)}": 1.0,
            "rel_pos": i / n,
            "pagerank": rank[i],
            "centroid": cent[i],
            "lead_sim": sim[0][i] if i else 1.0,
            "prev_sim": sim[i - 1][i] if i else 0.0,
            # Raw counts and ranks for the tree ranker (it finds its own thresholds).
            "idx": float(i),
            "n": float(n),
            "nw": float(n_words),
            "dw": float(doc_words),
            "frac_w": n_words / doc_words if doc_words else 0.0,
            "npara": float(n_paras),
            "para_i": float(para_order[p]),
            "rk_pr": float(rank_order[i]),
            "rk_ce": float(cent_order[i]),
            "content": len(terms) / max(n_words, 1),
            "midf": sum(idf.get(t, default_idf) for t in terms) / len(terms) if terms else 0.0,
            # Capitalised tokens after the first one.
            "caps": float(n_upper - kinds[0][3]) if kinds else 0.0,
            "digits": float(n_digit),
            "q": 1.0 if tokens and tokens[-1].endswith("?") else 0.0,
            "colon": 1.0 if ":" in tokens else 0.0,
        }
        if terms:
            # Share of the sentence's terms that recur elsewhere in the article.
            f["recurring"] = sum(doc_freq[t] > 1 for t in terms) / len(terms)
        if title:
            f["title"] = len(title.intersection(terms)) / len(title)
        if n_quote:
            f["quote"] = 1.0
            if kinds[0][4]:
                f["quote_start"] = 1.0
        if n_words and n_number / n_words > 0.2:
            f["numeric"] = 1.0
        if doc.salience is not None:
            f["salience"] = doc.salience[i]
        if n_words:
            first = next(t for t, k in zip(tokens, kinds, strict=True) if k[0])
            f[f"first={first.lower()}"] = 1.0
        feats.append(f)
    return feats
