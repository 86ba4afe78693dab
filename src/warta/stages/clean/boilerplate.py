"""Find boilerplate in scraped news text: comment forms, ads, "Baca juga" links,
share prompts, photo credits and bylines.

Rules live in ``resources/boilerplate.toml``. Three scopes: a whole short line, a phrase
inside running text, and a "read also" cue whose glued-on headline has to be measured.
"""

from __future__ import annotations

import re
from functools import cache

from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import (
    BoilerplateRule,
    boilerplate_rules,
    clause_words,
    connectives,
    headline_if_capital,
    headline_lower,
    headline_lower_extra,
    name_titles,
    openers,
)

__all__ = ["find_boilerplate", "headline_end"]

# Boilerplate lines are short; a long line is prose even when it starts like a prompt,
# and testing only short lines keeps the scan cheap on long paragraphs.
MAX_LINE_CHARS = 400

_LINE = re.compile(r"[^\n]+")
_COMMAS = re.compile(r"\s*,[,\s]*")
_WORD = re.compile(r"\S+")
_MAX_HEADLINE_WORDS = 25
# Subordinators that open a sentence before its subject ("Jika ...", "Ketika ...").
_SUBORDINATORS = frozenset("Jika Bila Apabila Kalau Ketika".split())
_NAME_WORD = re.compile(r"[A-Z][a-z]+,?$")
_PROPER = re.compile(r"[A-Z][A-Za-z]+$")
_QUOTED_WORD = re.compile(r"[\"“'‘][A-Z][^\s\"”'’]*[\"”'’],?$")
# Capitalised words that always open a sentence, never continue a headline.
_HARD_OPENERS = frozenset("Adapun Dilansir Padahal Kendati Apabila".split())
_GLUED_COMMA = re.compile(r",(?=[\"“A-Z])")


@cache
def _headline_lower() -> frozenset[str]:
    """Words a headline may keep in lower case (prepositions, conjunctions, particles)."""
    return headline_lower() | headline_lower_extra()


@cache
def _sentence_openers() -> frozenset[str]:
    """Capitalised words that open the next sentence rather than continue a headline."""
    return openers() | connectives() | _SUBORDINATORS | _HARD_OPENERS


Compiled = list[tuple[BoilerplateRule, re.Pattern[str]]]


@cache
def _tail_rules() -> list[tuple[BoilerplateRule, re.Pattern[str]]]:
    """Rules of scope "tail": whole lines, matched among the last lines of the text only."""
    return [
        (r, re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in r.patterns) + r")\s*"))
        for r in boilerplate_rules()
        if r.scope == "tail"
    ]


# How many lines from the end a "tail" rule looks at (a signature, a wire credit, a source).
_TAIL_LINES = 3


def _tail_fixes(text: str, fixes: list[Fix]) -> list[Fix]:
    """Removals of the signature lines that close the text (see :func:`_tail_rules`)."""
    rules = _tail_rules()
    if not rules:
        return []
    removed = [(f.start, f.end) for f in fixes]
    out: list[Fix] = []
    end = len(text)
    for _ in range(_TAIL_LINES + 8):
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0 or len(out) >= _TAIL_LINES:
            break
        start = text.rfind("\n", 0, end) + 1
        if any(a <= start and end <= b for a, b in removed):
            end = start  # already removed by another rule: look above it
            continue
        line = text[start:end]
        rule = next((r for r, rx in rules if len(line) <= 120 and rx.fullmatch(line)), None)
        if rule is None:
            break
        out.append(_line_fix(text, start, end, rule, floor=0))
        end = start
    return out


@cache
def _compiled() -> tuple[re.Pattern[str] | None, dict[str, BoilerplateRule], Compiled, Compiled]:
    """Line rules as one alternation (a named group per rule, tried on short lines only);
    inline and headline patterns one by one: a pattern that starts with a literal scans
    at C speed, an alternation of them does not."""
    line_parts: list[str] = []
    by_group: dict[str, BoilerplateRule] = {}
    inline: Compiled = []
    headline: Compiled = []
    for i, rule in enumerate(boilerplate_rules()):
        if rule.scope == "tail":
            continue  # see _tail_rules
        if rule.scope == "line":
            line_parts.append(f"(?P<r{i}>" + "|".join(f"(?:{p})" for p in rule.patterns) + ")")
            by_group[f"r{i}"] = rule
        else:
            target = inline if rule.scope == "inline" else headline
            target.extend((rule, re.compile(p, re.MULTILINE)) for p in rule.patterns)
    # An opening quote mark before a prompt line is scraper debris ('Simak juga Video ...).
    line_rx = re.compile(r"\s*[\x27‘\"“]?\s*(?:" + "|".join(line_parts) + r")\s*") if line_parts else None
    return line_rx, by_group, inline, headline


def _capitalised(core: str) -> bool:
    # "iOS", "eFishery": a capital inside the word marks a name as well.
    return core[0].isupper() or core[0].isdigit() or any(c.isupper() for c in core[1:]) or "." in core


def _walk_back(text: str, words: list[tuple[int, int]], j: int) -> int:
    """Move a cut at word ``j`` back over what opens the next sentence with it.

    Connectives ("Lalu,", "Jika"), "Oleh karena itu,", "Menurut X,", a name the article
    writes in full elsewhere ("Irwan | Arianto mengatakan") and a role right before that
    name ("Presiden Ukraina | Volodymyr Zelensky") belong to the sentence, not the headline.
    """
    if j <= 0:
        return j
    ws = [text[s:e] for s, e in words]
    if j >= 3 and ws[j - 1] == "itu," and ws[j - 2] in ("karena", "sebab") and ws[j - 3] == "Oleh":
        return j - 3
    for i in range(max(1, j - 4), j):
        if (
            ws[i] == "Menurut"
            and all(_capitalised(w.strip(",")) for w in ws[i + 1 : j])
            and ws[j - 1].endswith(",")
        ):
            return i
    if j >= 2 and (
        (ws[j - 1].endswith(",") and ws[j - 1][:-1] in connectives()) or ws[j - 1] in _SUBORDINATORS
    ):
        return j - 1
    if _NAME_WORD.match(ws[j]) is None or ws[j].strip(",") in _sentence_openers():
        return j
    best = j
    for i in range(j - 1, max(0, j - 4), -1):
        if _PROPER.match(ws[i]) is None:
            break
        if text.count(" ".join(ws[i:j]) + " " + ws[j].strip(",")) >= 2:
            best = i
    if best < j:
        for i in range(best - 1, max(0, best - 4), -1):
            if ws[i] in name_titles():
                return i - 1 if i >= 1 and ws[i - 1] == "Wakil" else i
            if not _capitalised(ws[i].strip("(),")):
                break
    return best


def headline_end(text: str, pos: int, limit: int) -> int:
    """Where a headline glued to the following sentence ends.

    Indonesian headlines capitalise every word but short function words. The headline
    runs while words are capitalised (or numbers, or function words); the first lower-case
    content word belongs to the next sentence, which starts one word earlier, or earlier
    still when the sentence opens with a phrase ("Saat ini, ...", "Menurut dia, ...") or
    repeats a name from the headline ("... Kim Jong Un Kim Jong Un menyatakan").

    Example:
        >>> t = "Harga Cabai Naik Jelang Lebaran Pedagang mengeluhkan sepi pembeli."
        >>> t[:headline_end(t, 0, len(t))]
        'Harga Cabai Naik Jelang Lebaran '
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, pos, limit)]
    cores: list[str] = []
    last_end = pos
    opened = "(" in text[max(0, pos - 14) : pos]  # "(Baca juga: ...)" closes with its bracket
    for k, (s, e) in enumerate(words[: _MAX_HEADLINE_WORDS + 1]):
        w = text[s:e]
        glued = _GLUED_COMMA.search(w)
        if glued and k >= 1:
            return s + glued.start() + 1  # "Judul,Kalimat": a paragraph comma of the scraper
        if w[0] in "\"“”'‘":
            # A short quoted word inside a headline ('Wali Kota "Memanah", Bawa ...') goes on.
            if (
                k >= 1
                and _QUOTED_WORD.match(w)
                and k + 1 < len(words)
                and _capitalised(text[words[k + 1][0] : words[k + 1][1]].strip("\"“”'‘’(),") or "x")
            ):
                cores.append(w.strip("\"“”'‘’,"))
                last_end = e
                continue
            return last_end  # a quotation opens the next sentence
        if w[0] == "[" or ".com/" in w or ".COM/" in w:
            return last_end  # an embed or a photo credit: boilerplate of its own
        core = w.strip("\"“”'‘’()[],.:;!?")
        cores.append(core)
        if not core or (not core[0].isalpha() and not core[0].isdigit()):
            last_end = e
            continue
        if opened and w.endswith((")", "),", ").")):
            return e
        low = core.lower()
        nxt = text[words[k + 1][0] : words[k + 1][1]] if k + 1 < len(words) else ""
        after_next = text[words[k + 2][0] : words[k + 2][1]] if k + 2 < len(words) else ""
        if k >= 1 and core in _HARD_OPENERS:
            return s
        if k >= 1 and core == "Menurut":  # "Menurut Andika, ..."
            for x in (text[a:b] for a, b in words[k + 1 : k + 4]):
                if not _capitalised(x.strip(",") or "x"):
                    break
                if x.endswith(","):
                    return s
        if (
            k >= 1
            and _capitalised(core)
            and not w.endswith(",")
            and nxt[:1].islower()
            and nxt.strip(",.").lower() in clause_words()
            and after_next[:1].islower()
        ):
            return words[_walk_back(text, words, k)][0]  # "Samsung juga menyiapkan ..."
        if (
            k >= 1
            and low in ("ini", "itu")
            and _capitalised(cores[k - 1])
            and (w.endswith(",") or nxt[:1].islower())
        ):
            return words[k - 1][0]  # "Saat ini, ..." / "Sementara itu, ..." / "Hal itu membuat"
        if k >= 1 and core in openers() and nxt:
            nxt_low = nxt.strip(",.").lower()
            if w.endswith(",") or (
                nxt[0].islower() and (nxt_low not in _headline_lower() or nxt_low in clause_words())
            ):
                return words[_walk_back(text, words, k)][0]  # "Menurut dia, ...", "Ia mengatakan ..."
        if core.islower() and low in headline_if_capital() and not (nxt[:1].isupper() or nxt[:1].isdigit()):
            return words[_walk_back(text, words, k - 1)][0] if k >= 1 else pos
        if low in headline_if_capital() or _capitalised(core) or low in _headline_lower():
            last_end = e
            continue
        # A lower-case content word: the next sentence began at the previous word, or at
        # the start of a name the headline already carried.
        if k == 0:
            return pos
        for n in (3, 2):
            seq = cores[k - n : k]
            if len(seq) == n and all(x and _capitalised(x) for x in seq):
                earlier = cores[: k - n]
                if any(earlier[i : i + n] == seq for i in range(len(earlier) - n + 1)):
                    return words[k - n][0]
        return words[_walk_back(text, words, k - 1)][0]
    return last_end


def by_group_id(by_group: dict[str, BoilerplateRule], rule_id: str) -> BoilerplateRule:
    return next(r for r in by_group.values() if r.id == rule_id)


def _looks_like_headline(line: str) -> bool:
    words = _WORD.findall(line)
    if not 2 <= len(words) <= _MAX_HEADLINE_WORDS or line.rstrip()[-1:] in ".,;:":
        return False
    content = [w for w in words if w.strip("\"“”'‘’(),:?!").lower() not in _headline_lower()]
    caps = sum(1 for w in content if _capitalised(w.strip("\"“”'‘’(),:?!") or "x"))
    return bool(content) and caps / len(content) >= 0.7


def _line_fix(text: str, start: int, end: int, rule: BoilerplateRule, *, floor: int = 0) -> Fix:
    # Take the line's newline with it so no blank gap is left behind (the one before it
    # on the last line, unless an earlier removal already took that one).
    if end < len(text) and text[end] == "\n":
        end += 1
    elif start > floor and text[start - 1] == "\n":
        start -= 1
    return Fix(start, end, "", rule.kind, rule.id, rule.reason, text[start:end])


def _inline_fix(text: str, start: int, end: int, rule: BoilerplateRule) -> Fix:
    # Remove one neighbouring space too, so "kata dia. ADVERTISEMENT Warga" -> "kata dia. Warga";
    # a phrase glued to the next word ("KOMPAS.com/NAMALatihan") keeps the space before it.
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in "\n.,;:!?"):
        start -= 1
    return Fix(start, end, "", rule.kind, rule.id, rule.reason, text[start:end])


def find_boilerplate(text: str) -> list[Fix]:
    """Return removals for the boilerplate in ``text``, in order, never overlapping.

    Example:
        >>> [f.rule for f in find_boilerplate("Harga naik.\\nTinggalkan Balasan\\n")]
        ['comment-form']
    """
    line_rx, by_group, inline, headline = _compiled()
    fixes: list[Fix] = []
    if line_rx is not None:
        for m in _LINE.finditer(text):
            s, e = m.span()
            if e - s > MAX_LINE_CHARS:
                continue
            hit = line_rx.fullmatch(m.group())
            rule = by_group[hit.lastgroup or ""] if hit is not None else None
            # A headline line right under a dated entry of a related-articles list
            # belongs to the list.
            if (
                rule is None
                and fixes
                and fixes[-1].rule == "related-list"
                and fixes[-1].end >= s - 1
                and _looks_like_headline(m.group())
            ):
                rule = by_group_id(by_group, "related-list")
            if rule is not None:
                floor = fixes[-1].end if fixes else 0
                fixes.append(_line_fix(text, s, e, rule, floor=floor))
    fixes.extend(_tail_fixes(text, fixes))
    fixes.sort(key=lambda f: f.start)
    taken = [(f.start, f.end) for f in fixes]

    def add(fix: Fix) -> None:
        # A removal that contains earlier ones (a "Baca juga" link whose headline holds a
        # photo credit) takes their place.
        inner = [i for i, (a, b) in enumerate(taken) if fix.start <= a and b <= fix.end]
        for i in reversed(inner):
            del taken[i]
            del fixes[i]
        for a, b in taken:
            # Two removals side by side may both claim the one space between them.
            if fix.start == b - 1 and text[fix.start].isspace():
                fix = Fix(b, fix.end, "", fix.kind, fix.rule, fix.reason, text[b : fix.end])
            elif fix.end == a + 1 and text[a].isspace():
                fix = Fix(fix.start, a, "", fix.kind, fix.rule, fix.reason, text[fix.start : a])
        if fix.end > fix.start and all(fix.end <= a or fix.start >= b for a, b in taken):
            fixes.append(fix)
            taken.append((fix.start, fix.end))

    for rule, rx in headline:
        for m in rx.finditer(text):
            st = m.start()
            if st > 0 and text[st - 1].isalnum():
                continue
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            commas = _COMMAS.match(text, m.end())
            if commas is not None:  # ",Baca juga:,," - the link text itself is gone
                add(Fix(st, commas.end(), "", rule.kind, rule.id, rule.reason, text[st : commas.end()]))
                continue
            end = headline_end(text, m.end(), line_end)
            if end == line_end:
                add(_inline_fix(text, st, end, rule))
            else:  # [cue + headline + space) goes; the next sentence keeps its place
                add(Fix(st, end, "", rule.kind, rule.id, rule.reason, text[st:end]))
    for rule, rx in inline:
        cut = "cut" in rx.groupindex
        for m in rx.finditer(text):
            st, en = m.span("cut") if cut else m.span()
            if en > st and not (st > 0 and text[st - 1].isalnum() and text[st].isalnum()):
                add(_inline_fix(text, st, en, rule))
    fixes.sort(key=lambda f: f.start)
    return fixes
