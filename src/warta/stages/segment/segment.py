"""The whole segmentation of a text: paragraphs, then sentences, then tokens."""

from __future__ import annotations

from warta.article import Paragraph, Sentence
from warta.stages.segment.paragraphs import split_paragraphs
from warta.stages.segment.resources import SegmentResources, load_resources
from warta.stages.segment.sentences import split_sentences
from warta.stages.segment.tokens import tokenize

__all__ = ["MAX_SENTENCE_TOKENS", "cap_sentences", "segment_text"]

# Tokens a sentence may hold before it is cut. The longest sentence of 3,800 shared news
# articles has 1,029 tokens (a list without punctuation), the next ones under 500: the cap
# bounds what later stages spend per sentence (NER features, quote windows) on hostile text,
# a run of 300,000 full stops, without touching real prose.
MAX_SENTENCE_TOKENS = 1000


def segment_text(
    text: str, *, resources: SegmentResources | None = None
) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and sentences (with their tokens) of a cleaned text.

    Example:
        >>> paragraphs, sentences = segment_text("Hujan turun. Jalan banjir.\\nWarga mengungsi.")
        >>> [(s.paragraph, len(s.tokens)) for s in sentences]
        [(0, 3), (0, 3), (1, 3)]
    """
    res = resources or load_resources()
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        paragraphs.append(Paragraph(p_start, p_end))
        for s_start, s_end in split_sentences(text, p_start, p_end, resources=res):
            sentences.append(Sentence(s_start, s_end, index, tokenize(text, s_start, s_end)))
    return paragraphs, sentences


def cap_sentences(
    sentences: list[Sentence], *, max_tokens: int = MAX_SENTENCE_TOKENS
) -> tuple[list[Sentence], int]:
    """Cut every sentence of more than ``max_tokens`` tokens into pieces of at most that many.

    Returns the sentences and how many were cut. A piece runs from its first token's start
    to its last token's end, so the pieces still cover the words in order.

    Example:
        >>> _, sents = segment_text("satu dua tiga empat lima")
        >>> [len(s.tokens) for s in cap_sentences(sents, max_tokens=2)[0]]
        [2, 2, 1]
    """
    if all(len(s.tokens) <= max_tokens for s in sentences):
        return sentences, 0
    out: list[Sentence] = []
    cut = 0
    for s in sentences:
        if len(s.tokens) <= max_tokens:
            out.append(s)
            continue
        cut += 1
        for i in range(0, len(s.tokens), max_tokens):
            piece = s.tokens[i : i + max_tokens]
            start = s.start if i == 0 else piece[0].start
            end = s.end if i + max_tokens >= len(s.tokens) else piece[-1].end
            out.append(Sentence(start, end, s.paragraph, piece))
    return out, cut
