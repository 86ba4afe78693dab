"""Sentences: where a paragraph's sentences end.

A regex finds each run of ``.``, ``?``, ``!`` or ``…`` (with the closing quotes and
brackets glued to it) that is followed by a space, plus a period glued to a capitalised
word (``selesai.Kemudian``, a scraper that dropped the space). Each such candidate is
then judged on the word before it and the word after it:

- a bracket after the punctuation does not open a sentence: it holds a credit or a
  source of the sentence before (``... naik. (ant/rzn)``);
- after ``?`` or ``!`` the sentence ends unless a lower-case word follows
  (``"Siapa?" tanya dia``); after an ellipsis only a capital or a digit starts one;
- after a period the word before decides: a title never ends a sentence (``Jl.``,
  ``No.``, ``Prof.``); an initial, an inner-period abbreviation or a name abbreviation
  ends one only before a sentence starter or a quotation (``Susilo B. Yudhoyono`` but
  ``... di Blok A. Namun ...``); another abbreviation ends one before a capital
  (``dll. Kemudian`` but ``dll. yang``); a number ends one unless a digit follows; an
  ordinary word ends one, even before a lower-case word (scraped posts drop capitals),
  except after a closing quote (``"Kami siap." kata Budi``); a lone ``1.`` or ``a.``
  opening a paragraph numbers an item and ends nothing;
- no sentence ends inside a quotation or a bracket that closes later in the same
  paragraph, as in UD Indonesian (``"Kami siap. Kami juga siap," kata Budi.`` is one
  sentence);
- a "sentence" without a letter or digit (a stray quote mark) joins its neighbour.

The word lists (titles, abbreviations, sentence starters) are in ``resources/``.
"""

from __future__ import annotations

import re
from enum import Enum

from warta.stages.segment.resources import SegmentResources, load_resources

__all__ = ["split_sentences"]

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_QUOTES = '"“”«»'
_CLOSING_QUOTES = "”»"

# Both branches start with the terminal, so the regex engine can skip ahead to the
# next terminal character instead of trying every position.
_CANDIDATE = re.compile(
    r"""
    [.!?…](?:
        [.!?…]*(?:(?:["'”’)\]»]+|“(?=\s))[.!?…]*)*  # terminal punctuation and the closers glued to it
                                            # (an opening glyph used as one: 'banyak.“ Emi')
        (?:[^\S\n]+["”»](?=\s|$))?          # a closing quote cut off by a space: 'siap. "'
        (?=\s|$)
      | (?<=[a-z]\.)(?=[A-Z][a-z])          # "selesai.Kemudian": the space went missing
    )
    """,
    re.X,
)
_NON_SPACE = re.compile(r"\S")
_QUOTE_MARK = re.compile(r"[\"“”«»]")
_PAREN = re.compile(r"[()]")
_HAS_ALNUM = re.compile(r"[^\W_]")
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[IVXivx]{2,4})\.")
_NUMBER = re.compile(r"\d[\d.,:/-]*")
_INNER_PERIODS = re.compile(r"[A-Za-z]{1,3}(?:\.[A-Za-z]{1,4})+")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")

# How far to look around a candidate for the words on either side: longer words (URLs)
# are cut, which is harmless because only short words are abbreviations.
_WINDOW = 48
# A quotation that runs past this many characters is more likely a stray mark than a
# quotation: news quotes rarely run past five or six sentences.
_MAX_QUOTE = 1200


class _Kind(Enum):
    TITLE = 1  # never ends a sentence: Jl. No. Prof.
    NAME = 2  # ends one only before a sentence starter: initials, S.H., PT.
    ABBREVIATION = 3  # ends one before a capitalised word: dll. Tbk.
    NUMBER = 4
    WORD = 5


def _classify(word: str, res: SegmentResources) -> _Kind:
    lower = word.lower()
    if lower in res.titles:
        return _Kind.TITLE
    if len(word) == 1 and word.isalpha():
        return _Kind.NAME
    if lower in res.name_abbreviations or _INNER_PERIODS.fullmatch(word):
        return _Kind.NAME
    # An acronym in capitals (DPR, WIB, TNI) is not written with a period of its own:
    # the period after it is the sentence's.
    if lower in res.abbreviations and not (word.isupper() and len(word) > 1):
        return _Kind.ABBREVIATION
    if _NUMBER.fullmatch(word):
        return _Kind.NUMBER
    return _Kind.WORD


def _is_boundary(text: str, m: re.Match[str], start: int, end: int, res: SegmentResources) -> int:
    """Where the next sentence starts when ``m`` ends a sentence, else -1."""
    p, q = m.span()
    glued = q < end and not text[q].isspace()  # "selesai.Kemudian"
    if glued:
        k = q
    else:
        nxt = _NON_SPACE.search(text, q, end)
        if nxt is None:
            return -1  # the paragraph ends here anyway
        k = nxt.start()

    run = m.group()
    question = "?" in run or "!" in run
    ellipsis = "…" in run or ".." in run
    quoted = any(c in "\"'”’»" for c in run)

    # The word before the punctuation, without the brackets or quotes around it.
    before = text[max(start, p - _WINDOW) : p].rsplit(None, 1)
    raw_word = before[-1] if before else ""
    word = raw_word.strip(_OPENERS + _CLOSERS + "*")
    first_word = p - len(raw_word) <= start

    # The word after: what opens it, and its first letters.
    after = text[k : min(end, k + _WINDOW)]
    opened = after[: len(after) - len(after.lstrip(_OPENERS))]
    rest = after[len(opened) :]
    head = rest[:1]

    if glued:
        if not word.isalpha() or len(word) < 2 or _classify(word, res) is not _Kind.WORD:
            return -1
        split = True
    elif opened[:1] in ("(", "["):
        # "... naik. (ant/rzn)": a bracket after a full stop holds a credit, a source or
        # an expansion that belongs to the sentence before it.
        split = False
    elif head.islower():
        # A lower-case word goes on the sentence after "?", "!", an ellipsis, a closing
        # quote ("Kami siap." kata Budi) or an abbreviation (dll. yang); after a plain
        # word the writer forgot the capital.
        split = not (question or ellipsis or quoted) and _classify(word, res) in (_Kind.WORD, _Kind.NUMBER)
    elif question:
        split = True
    elif ellipsis:
        split = head.isupper() or head.isdigit()
    else:
        kind = _classify(word, res)
        if first_word and _LIST_MARKER.fullmatch(raw_word + "."):
            split = False  # "1. Pertama ..." is a numbered item, not a sentence "1."
        elif kind is _Kind.TITLE:
            split = False
        elif kind is _Kind.NAME:
            letters = _LEADING_LETTERS.match(rest)
            starter = letters is not None and letters.group().lower() in res.sentence_starters
            split = starter or (opened[:1] in ('"', "“", "«") and head.isupper())
        elif kind is _Kind.ABBREVIATION:
            split = head.isupper()
        elif kind is _Kind.NUMBER:
            split = not head.isdigit()  # "2.904. 678" is a broken number, not two sentences
        else:
            split = True
    if not split or _inside_pair(text, start, q, end):
        return -1
    return k


def _inside_pair(text: str, start: int, q: int, end: int) -> bool:
    """Whether ``q`` lies inside a quotation or bracket that closes later in the paragraph."""
    # The last quote mark before q (str.rfind runs in C) and whether it opened a quotation.
    last = max(text.rfind(c, start, q) for c in _QUOTES)
    if last >= 0 and text[last] == "“" and _misused_closer(text, last, end):
        last = -1  # 'banyak.“ Emi': an opening glyph closing the quotation before it
    if last >= 0 and (text[last] in "“«" or (text[last] == '"' and _opens(text, last, start, end))):
        nxt = _QUOTE_MARK.search(text, q, min(end, last + _MAX_QUOTE))
        if nxt is not None:
            n = nxt.start()
            if text[n] in _CLOSING_QUOTES or (text[n] == '"' and not _opens(text, n, start, end)):
                return True
    if text.count("(", start, q) > text.count(")", start, q):
        nxt = _PAREN.search(text, q, min(end, q + _MAX_QUOTE))
        return nxt is not None and nxt.group() == ")"
    return False


def _misused_closer(text: str, i: int, end: int) -> bool:
    """An opening glyph glued after terminal punctuation with a space after it: a closer."""
    return i > 0 and text[i - 1] in ".!?…," and (i + 1 >= end or text[i + 1].isspace())


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """Whether the straight quote at ``i`` opens a quotation (space before, word after)."""
    before_ok = i == start or text[i - 1].isspace() or text[i - 1] in "([{"
    after_ok = i + 1 < end and not text[i + 1].isspace()
    return before_ok and after_ok


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    resources: SegmentResources | None = None,
) -> list[tuple[int, int]]:
    """Split the paragraph ``text[start:end]`` into sentences.

    Args:
        text: the whole text; offsets are into it.
        start, end: the paragraph's span (default: the whole text), trimmed of spaces.
        resources: the word lists (default: the packaged ones, loaded once).

    Returns:
        ``(start, end)`` spans, trimmed of spaces, covering the paragraph's text.

    Example:
        >>> t = 'Prof. Budi tiba pukul 14.30. "Kami siap. Kami juga siap," kata dia.'
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['Prof. Budi tiba pukul 14.30.', '"Kami siap. Kami juga siap," kata dia.']
    """
    stop = len(text) if end is None else end
    res = resources or load_resources()
    spans: list[tuple[int, int]] = []
    s = start
    for m in _CANDIDATE.finditer(text, start, stop):
        if m.start() < s:
            continue
        k = _is_boundary(text, m, s, stop, res)
        if k >= 0:
            spans.append((s, m.end()))
            s = k
    if s < stop:
        spans.append((s, stop))
    return _merge_empty(text, spans)


def _merge_empty(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span without a letter or digit (a lone quote mark) to its neighbour."""
    if len(spans) < 2 or all(_HAS_ALNUM.search(text, s, e) for s, e in spans):
        return spans
    out: list[tuple[int, int]] = []
    pending = -1  # start of empty spans met before any real sentence
    for s, e in spans:
        if _HAS_ALNUM.search(text, s, e):
            out.append((s if pending < 0 else pending, e))
            pending = -1
        elif out:
            out[-1] = (out[-1][0], e)
        elif pending < 0:
            pending = s
    if pending >= 0:
        out.append((pending, spans[-1][1]))
    return out
