"""The segmentation step: wires :func:`warta.stages.segment.segment.segment_text` to an Article."""

from __future__ import annotations

from typing import ClassVar

from warta.article import Article, Limit
from warta.stages.segment.segment import MAX_SENTENCE_TOKENS, cap_sentences, segment_text

__all__ = ["SegmentStep"]


class SegmentStep:
    """Split ``Article.text`` into paragraphs, sentences and tokens.

    The word lists load on the first article (once per process), not when the step is
    built, so the step pickles cheaply to workers.

    Example:
        >>> a = SegmentStep()(Article(id="a1", raw="", text="Hujan turun. Jalan banjir."))
        >>> [len(s.tokens) for s in a.sentences]
        [3, 3]
    """

    name: ClassVar[str] = "segment"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("paragraphs", "sentences")

    def __call__(self, article: Article) -> Article:
        article.paragraphs, sentences = segment_text(article.text)
        article.sentences, cut = cap_sentences(sentences)
        if cut:
            longest = max(len(s.tokens) for s in sentences)
            article.limits.append(
                Limit(
                    step=self.name,
                    what=f"tokens per sentence ({cut} sentences cut)",
                    limit=MAX_SENTENCE_TOKENS,
                    found=longest,
                )
            )
        return article
