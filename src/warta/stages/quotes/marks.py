"""Pair quote marks into quoted spans, whatever the style, without ever raising.

Styles seen in Indonesian news: curly pairs (“...”), the same closing mark used on both
sides (”...”, Kompas), straight marks ("..."), mixtures (“..." and "...”), guillemets
and single marks (‘...’, '...'). Marks are classified by what touches them (a mark glued
to the word after it opens, one glued to the word before it closes), then by the cue
that follows ("..., ” kata"), then by glyph, and last by alternation. A quote may run
over sentences and paragraphs; a paragraph that opens again without closing continues
the same quote (the print convention for long quotes). Unbalanced marks degrade: an
opener that never closes ends at its paragraph, a closer without opener starts at its
sentence, and both are flagged ``balanced=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from warta.stages.quotes.resources import cue_verbs, pronouns, reporting_verbs, title_small_words

__all__ = ["Marked", "find_marked"]

_DOUBLE = re.compile(r"[“”„‟\"«»]")
_SINGLE = re.compile(r"[‘’‚']")
_OPEN_GLYPHS = frozenset("“„«‘‚")
_CLOSE_GLYPHS = frozenset("»")
_WORD_AFTER = re.compile(r"[ \t]*(?:,[ \t]*)?([A-Za-z]+)")
_SENT_END = re.compile(r"[.!?…](?=\s)")
# The end of a paragraph: spaces, then a blank line or the end of the text.
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\n?[ \t]*\Z)")

Role = Literal["open", "close", "either"]


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: marks at ``open``/``close`` (-1 when missing), content ``[start, end)``."""

    open: int
    close: int
    start: int
    end: int
    balanced: bool


def _is_cue_word(word: str) -> bool:
    w = word.lower()
    roots = cue_verbs()
    return w in roots or (w.endswith("nya") and w[:-3] in roots)


def _after_punctuation(text: str, i: int) -> bool:
    """The mark follows the end of a clause, maybe across a stray space: '..., "' or '... . "'."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and j < i - 1 and text[j] in ",.!?…"


def _role(text: str, i: int) -> Role:
    n = len(text)
    left = i > 0 and not text[i - 1].isspace()
    right = i + 1 < n and not text[i + 1].isspace()
    # A tokenised source's spacing ('..., "kata Budi', '... banding. "' at a paragraph's
    # end) glues a closing mark to the wrong side: a clause's end before it and a cue, or
    # the end of the paragraph, after it make it a closer whatever the glue says.
    if _after_punctuation(text, i):
        cue = _WORD_AFTER.match(text, i + 1)
        if (
            cue is not None
            and _is_cue_word(cue.group(1))
            and text[cue.end() : cue.end() + 1] != "-"
            and not (cue.group(1)[:1].isupper() and text[i] in _OPEN_GLYPHS)
        ):
            # (An opening glyph before a capitalised "Katanya" opens a quote that starts with
            # hearsay: '... final. “Katanya 70 persen. Tapi ...”'.)
            return "close"
        if cue is not None and cue.group(1) in pronouns():
            # '... selesai, "ia menambahkan.': a pronoun and its reporting verb after the mark.
            verb = _WORD_AFTER.match(text, cue.end())
            if verb is not None and (verb.group(1) in reporting_verbs() or _is_cue_word(verb.group(1))):
                return "close"
        if _PARAGRAPH_END.match(text, i + 1):
            return "close"  # nothing after it in its paragraph: it closes the paragraph's quote
    # Glue decides first: ”Saya (opens), jalan,” (closes). Punctuation after a mark does
    # not glue it to a word: ”, kata closes. A cue in lower case glued after a mark closes
    # the quote before it whatever the spacing ('... Cak Imin "kata Hanif'): a quote opens
    # with a capital, and one opening with a cue-like word is capitalised ('"Jelas kami ...').
    if right and not left and text[i + 1] not in ",.;:)":
        glued = _WORD_AFTER.match(text, i + 1)
        if glued is not None and glued.group(1)[:1].islower() and _is_cue_word(glued.group(1)):
            return "close"
        return "open"
    if left and not right and text[i - 1] not in "(:":
        return "close"
    m = _WORD_AFTER.match(text, i + 1)
    if m is not None and _is_cue_word(m.group(1)):
        return "close"
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] == ":":
        return "open"
    if j >= 0 and text[j] == "," and m is not None and m.group(1)[:1].islower():
        return "close"
    c = text[i]
    if c in _OPEN_GLYPHS:
        return "open"
    if c in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _para_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _sentence_start(text: str, i: int) -> int:
    line = text.rfind("\n", 0, i) + 1
    last = line
    for m in _SENT_END.finditer(text, line, i):
        last = m.end()
    return last


def _pair(text: str, positions: list[int], roles: list[Role]) -> list[Marked]:
    out: list[Marked] = []
    opened = -1
    flipped = -1
    for k, (pos, role) in enumerate(zip(positions, roles, strict=True)):
        if k == flipped:
            role = "close"
        if opened < 0:
            turned = role == "close" and text[pos] == '"' and text[pos + 1 : pos + 3][:1] == " "
            turned = turned and text[pos + 2 : pos + 3].isupper()
            pair = turned and _inverted_pair(text, positions, roles, k)
            if pair or (
                turned and out and out[-1].close >= 0 and _sentence_start(text, pos) <= out[-1].close
            ):
                # A closer with no opener in the sentence of a quote just closed, before a
                # capitalised word: a tokenised source glued an opener to the word before it
                # ('..., "kata pemeran itu dalam film" Star Wars "'); it opens. So does one
                # with, a few capitalised words on, an opener spaced the same wrong way
                # ('dalam film" Star Wars "(2016)'), which closes the title they hold.
                opened = pos
                flipped = k + 1 if pair else -1
                continue
            if role == "close":
                # A closer with no opener: the quote began at its sentence, mark lost.
                s, e = _strip(text, _sentence_start(text, pos), pos)
                if e > s:
                    out.append(Marked(-1, pos, s, e, False))
            else:
                opened = pos
            continue
        if role == "open":
            if "\n" in text[opened:pos]:
                continue  # a new paragraph of the same long quote
            # An opener inside an open quote: the earlier quote lost its closer.
            s, e = _strip(text, opened + 1, pos)
            if e > s:
                out.append(Marked(opened, -1, s, e, False))
            opened = pos
            continue
        s, e = _strip(text, opened + 1, pos)
        if e > s and any(c.isalnum() for c in text[s:e]):
            # (Marks around nothing but punctuation, '",," kata Budi', held words the
            # scraper lost: nothing to quote.)
            out.append(Marked(opened, pos, s, e, True))
        opened = -1
    if opened >= 0:
        s, e = _strip(text, opened + 1, _para_end(text, opened + 1) if opened + 1 < len(text) else len(text))
        if e > s:
            out.append(Marked(opened, -1, s, e, False))
    return out


# How far a tokenised source's turned opener may be from its turned closer (characters).
_TURNED_SPAN = 80


def _inverted_pair(text: str, positions: list[int], roles: list[Role], k: int) -> bool:
    """The next mark after ``positions[k]`` is a straight opener with a space before it,
    close by on the same line, with only capitalised words, digits and joiners between: the
    spacing of both marks is turned the wrong way round."""
    if k + 1 >= len(positions) or roles[k + 1] != "open" or text[positions[k + 1]] != '"':
        return False
    a, b = positions[k] + 1, positions[k + 1]
    if b - a > _TURNED_SPAN or text[b - 1] != " ":
        return False
    words = text[a:b].split()
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w in ("-", ":", "&") or w in title_small_words() for w in words
    )


def _single_marks(text: str, lo: int, hi: int) -> tuple[list[int], list[Role]]:
    """Single marks between ``lo`` and ``hi`` that are quote marks, not apostrophes (Ma’ruf)."""
    positions: list[int] = []
    roles: list[Role] = []
    for m in _SINGLE.finditer(text, lo, hi):
        i = m.start()
        left = i > 0 and text[i - 1].isalnum()
        right = i + 1 < len(text) and text[i + 1].isalnum()
        if left and right:
            continue  # an apostrophe inside a word
        if i > 0 and (text[i - 1].isdigit() or (text[i - 1] == " " and text[i - 2 : i - 1].isdigit())):
            continue  # a minute or a foot, not a quote: "menit 48 '", "(72 'Safawi"
        if right and not left:
            positions.append(i)
            roles.append("open")
        elif (left and not right) or (i > 0 and text[i - 1] in ".,!?" and positions and roles[-1] == "open"):
            positions.append(i)
            roles.append("close")
    return positions, roles


def find_marked(text: str) -> list[Marked]:
    """Every quoted span of ``text``, double marks first, then single marks outside them.

    Example:
        >>> [text[m.start:m.end] for text in ['”Kami siap,” kata Budi.'] for m in find_marked(text)]
        ['Kami siap,']
    """
    positions = [m.start() for m in _DOUBLE.finditer(text)]
    roles = [_role(text, i) for i in positions]
    spans = _pair(text, positions, roles)
    if "'" in text or "‘" in text or "’" in text:
        covered = [(s.start, s.end) for s in spans]
        gaps = []
        lo = 0
        for s, e in covered:
            gaps.append((lo, s))
            lo = e
        gaps.append((lo, len(text)))
        singles: list[Marked] = []
        for lo, hi in gaps:
            ps, rs = _single_marks(text, lo, hi)
            if ps:
                singles.extend(m for m in _pair(text, ps, rs) if m.balanced)
        spans = sorted(spans + singles, key=lambda m: m.start)
    return spans
