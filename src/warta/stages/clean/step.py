"""The cleaning step: wires :func:`warta.stages.clean.clean.clean_text` to an Article."""

from __future__ import annotations

from typing import ClassVar

from warta.article import Article, CleaningWarning
from warta.stages.clean.clean import clean_text

__all__ = ["CleanStep"]

# Warnings the readers put on an Article before cleaning (warta.io): the step keeps
# them. Its own kinds are made afresh, so cleaning an article twice does not repeat them.
_READER_KINDS = frozenset({"lossy-decode"})
_REPLACEMENT = "\ufffd"


class CleanStep:
    """Remove boilerplate, repair damage and record every change.

    Args:
        detect_headline: for plain-text input without a title, take a headline-like
            first line as the title (other inputs carry their title in metadata).
    """

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    provides: ClassVar[tuple[str, ...]] = ("text", "cleaning", "title", "offsets")

    def __init__(self, *, detect_headline: bool = True) -> None:
        self.detect_headline = detect_headline

    def __call__(self, article: Article) -> Article:
        detect = self.detect_headline and article.title is None and article.input_format == "text"
        result = clean_text(article.raw, detect_headline=detect, title=article.title)
        article.text = result.text
        if result.title:
            article.title = result.title
        article.offsets = result.offsets.anchors
        carried = [w for w in article.cleaning.warnings if w.kind in _READER_KINDS]
        article.cleaning = result.cleaning
        if carried:
            article.cleaning.warnings[:0] = [_placed(w, result.text) for w in carried]
        src = article.source
        src.author = src.author or result.author
        src.editor = src.editor or result.editor
        src.credits.extend(result.credits)
        if result.dateline is not None and (result.dateline.place or result.dateline.outlet):
            d = result.dateline
            written = next((c.before for c in result.cleaning.removed if c.rule == "dateline"), "")
            src.dateline = " ".join(written.split()) or None
            src.place = src.place or d.place
            src.outlet = src.outlet or d.outlet
        if not result.text.strip():
            article.cleaning.warnings.append(
                CleaningWarning(kind="empty-body", message="nothing is left after cleaning", start=0, end=0)
            )
        return article


def _placed(warning: CleaningWarning, text: str) -> CleaningWarning:
    """A reader's warning, pointing at the first U+FFFD of the cleaned text (else at 0).

    Example:
        >>> w = CleaningWarning(kind="lossy-decode", message="lossy decode", start=0, end=0)
        >>> _placed(w, "Harga naik 10 \ufffd persen.").start
        14
    """
    start = text.find(_REPLACEMENT) if warning.kind == "lossy-decode" else -1
    if start < 0:
        start = end = 0
    else:
        end = start + 1
    return CleaningWarning(kind=warning.kind, message=warning.message, start=start, end=end, cue=warning.cue)
