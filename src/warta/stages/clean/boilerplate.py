"""Find boilerplate in scraped news text: comment forms, ads, "Baca juga" links,
share prompts, photo credits and bylines.

Rules live in ``resources/boilerplate.toml``. Three scopes: a whole short line, a phrase
inside running text, and a "read also" cue whose glued-on headline has to be measured.
"""

from __future__ import annotations

import re
from functools import cache

from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import BoilerplateRule, boilerplate_rules

__all__ = ["find_boilerplate", "headline_end"]

# Boilerplate lines are short; a long line is prose even when it starts like a prompt,
# and testing only short lines keeps the scan cheap on long paragraphs.
MAX_LINE_CHARS = 300

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")
# Words a headline may keep in lower case (prepositions, conjunctions, particles).
_HEADLINE_LOWER = frozenset(
    "di ke dari dan yang untuk dengan pada atau bagi dalam soal terkait vs usai jelang hingga sampai "
    "oleh karena agar jadi ini itu tak tidak bisa akan sudah belum masih juga pun lah kah nya se".split()
)
_MAX_HEADLINE_WORDS = 25


@cache
def _compiled() -> tuple[
    list[tuple[BoilerplateRule, re.Pattern[str]]],
    re.Pattern[str] | None,
    dict[str, BoilerplateRule],
    re.Pattern[str] | None,
    dict[str, BoilerplateRule],
]:
    line_rules: list[tuple[BoilerplateRule, re.Pattern[str]]] = []
    inline_parts: list[str] = []
    inline_map: dict[str, BoilerplateRule] = {}
    head_parts: list[str] = []
    head_map: dict[str, BoilerplateRule] = {}
    for i, rule in enumerate(boilerplate_rules()):
        body = "|".join(f"(?:{p})" for p in rule.patterns)
        if rule.scope == "line":
            line_rules.append((rule, re.compile(rf"\s*(?:{body})\s*")))
        elif rule.scope == "inline":
            inline_parts.append(f"(?P<r{i}>{body})")
            inline_map[f"r{i}"] = rule
        else:
            head_parts.append(f"(?P<r{i}>{body})")
            head_map[f"r{i}"] = rule
    inline = re.compile("|".join(inline_parts), re.MULTILINE) if inline_parts else None
    head = re.compile("|".join(head_parts)) if head_parts else None
    return line_rules, inline, inline_map, head, head_map


def headline_end(text: str, pos: int, limit: int) -> int:
    """Where a headline glued to the following sentence ends.

    Indonesian headlines capitalise every word but short function words. The headline
    runs while words are capitalised (or numbers, or function words); the first lower-case
    content word belongs to the next sentence, which starts one word earlier.

    Example:
        >>> t = "Harga Cabai Naik Jelang Lebaran Pedagang mengeluhkan sepi pembeli."
        >>> t[:headline_end(t, 0, len(t))]
        'Harga Cabai Naik Jelang Lebaran '
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, pos, limit)]
    last_end = pos
    for k, (s, e) in enumerate(words[: _MAX_HEADLINE_WORDS + 1]):
        w = text[s:e]
        if w[0] in "\"“”'‘":
            return last_end  # a quotation opens the next sentence
        core = w.strip("\"“”'‘’()[],.:;!?")
        if not core:
            last_end = e
            continue
        head = core[0]
        if head.isupper() or head.isdigit() or core.lower() in _HEADLINE_LOWER or not core[0].isalpha():
            last_end = e
            if w[-1] in "?!":  # a question or exclamation closes a headline
                return e
            continue
        # A lower-case content word: the next sentence began at the previous word.
        return words[k - 1][0] if k >= 1 else pos
    return last_end


def _line_fix(text: str, start: int, end: int, rule: BoilerplateRule) -> Fix:
    # Take the line's newline with it so no blank gap is left behind.
    if end < len(text) and text[end] == "\n":
        end += 1
    elif start > 0 and text[start - 1] == "\n":
        start -= 1
    return Fix(start, end, "", rule.kind, rule.id, rule.reason, text[start:end])


def _inline_fix(text: str, start: int, end: int, rule: BoilerplateRule) -> Fix:
    # Remove one neighbouring space too, so "kata dia. ADVERTISEMENT Warga" -> "kata dia. Warga".
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " ":
        start -= 1
    return Fix(start, end, "", rule.kind, rule.id, rule.reason, text[start:end])


def find_boilerplate(text: str) -> list[Fix]:
    """Return removals for the boilerplate in ``text``, in order, never overlapping.

    Example:
        >>> [f.rule for f in find_boilerplate("Harga naik.\\nTinggalkan Balasan\\n")]
        ['comment-form']
    """
    line_rules, inline, inline_map, head, head_map = _compiled()
    fixes: list[Fix] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        if e - s > MAX_LINE_CHARS:
            continue
        line = m.group()
        for rule, rx in line_rules:
            if rx.fullmatch(line):
                fixes.append(_line_fix(text, s, e, rule))
                break
    taken = [(f.start, f.end) for f in fixes]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    if inline is not None:
        for m in inline.finditer(text):
            if m.end() == m.start() or not free(*m.span()):
                continue
            rule = inline_map[m.lastgroup or ""]
            fix = _inline_fix(text, m.start(), m.end(), rule)
            if free(fix.start, fix.end):
                fixes.append(fix)
                taken.append((fix.start, fix.end))
    if head is not None:
        for m in head.finditer(text):
            if not free(*m.span()):
                continue
            rule = head_map[m.lastgroup or ""]
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            end = headline_end(text, m.end(), line_end)
            if end == line_end:
                fix = _inline_fix(text, m.start(), end, rule)
            else:  # [cue + headline + space) goes; the next sentence keeps its place
                fix = Fix(m.start(), end, "", rule.kind, rule.id, rule.reason, text[m.start() : end])
            if free(fix.start, fix.end):
                fixes.append(fix)
                taken.append((fix.start, fix.end))
    fixes.sort(key=lambda f: f.start)
    return fixes

