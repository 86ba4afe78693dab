"""Reviewed articles as a spaCy ``DocBin`` (``warta export-gold --format spacy``).

Each article is one ``Doc`` whose text is the stored ``Article.text`` character for character
(the stored tokens, and the text between them as whitespace tokens), so every offset of the
store is a ``doc.char_span`` offset. ``doc.ents`` are the entity mentions (PER, ORG, LOC...),
sentences start where the stored analysis's do, and the span group ``quotes`` holds the quotes
that are not rejected: the label is the kind, ``kb_id_`` the speaker's name. The review state
goes in ``doc.user_data`` (kept by ``DocBin(store_user_data=True)``):

- ``user_data["warta"]``: the article (row id, address, title);
- ``user_data["warta_quotes"]``: every quote, rejected ones too, in order: offsets, kind,
  speaker, speaker type, ``state`` (confirmed, corrected, unreviewed, rejected), reviewers
  and the fields corrected.

spaCy is optional (``pip install 'warta[spacy]'``) and imported here only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warta.article import Article
from warta.errors import MissingExtraError
from warta.storage import Store
from warta.storage.queries.corrections import ReviewedQuote

from .common import gold_articles

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["article_doc", "export_spacy"]


def _spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise MissingExtraError(
            "spacy", extra="spacy", needed_for="warta export-gold --format spacy"
        ) from exc
    return spacy


def _words(article: Article) -> tuple[list[str], list[bool], list[int]]:
    """The words and trailing spaces of a Doc whose text is ``article.text``, and the index of
    each sentence's first word. Tokens come from the stored analysis; what lies between two
    of them is a trailing space (one space) or a word of its own (a line break, spaces)."""
    text = article.text
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    at = 0

    def gap(until: int) -> None:
        chunk = text[at:until]
        if not chunk:
            return
        if words and not spaces[-1] and chunk[0] == " ":
            spaces[-1] = True
            chunk = chunk[1:]
        if chunk:
            words.append(chunk)
            spaces.append(False)

    for sentence in article.sentences:
        first = True
        for token in sentence.tokens:
            if token.start < at or not token.text:
                continue  # overlapping or empty: the text keeps the first
            gap(token.start)
            if first:
                starts.append(len(words))
                first = False
            words.append(text[token.start : token.end])
            spaces.append(False)
            at = token.end
    gap(len(text))
    return words, spaces, starts


def _quote_info(q: ReviewedQuote) -> dict[str, Any]:
    return {
        "idx": q.idx,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "speaker": q.speaker,
        "speaker_type": "anonymous"
        if q.anonymous
        else ("organisation" if q.speaker_label == "ORG" else "person"),
        "state": q.state,
        "reviewers": list(q.reviewers),
        "corrected": list(q.corrected),
    }


def article_doc(
    vocab: Vocab, aid: int, article: Article, quotes: Sequence[ReviewedQuote], *, url: str | None = None
) -> Doc:
    """One stored article as a ``Doc`` (see the module docstring).

    Raises:
        CorrectionError: the stored article has no tokens (W110).
    """
    from spacy.tokens import Doc, SpanGroup
    from spacy.util import filter_spans

    from warta.errors import CorrectionError

    if not any(s.tokens for s in article.sentences):
        raise CorrectionError("the stored analysis has no tokens to write", source=f"article {aid}")
    words, spaces, starts = _words(article)
    first = set(starts)
    sent_starts: list[bool | int | None] = [i in first or i == 0 for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    ents = []
    for m in article.mentions:
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    # One entity a token in doc.ents: the longest of overlapping mentions.
    doc.ents = filter_spans(ents)
    said = []
    for q in quotes:
        if q.rejected:
            continue
        span = doc.char_span(q.start, q.end, label=q.kind, kb_id=q.speaker or "", alignment_mode="expand")
        if span is not None:
            said.append(span)
    doc.spans["quotes"] = SpanGroup(doc, name="quotes", spans=said)
    doc.user_data["warta"] = {"article_id": aid, "url": url, "title": article.title}
    doc.user_data["warta_quotes"] = [_quote_info(q) for q in quotes]
    return doc


def export_spacy(store: Store, out: Path, *, article_ids: Iterable[int] | None = None) -> int:
    """A ``DocBin`` (``.spacy``) of the reviewed articles.

    Raises:
        MissingExtraError: spaCy is not installed (W303).
        CorrectionError: an id that names no article, nothing reviewed, or an article without tokens (W110).
    """
    spacy = _spacy()
    found = gold_articles(store, article_ids, out)
    vocab = spacy.vocab.Vocab()
    docs = spacy.tokens.DocBin(store_user_data=True)
    for r in found:
        docs.add(article_doc(vocab, r.id, r.article, r.quotes, url=r.url))
    docs.to_disk(out)
    return len(found)
