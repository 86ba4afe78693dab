"""Extractive summary: score sentences, then pick ``k`` of them in article order.

Scoring is a logistic model over :func:`~warta.stages.summary.features.sentence_features`
trained on IndoSum's extractive labels (``resources/ranker.json``). Picking is greedy by
score with three guards: a boilerplate sentence ("Baca juga: ...") is never picked, a
quote that runs over several sentences is taken whole or not at all, and a sentence that
repeats one already picked is skipped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from warta.article import Article
from warta.stages.summary.features import DocumentView
from warta.stages.summary.resources import RankerModel, boilerplate_cues

__all__ = [
    "document_view",
    "entity_salience",
    "is_boilerplate",
    "name_salience",
    "quote_units",
    "score_sentences",
    "select_sentences",
    "summarize",
]

# Fewer words than this is a dateline, caption or heading, not a summary sentence.
_MIN_WORDS = 4
# Two sentences this similar (tf-idf cosine) say the same thing: keep the first picked.
_MAX_REDUNDANCY = 0.7
_DAMAGED_FACTOR = 0.5
_OPEN_QUOTES = "“„«"
_CLOSE_QUOTES = "”»"


def is_boilerplate(sentence: str) -> bool:
    """True for a sentence that no summary should carry.

    Example:
        >>> is_boilerplate("Baca juga: Harga Beras Naik Lagi"), is_boilerplate("Harga beras naik.")
        (True, False)
    """
    low = sentence.lower()
    return any(cue in low for cue in boilerplate_cues())


def score_sentences(features: Sequence[dict[str, float]], model: RankerModel) -> list[float]:
    """The model's probability that each sentence belongs in the summary."""
    w = model.weights
    out = []
    for f in features:
        z = model.bias + sum(v * w.get(k, 0.0) for k, v in f.items())
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


def _open_quote_depth(text: str) -> int:
    """+1 when a sentence opens a quote it does not close, -1 when it closes one opened before."""
    opens = sum(text.count(c) for c in _OPEN_QUOTES)
    closes = sum(text.count(c) for c in _CLOSE_QUOTES)
    straight = text.count('"')
    if opens != closes:
        return 1 if opens > closes else -1
    if straight % 2:
        # An odd straight mark opens when it comes first, closes when it comes last.
        stripped = text.lstrip()
        return 1 if stripped.startswith('"') else -1
    return 0


def quote_units(sentence_texts: Sequence[str], quote_spans: Sequence[tuple[int, int]] = ()) -> list[list[int]]:
    """Group consecutive sentences that one quote spans; every other sentence is its own unit.

    ``quote_spans`` are quotes as (first sentence, last sentence) pairs from
    ``Article.quotes``; quote marks left open at a sentence end join it to the next.

    Example:
        >>> quote_units(['"Kami siap.', 'Kami juga waspada," kata dia.', "Lalu hujan."])
        [[0, 1], [2]]
    """
    n = len(sentence_texts)
    join_next = [False] * n
    open_ = False
    for i, text in enumerate(sentence_texts):
        d = _open_quote_depth(text)
        if d > 0:
            open_ = True
        elif d < 0:
            open_ = False
        join_next[i] = open_ and i + 1 < n
    for first, last in quote_spans:
        for i in range(max(first, 0), min(last, n - 1)):
            join_next[i] = True
    units: list[list[int]] = []
    current: list[int] = []
    for i in range(n):
        current.append(i)
        if not join_next[i]:
            units.append(current)
            current = []
    if current:
        units.append(current)
    return units


def select_sentences(
    scores: Sequence[float],
    *,
    k: int,
    units: Sequence[Sequence[int]],
    blocked: Sequence[bool],
    similarity: Sequence[Sequence[float]] | None = None,
    lengths: Sequence[int] | None = None,
    target_words: int | None = None,
) -> list[int]:
    """Pick up to ``k`` sentences by score, whole quote units only, in article order.

    A unit's score is the best score of its sentences; a unit that would overflow ``k``
    or holds a blocked (boilerplate) sentence is passed over. With ``target_words``
    (and ``lengths``, words per sentence), picking stops as soon as the summary reaches
    that many words, so ``k`` is then a cap.

    Example:
        >>> select_sentences([0.9, 0.8, 0.1, 0.7], k=2, units=[[0], [1, 2], [3]], blocked=[False] * 4)
        [0, 3]
    """
    ranked = sorted(
        (u for u in units if u and not any(blocked[i] for i in u)),
        key=lambda u: (-max(scores[i] for i in u), u[0]),
    )
    chosen: list[int] = []
    for unit in ranked:
        if len(chosen) + len(unit) > k:
            continue
        if similarity is not None and any(similarity[i][j] > _MAX_REDUNDANCY for i in unit for j in chosen):
            continue
        chosen.extend(unit)
        if len(chosen) == k:
            break
        if target_words is not None and lengths is not None and sum(lengths[i] for i in chosen) >= target_words:
            break
    return sorted(chosen)


def name_salience(tokens: Sequence[Sequence[str]]) -> list[float]:
    """Per sentence, how much it names the article's recurring names (capitalised words).

    A capitalised word that is not the first of its sentence and occurs at least twice
    counts with its frequency; scores are scaled to a maximum of 1.

    Example:
        >>> name_salience([["Kemarin", "Budi", "datang"], ["Lalu", "Budi", "pergi"], ["Hujan"]])
        [1.0, 1.0, 0.0]
    """
    counts: Counter[str] = Counter()
    per: list[list[str]] = []
    for toks in tokens:
        names = [t for t in toks[1:] if t[:1].isupper() and t.isalpha()]
        per.append(names)
        counts.update(names)
    raw = [float(sum(counts[n] for n in names if counts[n] > 1)) for names in per]
    top = max(raw, default=0.0)
    return [r / top for r in raw] if top else raw


def entity_salience(article: Article) -> list[float] | None:
    """Per sentence, the weight of the entities it mentions (by their mention counts), or None
    when the article has no merged entities."""
    if not article.entities or not article.mentions:
        return None
    raw = [0.0] * len(article.sentences)
    for m in article.mentions:
        if m.entity is None or not 0 <= m.sentence < len(raw):
            continue
        size = len(article.entities[m.entity].mentions)
        if size > 1:
            raw[m.sentence] += size
    top = max(raw, default=0.0)
    return [r / top for r in raw] if top else raw


def document_view(
    tokens: Sequence[Sequence[str]],
    terms: Sequence[Sequence[str]],
    paragraphs: Sequence[int],
    *,
    title_terms: Sequence[str] = (),
    entity_scores: Sequence[float] | None = None,
) -> DocumentView:
    """A :class:`DocumentView` whose salience blends entity and name salience."""
    names = name_salience(tokens)
    salience = names if entity_scores is None else [max(a, b) for a, b in zip(names, entity_scores, strict=True)]
    return DocumentView(tokens=tokens, terms=terms, paragraphs=paragraphs, title_terms=title_terms,
                        salience=salience)


def summarize(
    sentence_texts: Sequence[str],
    view: DocumentView,
    model: RankerModel,
    *,
    k: int,
    idf: dict[str, float],
    default_idf: float,
    quote_spans: Sequence[tuple[int, int]] = (),
    target_words: int | None = None,
    damaged: Sequence[bool] | None = None,
) -> list[int]:
    """Indices of the ``k`` sentences that summarise the article, in article order.

    With ``target_words``, sentences are added in score order until the summary has that
    many words (``k`` is then the cap): ROUGE rewards summaries as long as the reference,
    and three short sentences say less than three long ones.

    Example (with a model that only likes the lead):
        >>> m = RankerModel(weights={"sent=0": 2.0, "sent=1": 1.0}, bias=0.0, meta={})
        >>> texts = ["Harga cabai naik tajam pekan ini.", "Pedagang di pasar mengeluh rugi.", "Baca juga: Harga bawang"]
        >>> toks = [t.split() for t in texts]
        >>> view = DocumentView(tokens=toks, terms=[[w.lower() for w in t] for t in toks], paragraphs=[0, 0, 1])
        >>> summarize(texts, view, m, k=2, idf={}, default_idf=1.0)
        [0, 1]
    """
    from warta.stages.summary.features import sentence_features, similarity_matrix, tfidf_vectors

    vectors = tfidf_vectors(view.terms, idf, default_idf)
    similarity = similarity_matrix(vectors)
    features = sentence_features(view, idf=idf, default_idf=default_idf, vectors=vectors, sim=similarity)
    scores = score_sentences(features, model)
    if damaged is not None:
        # A sentence the scraper damaged ("Mengutip , ..." with its source link gone) reads
        # badly on its own: it is picked only when clearly better than the others.
        scores = [s * _DAMAGED_FACTOR if bad else s for s, bad in zip(scores, damaged, strict=True)]
    lengths = [sum(any(c.isalnum() for c in t) for t in toks) for toks in view.tokens]
    blocked = [is_boilerplate(text) or n < _MIN_WORDS for text, n in zip(sentence_texts, lengths, strict=True)]
    if all(blocked):
        # Nothing but short lines: better a short line than no summary at all.
        blocked = [is_boilerplate(text) for text in sentence_texts]
    units = quote_units(sentence_texts, quote_spans)
    return select_sentences(scores, k=k, units=units, blocked=blocked, similarity=similarity, lengths=lengths,
                            target_words=target_words)
