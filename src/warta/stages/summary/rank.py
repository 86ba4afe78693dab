"""Extractive summary: score sentences, then pick ``k`` of them in article order.

Scoring is a model over :func:`~warta.stages.summary.features.sentence_features` trained
on IndoSum (``resources/ranker.json``): gradient-boosted trees that predict the share of a
sentence's words found in the reference summary (or, for an older file, a logistic model
of IndoSum's extractive labels). With the trees, the ``k`` sentences are chosen to
maximise the expected ROUGE-1 F1 against a reference of typical length
(:func:`select_budget`); otherwise picking is greedy by score. Both keep three guards: a boilerplate sentence ("Baca juga: ...") is never picked, a
quote that runs over several sentences is taken whole or not at all, and a sentence that
repeats one already picked is skipped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from warta.article import Article
from warta.lang import id as lang_id
from warta.stages.summary.features import DocumentView
from warta.stages.summary.resources import RankerModel, TreeRanker, boilerplate_cues, dangling_openers

__all__ = [
    "document_view",
    "entity_salience",
    "is_boilerplate",
    "name_salience",
    "quote_units",
    "score_sentences",
    "select_budget",
    "select_sentences",
    "summarize",
    "with_antecedents",
]

# Fewer words than this is a dateline, caption or heading, not a summary sentence.
_MIN_WORDS = 4
# Two sentences this similar (tf-idf cosine) say the same thing: keep the first picked.
_MAX_REDUNDANCY = 0.7
_DAMAGED_FACTOR = 0.5
# Dinkelbach's method converges in two or three steps; this only bounds a cycle.
_MAX_DINKELBACH_STEPS = 10
_OPEN_QUOTES = "“„«"
_CLOSE_QUOTES = "”»"


def is_boilerplate(sentence: str) -> bool:
    """True for a sentence that no summary should carry.

    Example:
        >>> is_boilerplate("Baca juga: Harga Beras Naik Lagi"), is_boilerplate("Harga beras naik.")
        (True, False)
    """
    return _boilerplate_pattern().search(sentence.lower()) is not None


@cache
def _boilerplate_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(cue) for cue in boilerplate_cues()) or r"(?!)")


def score_sentences(features: Sequence[dict[str, float]], model: RankerModel | TreeRanker) -> list[float]:
    """The model's score of each sentence: the logistic model's probability that it belongs
    in the summary, or the trees' predicted share of its words found in the reference."""
    if isinstance(model, TreeRanker):
        return model.predict(list(features))
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


def quote_units(
    sentence_texts: Sequence[str], quote_spans: Sequence[tuple[int, int]] = ()
) -> list[list[int]]:
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
        if (
            target_words is not None
            and lengths is not None
            and sum(lengths[i] for i in chosen) >= target_words
        ):
            break
    return sorted(chosen)


def select_budget(
    gains: Sequence[float],
    lengths: Sequence[int],
    *,
    k: int,
    units: Sequence[Sequence[int]],
    blocked: Sequence[bool],
    reference_words: float,
    similarity: Sequence[Sequence[float]] | None = None,
) -> list[int]:
    """Pick ``k`` sentences, whole quote units only, that maximise the expected ROUGE-1 F1.

    ``gains`` are each sentence's expected share of words found in the reference, so a
    set ``S`` is expected to match ``A(S) = sum(gain * length)`` words and to score
    ``2 A(S) / (words(S) + reference_words)``. That ratio is maximised by Dinkelbach's
    method: with ``lam`` the ratio of the current set, take the ``k`` sentences of highest
    ``gain * length - lam * length`` and repeat until the set stops changing. Long
    sentences win only when they carry enough, short ones only when they are dense.
    Boilerplate (``blocked``) and near repeats of a picked sentence are passed over.

    Example:
        >>> select_budget([0.9, 0.2, 0.8, 0.1], [20, 40, 20, 5], k=2, units=[[0], [1], [2], [3]],
        ...               blocked=[False] * 4, reference_words=45)
        [0, 2]
    """
    items = []
    for u in units:
        if u and not any(blocked[i] for i in u):
            items.append((list(u), sum(gains[i] * lengths[i] for i in u), sum(lengths[i] for i in u)))
    chosen: list[int] = []
    lam = 0.0
    for _ in range(_MAX_DINKELBACH_STEPS):
        ranked = sorted(items, key=lambda it: (-(it[1] - lam * it[2]), it[0][0]))
        picked: list[int] = []
        matched = 0.0
        words = 0
        for unit, gain, length in ranked:
            if len(picked) + len(unit) > k:
                continue
            if similarity is not None and any(
                similarity[i][j] > _MAX_REDUNDANCY for i in unit for j in picked
            ):
                continue
            picked.extend(unit)
            matched += gain
            words += length
            if len(picked) == k:
                break
        picked.sort()
        if picked == chosen:
            break
        chosen = picked
        lam = matched / (words + reference_words) if words + reference_words > 0 else 0.0
    return chosen


# Per token text: capitalised and all letters (a word that may be a name). Cleared when full.
_NAMELIKE: dict[str, bool] = {}
_NAMELIKE_LIMIT = 200_000


def _namelike(tok: str) -> bool:
    out = tok[:1].isupper() and tok.isalpha()
    if len(_NAMELIKE) >= _NAMELIKE_LIMIT:
        _NAMELIKE.clear()
    _NAMELIKE[tok] = out
    return out


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
    known = _NAMELIKE
    for toks in tokens:
        names = [t for t in toks[1:] if (known[t] if t in known else _namelike(t))]
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
    salience = (
        names if entity_scores is None else [max(a, b) for a, b in zip(names, entity_scores, strict=True)]
    )
    return DocumentView(
        tokens=tokens, terms=terms, paragraphs=paragraphs, title_terms=title_terms, salience=salience
    )


@cache
def _dangling() -> re.Pattern[str]:
    """A sentence that opens with a pronoun ("Ia", "Menurut dia", "Hal itu") points at the
    sentence before it: read alone in a summary, it names no one."""
    third = [p for p, (person, _) in lang_id.pronouns().items() if person == 3]
    openers = [
        *(p.capitalize() for p in third),
        *(f"Menurut {p}" for p in third),
        *dangling_openers(),
    ]
    alternation = "|".join(re.escape(o) for o in sorted(openers, key=len, reverse=True))
    return re.compile(rf"[\"“'‘]?\s*(?:{alternation})\b")


def with_antecedents(chosen: list[int], sentence_texts: Sequence[str], blocked: Sequence[bool]) -> list[int]:
    """``chosen`` with every sentence that opens with a pronoun and follows no chosen
    sentence replaced by the sentence before it, which says who is meant (dropped when
    that one is boilerplate or already chosen).

    Example:
        >>> with_antecedents([1, 2], ["Budi datang.", "Ia mengatakan harga naik.", "Hujan turun."], [False] * 3)
        [0, 2]
    """
    picked = set(chosen)
    out: set[int] = set()
    for i in sorted(chosen):
        j = i
        # Walk back over a run of pronoun openings to the sentence that names someone.
        while j > 0 and j - 1 not in picked and _dangling().match(sentence_texts[j].lstrip()):
            j -= 1
        if j != i and (blocked[j] or j in out):
            continue
        out.add(j)
    return sorted(out)


def summarize(
    sentence_texts: Sequence[str],
    view: DocumentView,
    model: RankerModel | TreeRanker,
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
    and three short sentences say less than three long ones. Without it, a tree model's
    ``k`` sentences are the set of best expected ROUGE (:func:`select_budget`).

    Example (with a model that only likes the lead):
        >>> m = RankerModel(weights={"sent=0": 2.0, "sent=1": 1.0}, bias=0.0, meta={})
        >>> texts = ["Harga cabai naik tajam pekan ini.", "Pedagang di pasar mengeluh rugi.", "Baca juga: Harga bawang"]
        >>> toks = [t.split() for t in texts]
        >>> view = DocumentView(tokens=toks, terms=[[w.lower() for w in t] for t in toks], paragraphs=[0, 0, 1])
        >>> summarize(texts, view, m, k=2, idf={}, default_idf=1.0)
        [0, 1]
    """
    from warta.stages.summary.features import cosine_similarities, sentence_features, tfidf_matrix

    tfidf = tfidf_matrix(view.terms, idf, default_idf)
    similarity = cosine_similarities(tfidf[0])
    features = sentence_features(view, idf=idf, default_idf=default_idf, tfidf=tfidf, sim=similarity)
    scores = score_sentences(features, model)
    if damaged is not None:
        # A sentence the scraper damaged ("Mengutip , ..." with its source link gone) reads
        # badly on its own: it is picked only when clearly better than the others.
        scores = [s * _DAMAGED_FACTOR if bad else s for s, bad in zip(scores, damaged, strict=True)]
    # Words per sentence (tokens with a letter or digit), as the features counted them.
    lengths = [int(f["nw"]) for f in features]
    blocked = [
        is_boilerplate(text) or n < _MIN_WORDS for text, n in zip(sentence_texts, lengths, strict=True)
    ]
    if all(blocked):
        # Nothing but short lines: better a short line than no summary at all.
        blocked = [is_boilerplate(text) for text in sentence_texts]
    units = quote_units(sentence_texts, quote_spans)
    if isinstance(model, TreeRanker) and target_words is None:
        chosen = select_budget(
            scores,
            lengths,
            k=k,
            units=units,
            blocked=blocked,
            reference_words=model.reference_words,
            similarity=similarity,
        )
    else:
        chosen = select_sentences(
            scores,
            k=k,
            units=units,
            blocked=blocked,
            similarity=similarity,
            lengths=lengths,
            target_words=target_words,
        )
    return with_antecedents(chosen, sentence_texts, blocked)
