"""Read NER gold files and score entities as conlleval / seqeval do.

Three layouts are read, one token per line and a blank line between sentences:

- IndoNLU (NERP, NERGrit) and IndoLEM (NER-UI, NER-UGM): ``token<TAB>label``;
- idner-news-2k: ``token POS label``, separated by spaces.

``format="tsv"`` splits on tabs only (NERP has tokens that contain spaces);
``format="conll"`` splits on any whitespace. In both the token is the first column
and the label the last.

An entity is a maximal chunk of a type as conlleval reads BIO/IOB/IOBES tags: a
chunk starts at ``B-``/``S-``, or at an ``I-``/``E-`` whose type differs from the
previous tag's (or follows ``O``), and ends before the next start or ``O``. It is
correct when gold has a chunk with the same type, start and end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from warta.errors import EvaluationError
from warta.evaluation._gold import read_gold_text
from warta.evaluation.scoring import Score
from warta.stages.ner.tags import entity_spans

__all__ = [
    "NerFormat",
    "NerSentence",
    "entity_spans",
    "entity_types",
    "read_ner_file",
    "read_ner_text",
    "score_entities",
]

NerFormat = Literal["tsv", "conll"]


@dataclass(frozen=True, slots=True)
class NerSentence:
    """A gold sentence: its tokens and their tags."""

    tokens: list[str]
    labels: list[str]


def read_ner_text(content: str, *, format: NerFormat, source: str = "<text>") -> list[NerSentence]:
    """Parse NER gold text (see the module docstring for the layouts).

    Raises:
        EvaluationError: a line with a single column, or a tag that is not ``O`` or ``X-TYPE``.

    Example:
        >>> [s.labels for s in read_ner_text("Joko\\tB-PER\\ndatang\\tO\\n", format="tsv")]
        [['B-PER', 'O']]
    """
    sentences: list[NerSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if tokens:
                sentences.append(NerSentence(tokens, labels))
                tokens, labels = [], []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        cols = line.split("\t") if format == "tsv" else line.split()
        if len(cols) < 2:
            raise EvaluationError(
                f"line {number}: expected a token and a label separated by "
                f"{'a tab' if format == 'tsv' else 'whitespace'}",
                source=source,
            )
        label = cols[-1].strip()
        if label != "O" and (len(label) < 3 or label[1] != "-" or label[0] not in "BIES"):
            raise EvaluationError(f"line {number}: bad tag {label!r}", source=source)
        tokens.append(cols[0])
        labels.append(label)
    if tokens:
        sentences.append(NerSentence(tokens, labels))
    return sentences


def read_ner_file(path: Path, *, format: NerFormat) -> list[NerSentence]:
    """Read a NER gold file.

    Raises:
        EvaluationError: the file is missing, unreadable, empty or malformed.
    """
    source = str(path)
    content = read_gold_text(path)
    sentences = read_ner_text(content, format=format, source=source)
    if not sentences:
        raise EvaluationError("no sentences found", source=source)
    return sentences


def entity_types(sentences: Iterable[NerSentence]) -> set[str]:
    """The entity types used in a gold file (``PERSON``, ``PLC``, ...)."""
    return {lab[2:] for s in sentences for lab in s.labels if lab != "O"}


def score_entities(gold: Sequence[Sequence[str]], system: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Entity-level micro and per-type precision, recall and F1.

    Args:
        gold: gold tag sequences, one per sentence.
        system: predicted tag sequences, aligned with ``gold``.

    Returns:
        ``precision``, ``recall``, ``f1`` (floats 0-1), ``support`` (gold entities) and
        ``per_label`` (type -> the same fields), types sorted by name.

    Raises:
        EvaluationError: the sequences are not aligned.
    """
    if len(gold) != len(system):
        raise EvaluationError(f"{len(gold)} gold sentences but {len(system)} system sentences")
    counts: dict[str, list[int]] = {}
    for g_tags, s_tags in zip(gold, system, strict=True):
        if len(g_tags) != len(s_tags):
            raise EvaluationError(f"sentence lengths differ: {len(g_tags)} gold, {len(s_tags)} system tags")
        g_spans = set(entity_spans(g_tags))
        s_spans = set(entity_spans(s_tags))
        for _, _, typ in g_spans:
            counts.setdefault(typ, [0, 0, 0])[0] += 1
        for span in s_spans:
            c = counts.setdefault(span[2], [0, 0, 0])
            c[1] += 1
            c[2] += span in g_spans
    per = {t: Score(gold=c[0], system=c[1], correct=c[2]) for t, c in sorted(counts.items())}
    total = Score(
        gold=sum(s.gold for s in per.values()),
        system=sum(s.system for s in per.values()),
        correct=sum(s.correct for s in per.values()),
    )
    return {**total.as_dict(), "per_label": {t: s.as_dict() for t, s in per.items()}}
