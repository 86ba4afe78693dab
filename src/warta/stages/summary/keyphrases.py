"""Keyphrases of an article: scored n-grams, merged with the entity names they belong to.

Candidates are runs of up to three words inside a sentence that neither start nor end
with a stop word and cross no punctuation. A candidate scores by how often it occurs
(sub-linearly), how rare its terms are in news (idf), how early it first appears, and
whether it is written as a name. Shorter forms fold into the longer phrase they mostly
occur in: "Putin" into "Vladimir Putin" (a merged entity, or a capitalised name seen in
full), "puncak" into "pertemuan puncak". A phrase that mostly cuts through a named mention
("Keuangan Sri" of "Menteri Keuangan Sri Mulyani") is none.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from warta.article import Article, Mention, Span
from warta.lang import id as lang_id
from warta.resources import resource_lines
from warta.stages.clean.resources import camel_names, id_words
from warta.stages.dates.lexicon import lexicon
from warta.stages.summary.resources import stopwords

__all__ = ["Keyphrase", "extract_keyphrases", "title_words"]

_MAX_WORDS = 3
# A multi-word phrase seen once is as likely an accident of word order as a phrase.
_MIN_MULTI_COUNT = 2
# A short form is folded into a longer phrase when at least this share of its
# occurrences are inside it ("puncak" -> "pertemuan puncak").
_FOLD_SHARE = 0.5
_NAME_BONUS = 1.5
# Mentions longer than this (characters) are not looked for behind a span's start.
_LONGEST_MENTION = 200


@cache
def title_words() -> frozenset[str]:
    """Lower-case words that open a role before a name ("presiden", "menteri")."""
    return frozenset(resource_lines("summary", "title_words.txt"))


@dataclass
class Keyphrase:
    """A scored keyphrase with every span where it (or a form folded into it) occurs."""

    text: str
    score: float
    spans: list[Span] = field(default_factory=list)


@dataclass
class _Cand:
    key: str
    surface: dict[str, int]
    spans: list[Span]
    first: int
    capitalised: int
    entity: bool = False
    n_words: int = 0

    def __post_init__(self) -> None:
        if not self.n_words:
            self.n_words = self.key.count(" ") + 1

    @property
    def count(self) -> int:
        return len(self.spans)

    @property
    def text(self) -> str:
        return max(self.surface.items(), key=lambda kv: (kv[1], kv[0][:1].isupper()))[0]


def _is_word(tok: str) -> bool:
    return any(c.isalnum() for c in tok) and all(c.isalnum() or c in "-.'" for c in tok)


# Per token text: (lower-cased, a word, may open or close a candidate, written capitalised
# or as a number, may stand alone). Cleared when full: a corpus has a long tail.
_TokenInfo = tuple[str, bool, bool, bool, bool]
_TOKEN_INFO: dict[str, _TokenInfo] = {}
_TOKEN_INFO_LIMIT = 200_000


def _token_info(tok: str) -> _TokenInfo:
    low = tok.lower()
    word = _is_word(tok)
    info = (
        low,
        word,
        word and low not in stopwords(),
        tok[:1].isupper() or tok[:1].isdigit(),
        not (len(low) < 3 or low.isdigit()),
    )
    if len(_TOKEN_INFO) >= _TOKEN_INFO_LIMIT:
        _TOKEN_INFO.clear()
    _TOKEN_INFO[tok] = info
    return info


def _candidates(article: Article) -> dict[str, _Cand]:
    """Every n-gram candidate that can matter: single words, phrases seen twice or more,
    capitalised names and entity names (a lower-case phrase seen once is neither scored
    nor a container that shorter forms fold into, so it is dropped here)."""
    raw: dict[str, list[Any]] = {}
    text = article.text
    known = _TOKEN_INFO
    titles = title_words()
    for si, sent in enumerate(article.sentences):
        toks = sent.tokens
        n = len(toks)
        infos = [known.get(t.text) or _token_info(t.text) for t in toks]
        for i in range(n):
            low, _, edge, upper, alone = infos[i]
            if not edge:
                continue
            start = toks[i].start
            # Capitalised away from the sentence start: written as a name.
            name = i > 0 and upper
            if alone:
                c = raw.get(low)
                if c is None:
                    c = raw[low] = [[], si, 0, 0]
                c[0].append((start, toks[i].end))
                if name:
                    c[2] += 1
            key = low
            # A name continues to the left when the word before is capitalised too (and is no
            # capitalised function word opening the sentence).
            joined_left = (
                i > 0
                and infos[i - 1][3]
                and infos[i - 1][1]
                and (i > 1 or infos[i - 1][2])
                and infos[i - 1][0] not in titles
            )  # "Presiden Prabowo": a title, not a name part
            for j in range(i + 1, min(i + _MAX_WORDS, n)):
                next_low, word, next_edge, next_upper, _ = infos[j]
                if not word:
                    break
                key = key + " " + next_low
                name = name and next_upper
                if not next_edge:
                    continue
                c = raw.get(key)
                if c is None:
                    c = raw[key] = [[], si, 0, 0]
                c[0].append((start, toks[j].end))
                if name:
                    c[2] += 1
                    if not joined_left and not (j + 1 < n and infos[j + 1][3] and infos[j + 1][1]):
                        c[3] += 1  # the whole name, not a piece of a longer one
    titles = title_words()
    entities = {e.name.lower() for e in article.entities}
    cands: dict[str, _Cand] = {}
    for key, (where, first, capitalised, whole) in raw.items():
        if (
            " " in key
            and len(where) < _MIN_MULTI_COUNT
            and key not in entities
            and not (capitalised > 0 and key.split(" ", 1)[0] not in titles)
        ):
            continue
        if " " in key and capitalised == len(where) and not whole and key not in entities:
            continue  # only ever a piece of a longer name ("Panelis Independen" of a longer title)
        if _debris(text, *where[0]):
            continue
        surface: dict[str, int] = {}
        spans = []
        for start, end in where:
            form = text[start:end]
            surface[form] = surface.get(form, 0) + 1
            spans.append(Span(start=start, end=end, text=form))
        cands[key] = _Cand(
            key=key,
            surface=surface,
            spans=spans,
            first=first,
            capitalised=capitalised,
            n_words=key.count(" ") + 1,
        )
    return cands


class _Cover:
    """Answers "is this span inside one of these spans?" by binary search.

    Spans sorted by start, with the running maximum of their ends: a span ``s`` lies inside
    one of them when some span starting at or before ``s.start`` ends at or after ``s.end``.
    Testing every pair made folding quadratic (40,000 repeats of one name took a minute).
    """

    def __init__(self, spans: Iterable[Span | Mention]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        top = -1
        for _, end in ordered:
            top = max(top, end)
            self.reach.append(top)

    def covers(self, span: Span) -> bool:
        i = bisect_right(self.starts, span.start) - 1
        return i >= 0 and self.reach[i] >= span.end


def _entity_candidates(article: Article, cands: dict[str, _Cand]) -> None:
    """Entity names become candidates that hold every mention of the entity."""
    for entity in article.entities:
        spans = [article.mentions[j] for j in entity.mentions if j < len(article.mentions)]
        if not spans:
            continue
        key = entity.name.lower()
        first = min(m.sentence for m in spans)
        c = cands.get(key)
        if c is None:
            c = cands[key] = _Cand(key=key, surface={entity.name: 1}, spans=[], first=first, capitalised=0)
        c.entity = True
        c.surface[entity.name] = c.surface.get(entity.name, 0) + len(spans)
        have = {(s.start, s.end) for s in c.spans}
        for m in spans:
            if (m.start, m.end) not in have:
                c.spans.append(Span(start=m.start, end=m.end, text=m.text))
        c.capitalised = max(c.capitalised, len(c.spans))
        # The mentions' own surface forms ("Putin", "Presiden Biden") fold into the entity.
        cover: _Cover | None = None
        for form in dict.fromkeys(m.text.lower() for m in spans):
            other = cands.get(form)
            if other is not None and other is not c:
                cover = cover or _Cover(spans)
                other.spans = [s for s in other.spans if not cover.covers(s)]


def _crosses_names(c: _Cand, starts: list[int], mentions: list[tuple[int, int]]) -> bool:
    """Half or more of the candidate's occurrences cut through a named mention: it runs from one name
    into the next ("Keuangan Sri" of "Menteri Keuangan Sri Mulyani", "Kamboja Hun" of "PM
    Kamboja Hun Sen") or holds only part of one. A span inside a mention, or holding it
    whole, does not cross it.
    """
    # Its own occurrences, not the shorter forms folded into it ("Bayu" inside "Bayu Kusnadi").
    own = [s for s in c.spans if s.text.lower() == c.key] or c.spans
    crossing = 0
    for s in own:
        # Mentions that start before the span ends; the ones that may overlap it are last.
        i = bisect_left(starts, s.end) - 1
        while i >= 0:
            ms, me = mentions[i]
            if me > s.start and not (ms <= s.start and s.end <= me) and not (s.start <= ms and me <= s.end):
                crossing += 1
                break
            if ms < s.start - _LONGEST_MENTION:
                break
            i -= 1
    return crossing * 2 >= len(own) > 0


@cache
def _verb_form() -> re.Pattern[str]:
    """A prefixed verb form: meN-, ber-, di-, ter-, memper-, diper- before a root of three
    letters or more."""
    prefixes = "|".join(sorted(lang_id.verb_prefixes(), key=len, reverse=True))
    return re.compile(rf"(?:{prefixes})[a-z]{{3,}}")


def _is_verb(key: str) -> bool:
    """A prefixed verb of the word list ("melaksanakan", "dituduh", "dievakuasi"), or a phrase
    that opens with one ("menyasar sektor"): a verb phrase, not a noun phrase."""
    first = key.split(" ", 1)[0]
    if len(first) < 6 or not _verb_form().fullmatch(first) or first.startswith(("pem", "pen", "per", "pe")):
        return False
    words = id_words()
    return first in words or any(root in words for root in _verb_roots(first))


@cache
def _prefix_roots() -> tuple[tuple[str, str], ...]:
    """(verb prefix, what the root starts with in its place): ("mem", "p") for "memukul"."""
    return tuple((prefix, start) for prefix, starts in lang_id.verb_prefixes().items() for start in starts)


_SUFFIXES = ("kan", "i", "an", "nya", "")


def _verb_roots(word: str) -> Iterable[str]:
    """Roots a prefixed word may be built on ("dievakuasi" -> "evakuasi", "menyasar" -> "sasar")."""
    for prefix, first in _prefix_roots():
        if word.startswith(prefix):
            stem = first + word[len(prefix) :]
            for suffix in _SUFFIXES:
                if suffix and not stem.endswith(suffix):
                    continue
                root = stem[: len(stem) - len(suffix)] if suffix else stem
                if len(root) >= 4:
                    yield root


# A token glued out of several words by a scraper ("LineBasoettauntuk", "tempuhperjalanan").
_CAMEL = re.compile(r"[a-z][A-Z]")
_GLUED_LENGTH = 16


def _debris(text: str, start: int, end: int) -> bool:
    """A candidate (its first occurrence ``text[start:end]``) holding a token glued out of
    several words: no keyphrase to show."""
    return any(_debris_token(tok) for tok in text[start:end].split())


@lru_cache(maxsize=65536)
def _debris_token(tok: str) -> bool:
    if _CAMEL.search(tok) and tok.lower() not in camel_names():
        return True
    if len(tok) >= _GLUED_LENGTH and tok.isalpha() and tok.lower() not in id_words():
        return True
    return _glued_verb(tok.lower())


_MIN_VERB, _MIN_OBJECT = 6, 4


def _glued_verb(tok: str) -> bool:
    """A prefixed verb glued to the word after it ("mengunggahvideo", "beredarvideo"): no
    word itself, but a dictionary verb followed by a dictionary word."""
    if len(tok) < _MIN_VERB + _MIN_OBJECT or not tok.isalpha() or not _verb_form().match(tok):
        return False
    words = id_words()
    if tok in words:
        return False
    return any(
        tok[:cut] in words and tok[cut:] in words for cut in range(_MIN_VERB, len(tok) - _MIN_OBJECT + 1)
    )


def _is_date(key: str) -> bool:
    """A month (with its year), a year, or a day and month: what the dates stage reads."""
    words = key.split()
    months = lexicon().months
    return all(w in months or w.isdigit() for w in words) and any(w in months or len(w) == 4 for w in words)


def _is_name(c: _Cand, titles: frozenset[str]) -> bool:
    """A capitalised multi-word name that is no role ("Vladimir Putin", not "Presiden Rusia")."""
    return c.n_words > 1 and c.capitalised > 0 and c.key.split()[0] not in titles


def _phrase_ok(c: _Cand, titles: frozenset[str]) -> bool:
    """A multi-word candidate worth keeping: an entity, a name, or a phrase that recurs."""
    return c.entity or (c.n_words > 1 and (c.count >= _MIN_MULTI_COUNT or _is_name(c, titles)))


def _fold(cands: dict[str, _Cand]) -> None:
    """Fold short forms into the longer phrases they belong to.

    A one-word name folds into the most frequent full name that contains it ("Putin" ->
    "Vladimir Putin", never into a role such as "Presiden Putin"); a lower-case word or
    phrase folds into a longer phrase that holds at least half of its occurrences
    ("puncak" -> "pertemuan puncak"). Multi-word names stay as they are.
    """
    titles = title_words()
    # Each phrase under every shorter run of its words ("pertemuan puncak" under "pertemuan"
    # and "puncak"): a short form finds its containers by one lookup, so folding stays linear
    # in the candidates however many phrases share a word. Short forms are n-grams of at most
    # _MAX_WORDS words (entity names never fold), so longer runs are not indexed.
    by_part: dict[str, list[_Cand]] = {}
    for c in cands.values():
        if c.n_words > 1 and _phrase_ok(c, titles):
            words = c.key.split(" ")
            parts = {
                " ".join(words[i:j])
                for i in range(len(words))
                for j in range(i + 1, min(i + _MAX_WORDS, len(words)) + 1)
            }
            parts.discard(c.key)
            for part in parts:
                by_part.setdefault(part, []).append(c)
    for short in sorted(cands.values(), key=lambda c: c.n_words):
        if short.entity or not short.spans:
            continue
        containers = [c for c in by_part.get(short.key, ()) if c.spans]
        if not containers:
            continue
        if short.capitalised > 0:
            if short.n_words > 1:
                continue
            names = [c for c in containers if c.entity or _is_name(c, titles)]
            if not names:
                continue
            target = max(names, key=lambda c: (c.count, -c.n_words, c.key))
        else:
            target = max(containers, key=lambda c: (c.count, -c.n_words, c.key))
        cover = _Cover(target.spans)
        # A lower-case form folds only where most of its occurrences are inside the phrase.
        if (
            short.capitalised <= 0
            and sum(1 for s in short.spans if cover.covers(s)) < _FOLD_SHARE * short.count
        ):
            continue
        target.spans.extend([s for s in short.spans if not cover.covers(s)])
        target.capitalised += short.capitalised
        short.spans = []


def extract_keyphrases(
    article: Article,
    *,
    idf: dict[str, float],
    default_idf: float,
    limit: int = 10,
    stem: Callable[[str], str] | None = None,
) -> list[Keyphrase]:
    """The ``limit`` best keyphrases of an article, best first, scores scaled to max 1.

    Example:
        >>> from warta.stages.segment.step import SegmentStep
        >>> text = ("Pertemuan puncak digelar di Bali. Pertemuan puncak itu dihadiri Joko Widodo. "
        ...         "Widodo membuka pertemuan puncak.")
        >>> a = SegmentStep()(Article(id="a", raw=text, text=text))
        >>> [k.text for k in extract_keyphrases(a, idf={}, default_idf=1.0, limit=2)]
        ['Pertemuan puncak', 'Joko Widodo']
    """
    cands = _candidates(article)
    if article.entities and article.mentions:
        _entity_candidates(article, cands)
    _fold(cands)
    titles = title_words()
    scored: list[tuple[float, _Cand]] = []
    # A word's idf, looked up once per article (it recurs in the phrases around it).
    rarity_of: dict[str, float] = {}
    mentions = sorted((m.start, m.end) for m in article.mentions)
    starts = [m[0] for m in mentions]
    for c in cands.values():
        count = c.count
        if not count or (c.n_words > 1 and not _phrase_ok(c, titles)) or c.key in titles:
            continue
        if not c.entity and (_is_verb(c.key) or _is_date(c.key)):
            continue  # keyphrases are names and noun phrases: no "melaksanakan", no "Juni 2025"
        if c.entity and c.spans and _debris(article.text, c.spans[0].start, c.spans[0].end):
            continue  # an entity the tagger read over glued words
        if not c.entity and mentions and _crosses_names(c, starts, mentions):
            continue
        words = c.key.split()
        total = 0.0
        for w in words:
            r = rarity_of.get(w)
            if r is None:
                r = rarity_of[w] = idf.get(stem(w) if stem else w, default_idf)
            total += r
        rarity = total / len(words)
        position = 1.0 / math.log2(2 + c.first)
        score = (1.0 + math.log(count)) * rarity * position
        if c.entity or c.capitalised * 2 >= count:
            score *= _NAME_BONUS
        scored.append((score, c))
    scored.sort(key=lambda sc: (-sc[0], sc[1].key))
    out: list[Keyphrase] = []
    picked: list[str] = []
    for score, c in scored:
        if any(f" {c.key} " in f" {p} " or f" {p} " in f" {c.key} " for p in picked):
            continue
        picked.append(c.key)
        out.append(Keyphrase(text=c.text, score=score, spans=sorted(c.spans, key=lambda s: s.start)))
        if len(out) == limit:
            break
    top = out[0].score if out else 1.0
    for k in out:
        k.score = round(k.score / top, 4)
    return out
