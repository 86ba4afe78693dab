"""The whole segmentation of a text: paragraphs, then sentences, then tokens."""

from __future__ import annotations

from warta.article import Paragraph, Sentence
from warta.stages.segment.paragraphs import split_paragraphs
from warta.stages.segment.resources import SegmentResources, load_resources
from warta.stages.segment.sentences import split_sentences
from warta.stages.segment.tokens import tokenize

__all__ = ["segment_text"]


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
