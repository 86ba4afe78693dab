"""Score sentence and token segmentation against CoNLL-U gold data (UD Indonesian).

The gold file's raw text is rebuilt from its tokens: within a sentence a token is
followed by a space unless its MISC column says ``SpaceAfter=No``, and sentences are
joined by a single space. The segmenter runs on that text and its sentences and
tokens are matched with the gold ones as the CoNLL 2018 UD shared task scorer
(``conll18_ud_eval.py``) does: spans are compared on character offsets that ignore
whitespace, and a span is correct when both its ends agree.

Tokens are surface tokens: a multiword token (``bukunya`` = ``buku`` + ``nya``) counts
once, by its range line; empty nodes (``8.1``) are not tokens.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from warta.article import Sentence
from warta.errors import EvaluationError
from warta.evaluation._gold import read_gold_text
from warta.evaluation.scoring import Score, match_spans

__all__ = ["GoldSegmentation", "evaluate_segmentation", "read_conllu"]

Segmenter = Callable[[str], Sequence[Sentence]]

# The segmentation of a treebank takes a few hundredths of a second; the best of a few
# runs keeps the reported speed from hanging on one scheduler hiccup.
_TIMING_RUNS = 3


@dataclass(frozen=True, slots=True)
class GoldSegmentation:
    """A CoNLL-U file's rebuilt text with its gold sentence and token spans."""

    text: str
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    words: int  # syntactic words (multiword tokens expanded)


class _Builder:
    """Collects the rebuilt text and the spans, one sentence at a time."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.size = 0
        self.sentences: list[tuple[int, int]] = []
        self.tokens: list[tuple[int, int]] = []
        self.words = 0
        self._sentence: list[tuple[str, bool]] = []  # (form, space after)
        self._skip_to = 0  # last word id covered by the current multiword token
        self._text: str | None = None
        self._text_line = 0

    def comment(self, line: str, number: int) -> None:
        if line.startswith("# text ="):
            self._text = line[len("# text =") :].strip()
            self._text_line = number

    def token_line(self, line: str, number: int) -> None:
        cols = line.split("\t")
        if len(cols) != 10:
            raise self._error(number, f"expected 10 tab-separated columns, found {len(cols)}")
        ident, form, misc = cols[0], cols[1], cols[9]
        if "." in ident:
            return  # an empty node: no surface text
        if "-" in ident:
            first, _, last = ident.partition("-")
            if not (first.isdigit() and last.isdigit()) or int(last) < int(first):
                raise self._error(number, f"bad multiword token range {ident!r}")
            self._skip_to = int(last)
            self._add(form, misc, number)
            return
        if not ident.isdigit():
            raise self._error(number, f"bad token id {ident!r}")
        self.words += 1
        if int(ident) > self._skip_to:
            self._add(form, misc, number)

    def _add(self, form: str, misc: str, number: int) -> None:
        if not form or form.isspace():
            raise self._error(number, "empty token form")
        self._sentence.append((form, "SpaceAfter=No" not in misc.split("|")))

    def end_sentence(self, number: int) -> None:
        if not self._sentence:
            if self._text is not None:
                raise self._error(number, "a sentence without tokens")
            return
        if self.parts:
            self.parts.append(" ")
            self.size += 1
        start = self.size
        pieces: list[str] = []
        for i, (form, space) in enumerate(self._sentence):
            self.tokens.append((self.size, self.size + len(form)))
            pieces.append(form)
            self.size += len(form)
            if space and i < len(self._sentence) - 1:
                pieces.append(" ")
                self.size += 1
        sentence = "".join(pieces)
        if self._text is not None and "".join(self._text.split()) != "".join(sentence.split()):
            raise self._error(self._text_line, "'# text' does not match the sentence's tokens")
        self.parts.append(sentence)
        self.sentences.append((start, self.size))
        self._sentence = []
        self._skip_to = 0
        self._text = None

    def _error(self, number: int, message: str) -> EvaluationError:
        return EvaluationError(f"line {number}: {message}", source=self.source)

    def result(self) -> GoldSegmentation:
        if not self.sentences:
            raise EvaluationError("no sentences found; is this a CoNLL-U file?", source=self.source)
        return GoldSegmentation("".join(self.parts), self.sentences, self.tokens, self.words)


def read_conllu(path: Path) -> GoldSegmentation:
    """Read a CoNLL-U file into its rebuilt text and gold sentence and token spans.

    Raises:
        EvaluationError: the file is missing, unreadable or not well-formed CoNLL-U.
    """
    source = str(path)
    content = read_gold_text(path)
    builder = _Builder(source)
    number = 0
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            builder.end_sentence(number)
        elif line.startswith("#"):
            builder.comment(line, number)
        else:
            builder.token_line(line.rstrip("\r\n"), number)
    builder.end_sentence(number + 1)
    return builder.result()


def _strip_offsets(text: str) -> list[int]:
    """``offsets[i]``: how many non-space characters precede position ``i`` of ``text``."""
    return list(accumulate((not c.isspace() for c in text), initial=0))


def _default_segmenter(text: str) -> Sequence[Sentence]:
    from warta.stages.segment.segment import segment_text

    return segment_text(text)[1]


def evaluate_segmentation(path: Path, *, segmenter: Segmenter | None = None) -> dict[str, Any]:
    """Score the segmenter's sentences and tokens against a CoNLL-U file.

    Args:
        path: the gold ``.conllu`` file.
        segmenter: text -> sentences with tokens (default: warta's segmentation stage).

    Returns:
        A JSON-able dict: ``precision``, ``recall``, ``f1`` and ``support`` of the tokens
        (the headline), ``per_label`` with ``sentences`` and ``tokens`` scores, the
        system's counts, the size of the text (``words`` as separated by spaces,
        ``syntactic_words`` as in the treebank, ``characters``) and the segmentation time
        (``seconds``, best of three runs, and ``words_per_second``).

    Raises:
        EvaluationError: the file is missing or not well-formed.
    """
    gold = read_conllu(path)
    segment = segmenter or _default_segmenter
    segment(gold.text[:200])  # load the word lists outside the timing
    seconds = float("inf")
    for _ in range(_TIMING_RUNS):
        began = time.perf_counter()
        sentences = segment(gold.text)
        seconds = min(seconds, time.perf_counter() - began)

    offsets = _strip_offsets(gold.text)

    def strip(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(offsets[s], offsets[e]) for s, e in spans]

    system_tokens = strip([(t.start, t.end) for s in sentences for t in s.tokens])
    system_sentences = strip([(s.start, s.end) for s in sentences])
    tokens = match_spans(strip(gold.tokens), system_tokens)
    sents = match_spans(strip(gold.sentences), system_sentences)
    return _report(Path(path), gold, tokens, sents, seconds)


def _report(
    path: Path, gold: GoldSegmentation, tokens: Score, sents: Score, seconds: float
) -> dict[str, Any]:
    words = len(gold.text.split())
    return {
        "benchmark": f"segment/{path.name}",
        "data": str(path),
        "format": "conllu",
        **tokens.as_dict(),
        "per_label": {"sentences": sents.as_dict(), "tokens": tokens.as_dict()},
        "system": {"sentences": sents.system, "tokens": tokens.system},
        "words": words,  # whitespace-separated, as warta bench counts them
        "syntactic_words": gold.words,
        "characters": len(gold.text),
        "seconds": seconds,
        "words_per_second": words / seconds if seconds > 0 else None,
    }
