"""The NER step: wires a shipped CRF model to an Article's sentences."""

from __future__ import annotations

from typing import ClassVar

from warta.article import Article, EntityLabel, Mention
from warta.stages.ner.labels import HARMONISE

__all__ = ["NerStep"]

_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "EVT", "MISC"})


class NerStep:
    """Tag each sentence's tokens and write ``Article.mentions``.

    The model loads on the first article and is cached for the process
    (:func:`warta.stages.ner.model.load_model`); the step itself holds only the
    model's name, so it pickles cheaply to workers.

    Args:
        model: name of a shipped model (``news``, the production model, or a
            benchmark model such as ``nerui``; benchmark labels are mapped onto
            PER/ORG/LOC/EVT and other types dropped).

    Example:
        >>> from warta.article import Sentence, Token
        >>> text = "Menteri Sri Mulyani tiba di Bandung."
        >>> toks = [Token(0, 7, "Menteri"), Token(8, 11, "Sri"), Token(12, 19, "Mulyani"),
        ...         Token(20, 24, "tiba"), Token(25, 27, "di"), Token(28, 35, "Bandung"), Token(35, 36, ".")]
        >>> a = Article(id="a", raw=text, text=text, sentences=[Sentence(0, 36, 0, toks)])
        >>> [(m.text, m.label) for m in NerStep()(a).mentions]
        [('Sri Mulyani', 'PER'), ('Bandung', 'LOC')]
    """

    name: ClassVar[str] = "ner"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("mentions",)

    def __init__(self, *, model: str = "news") -> None:
        self.model = model

    def __call__(self, article: Article) -> Article:
        from warta.stages.ner.model import load_model

        tagger = load_model(self.model)
        text = article.text
        mentions: list[Mention] = []
        spans = tagger.tag_spans_many([[t.text for t in s.tokens] for s in article.sentences])
        for si, (sentence, found) in enumerate(zip(article.sentences, spans, strict=True)):
            tokens = sentence.tokens
            for start, end, typ, prob in found:
                label = typ if typ in _LABELS else HARMONISE.get(typ)
                if label is None:
                    continue
                s, e = tokens[start].start, tokens[end - 1].end
                mentions.append(
                    Mention(
                        start=s,
                        end=e,
                        text=text[s:e],
                        label=_as_label(label),
                        sentence=si,
                        score=round(prob, 4),
                    )
                )
        article.mentions = mentions
        return article


def _as_label(label: str) -> EntityLabel:
    if label == "PER":
        return "PER"
    if label == "ORG":
        return "ORG"
    if label == "LOC":
        return "LOC"
    return "EVT" if label == "EVT" else "MISC"
