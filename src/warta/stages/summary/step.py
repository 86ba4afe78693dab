"""The summary step: wires the ranker, keyphrases and topic classifier to an Article."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import ClassVar

from warta.article import Article, Keyword, Limit, Topic
from warta.stages.clean.outlets import is_outlet_name, names_own_outlet, outlet_words
from warta.stages.summary.features import DocumentView, sentence_features
from warta.stages.summary.keyphrases import extract_keyphrases
from warta.stages.summary.rank import document_view, entity_salience, summarize
from warta.stages.summary.resources import idf_table, load_ranker, load_topic_model
from warta.stages.summary.terms import Stemmer, content_terms
from warta.stages.summary.topic import classify_topic

__all__ = ["MAX_RANKED", "SummaryStep"]

# Sentences the ranker compares (pairwise similarity is quadratic). The longest article of
# the shared news corpora has about 200 sentences; only pasted dumps and hostile input reach this.
MAX_RANKED = 400


class SummaryStep:
    """Fill ``Article.summary`` (sentence indices), ``keywords`` and ``topic``.

    Uses ``Article.entities``, ``mentions`` and ``quotes`` when earlier steps filled them
    (entity salience, whole quotes, entity names as keyphrases) and works without them.
    Word lists and models load on the first article, once per process, so the step
    pickles cheaply to workers.

    Args:
        k: sentences in the summary (the cap when ``target_words`` is set).
        target_words: add sentences by score until the summary has this many words.
        max_keywords: keyphrases to keep.
        topic: classify the topic (off: ``topic`` stays None).

    Example:
        >>> from warta.stages.segment.step import SegmentStep
        >>> text = "Harga beras naik di Pasar Minggu. Pedagang beras mengeluh. Pembeli beras berkurang."
        >>> a = SummaryStep(k=1)(SegmentStep()(Article(id="a1", raw=text, text=text)))
        >>> a.summary
        [0]
    """

    name: ClassVar[str] = "summary"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("summary", "keywords", "topic")

    def __init__(
        self, *, k: int = 3, target_words: int | None = None, max_keywords: int = 10, topic: bool = True
    ) -> None:
        self.k = k
        self.target_words = target_words
        self.max_keywords = max_keywords
        self.topic = topic

    def __getstate__(self) -> dict[str, object]:
        # Pickle the options only; the stemmer cache is rebuilt in each worker.
        return {
            "k": self.k,
            "target_words": self.target_words,
            "max_keywords": self.max_keywords,
            "topic": self.topic,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @cached_property
    def _stem(self) -> Stemmer:
        return Stemmer()

    def _terms(self, tokens: list[list[str]]) -> list[list[str]]:
        stem = self._stem
        return [content_terms(toks, stem) for toks in tokens]

    def _title_terms(self, article: Article) -> list[str]:
        return content_terms(article.title.split(), self._stem) if article.title else []

    def _view(
        self, article: Article, tokens: list[list[str]], terms: list[list[str]], title_terms: list[str]
    ) -> DocumentView:
        return document_view(
            tokens,
            terms,
            [s.paragraph for s in article.sentences],
            title_terms=title_terms,
            entity_scores=entity_salience(article),
        )

    def features(self, article: Article) -> list[dict[str, float]]:
        """The ranker's features of each sentence (for training and inspection)."""
        idf, default = idf_table()
        tokens = _tokens(article)
        view = self._view(article, tokens, self._terms(tokens), self._title_terms(article))
        return sentence_features(view, idf=idf, default_idf=default)

    def __call__(self, article: Article) -> Article:
        if not article.sentences:
            article.summary, article.keywords, article.topic = [], [], None
            return article
        tokens = _tokens(article)
        terms = self._terms(tokens)
        title = self._title_terms(article)
        idf, default = idf_table()
        # The ranker compares sentences pairwise (similarity, centrality), so it sees the
        # first MAX_RANKED only; the rest of a longer text is not a summary candidate.
        n = min(len(article.sentences), MAX_RANKED)
        if n < len(article.sentences):
            article.limits.append(
                Limit(
                    step=self.name,
                    what="sentences ranked for the summary",
                    limit=MAX_RANKED,
                    found=len(article.sentences),
                )
            )
        texts = [article.text[s.start : s.end] for s in article.sentences[:n]]
        damaged = _damaged(article)
        view = self._view(article, tokens, terms, title)
        if n < len(article.sentences):
            view = DocumentView(
                tokens=view.tokens[:n],
                terms=view.terms[:n],
                paragraphs=view.paragraphs[:n],
                title_terms=view.title_terms,
                salience=None if view.salience is None else view.salience[:n],
            )
        article.summary = summarize(
            texts,
            view,
            load_ranker(),
            k=self.k,
            idf=idf,
            default_idf=default,
            quote_spans=[(a, min(b, n - 1)) for a, b in _quote_sentences(article) if a < n],
            target_words=self.target_words,
            damaged=None if damaged is None else damaged[:n],
        )
        # News outlets (the article's own, and any named as one) are sources, not keyphrases.
        own = outlet_words(article.source.outlet)
        phrases = extract_keyphrases(
            article, idf=idf, default_idf=default, limit=self.max_keywords + 5, stem=self._stem
        )
        article.keywords = [
            Keyword(text=p.text, score=p.score, spans=p.spans)
            for p in phrases
            if not is_outlet_name(p.text) and not names_own_outlet(p.text, own)
        ][: self.max_keywords]
        article.topic = None
        if self.topic:
            found = classify_topic([*title, *(t for ts in terms for t in ts)], load_topic_model())
            if found is not None:
                article.topic = Topic(label=found[0], score=round(found[1], 4))
        return article


def _tokens(article: Article) -> list[list[str]]:
    return [[t.text for t in s.tokens] for s in article.sentences]


def _damaged(article: Article) -> list[bool] | None:
    """Sentences holding a dangling citation the cleaner flagged, or None when there are none."""
    spots = sorted(w.start for w in article.cleaning.warnings if w.kind == "dangling-citation")
    if not spots:
        return None
    # The first flagged spot at or after each sentence's start lies inside it or later.
    return [(i := bisect_left(spots, s.start)) < len(spots) and spots[i] < s.end for s in article.sentences]


def _quote_sentences(article: Article) -> list[tuple[int, int]]:
    """Each quote of the article as the (first, last) sentence it covers."""
    if not article.quotes:
        return []
    starts = [s.start for s in article.sentences]
    out = []
    for q in article.quotes:
        first = _sentence_at(starts, q.start)
        last = _sentence_at(starts, max(q.start, q.end - 1))
        if last > first:
            out.append((first, last))
    return out


def _sentence_at(starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)
