"""Segmentation: paragraphs, sentences and tokens of the cleaned text.

Plain functions do the work (:func:`split_paragraphs`, :func:`split_sentences`,
:func:`tokenize`, :func:`segment_text`); :class:`SegmentStep` wires them to an
``Article``. The word lists under ``resources/`` load on first use.
"""

from __future__ import annotations

from warta.stages.segment.paragraphs import split_paragraphs
from warta.stages.segment.resources import SegmentResources, load_resources
from warta.stages.segment.segment import segment_text
from warta.stages.segment.sentences import split_sentences
from warta.stages.segment.step import SegmentStep
from warta.stages.segment.tokens import tokenize

__all__ = [
    "SegmentResources",
    "SegmentStep",
    "load_resources",
    "segment_text",
    "split_paragraphs",
    "split_sentences",
    "tokenize",
]
