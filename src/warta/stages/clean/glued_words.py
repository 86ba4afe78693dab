"""Put back the space a scraper lost around a link's anchor text.

Scraped news often drops the space on one side of a link, gluing two words:
"kepadaKompas.com", "dariThe Washington Post", "PresidenPrabowo Subianto". A glued
token ``LeftRight`` (letters only, one lower-to-upper change inside) is split into
``Left Right`` when:

1. **lower-case start**: ``left`` is an Indonesian word (or its passive ``di-`` form) of
   two letters or more with a vowel ("di", "kepada", "dilansir"); single letters (iPhone, eSports, eKTP), unit-like
   ``mmHg`` and the capitalised clitics of religious prose ("kepadaNya", "sisiMu") stay;
2. **capitalised start**: ``Left`` is a title or a citing verb ("PresidenDonald",
   "DilansirThe"), or the article itself shows the words apart, either the same two
   words with a space between ("Menteri Keuangan" elsewhere for "MenteriKeuangan"), or,
   when ``Left`` is an Indonesian word of four letters or more and ``Right`` is not an
   Indonesian word (a name, a foreign word), ``Right`` standing on its own elsewhere
   ("Prabowo" for "PresidenPrabowo"). Brands repeat glued and never apart, so they stay.

3. **a name glued to the next word** (no capital inside: "Subiantomenjadi", "Trumpyang"):
   a capitalised token that is no Indonesian word ends in one that is either a verb with a
   prefix (me-, ber-, di-, ter-, per-; six letters or more: "mengatakan") or a function word of
   four letters or more ("yang", "untuk"; not a particle such as "dong"), and the article writes
   what comes before it on its own ("Subianto"); or, after another capitalised word, a prefixed
   verb after the last part of a name that is no Indonesian word ("Herman Khaeronmenyebut"), a
   long one or "yang" even where it is one ("Anis Hidayahmengungkapkan", "Wijayayang"), or a
   preposition after such a part ("Rusli Effendidalam"). At the end of a glued token
   ("SumberHamasmengatakan") the runs before the name come apart too, by rules 1 and 2.
4. **an acronym glued to a name** ("RIPrabowo", "ESDMBahlil"), both written on their own
   elsewhere in the article.

A token of three runs or more ("MenteriSuryaPrakoso") is judged turn by turn.

Never split: names written in camel case on purpose (``resources/camel_names.txt``:
TikTok, YouTube, AirAsia, NasDem ...), particles of names (McDonalds, DiCaprio,
deGrasse), brand prefixes (detikNews, transJakarta), one word with a stray capital
("trilIun"), and tokens inside URLs, e-mail addresses,
hashtags, handles, paths and code-like strings (anything glued to ``@ # / _ \\ :``, an
apostrophe, a digit, or a dot on its left).
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from itertools import pairwise

from warta.lang import id as lang_id
from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import (
    acronym_glue_words,
    camel_names,
    camel_particles,
    function_words,
    glue_cues,
    id_words,
    name_glue_words,
)

__all__ = ["find_glued_words"]

# A capital between lower-case letters: rare, so the scan looks only there (the capital
# first: the regex engine skips to candidates faster than with a leading ``[a-z]``).
_TURN = re.compile(r"[A-Z](?<=[a-z].)(?=[a-z])")
_WORD_END = re.compile(r"\w*")
# Characters that, glued to the token's left, make it part of a URL, address, tag or code.
_CODE_LEFT = frozenset("@#/\\_:.=&%?+~0123456789-'’`")
_CODE_RIGHT = frozenset("@/\\_=&%?0123456789")
_CLITICS = frozenset({"Nya", "Mu", "Ku"})
# How far around a token to look for the "://" or "www." of a URL it belongs to (characters).
_URL_WINDOW = 1024
_VOWELS = frozenset("aeiouAEIOU")
# Lower-case words that start brands ("detikNews", "transJakarta") or name particles
# ("deGrasse"); capitalised particles of names ("McDonalds", "DiCaprio", "LeBron") are in
# resources/camel_particles.txt.
_LOWER_PREFIXES = frozenset({"de", "da", "detik", "trans"})
_MIN_CAPITAL_LEFT = 4

# A capitalised word long enough to hold a name (three letters or more) and a glued word,
# on its own or ending a glued token ("SumberHamasmengatakan": its "Hamas" and
# "mengatakan" come apart here, "Sumber" and "Hamas" on the next pass).
# (No leading ``\b`` or lookbehind in the pattern, which doubled the scan; the letter before
# a match is checked in code.)
_CAPITALISED = re.compile(r"[A-Z][a-z]{6,}\b")
_VERB_PREFIXES = ("me", "ber", "di", "ter", "per")
_MIN_GLUED_VERB = 6
_MIN_GLUED_FUNCTION = 4
_MIN_NAME = 3
# The most letters before a glued name that are read as part of the same glued token
# ("SumberHamasmengatakan"): bounded, so a run of letters a megabyte long costs no more per
# name than this.
_GLUED_REACH = 100


def _in_code(text: str, start: int, end: int) -> bool:
    """The token is part of a URL, address, hashtag, handle, path or code."""
    if start and text[start - 1] in _CODE_LEFT:
        return True
    if end < len(text):
        nxt = text[end]
        if nxt in _CODE_RIGHT:
            return True
        # "kepadaKompas.com" is glue before a domain; "example.ExampleName" is code.
        if nxt == "." and end + 1 < len(text) and text[end + 1].isupper():
            return True
    # The space-delimited chunk around the token, looked at within a window: a scan to the
    # text's ends per token would be quadratic on a text without spaces.
    lo = max(0, start - _URL_WINDOW)
    hi = min(len(text), end + _URL_WINDOW)
    s = text.rfind(" ", lo, start) + 1 or lo
    e = text.find(" ", end, hi)
    chunk = text[s : hi if e < 0 else e]
    return "://" in chunk or "www." in chunk


class _Occurrences:
    """Where words stand on their own in a text, indexed once so that each question is a lookup.

    A word counts where it is not glued to a letter on its left nor to a lower-case letter
    on its right: the first capital-led segment of every letter run ("Prabowo" in "Prabowo,"
    and in "PrabowoSubianto", not in "PresidenPrabowo"), and, for two words, a run followed
    by one space and such a segment ("Menteri Keuangan"). Searching the text again per
    glued token made the split quadratic (20,000 glued names took over a minute).
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _index(self) -> tuple[set[str], set[tuple[str, str]]]:
        text = self.text
        n = len(text)
        singles: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        previous: tuple[str, int] | None = None  # the last whole run and where it ended
        for m in _SEGMENT.finditer(text):
            start, end = m.span()
            word = m.group()
            if end == n or not text[end].islower():
                singles.add(word)
                if previous is not None and previous[1] == start - 1 and text[start - 1] == " ":
                    pairs.add((previous[0], word))
            # A run that ends here (not before a capital) may be the first word of a pair.
            previous = (word, end) if end == n or not text[end].isalpha() else None
        return singles, pairs

    def single(self, word: str) -> bool:
        return word in self._index[0]

    def pair(self, left: str, right: str) -> bool:
        return (left, right) in self._index[1]

    @cached_property
    def _after_capital(self) -> set[str]:
        return {b for a, b in self._index[1] if a[:1].isupper()}

    @cached_property
    def _before_capital(self) -> set[str]:
        return {a for a, b in self._index[1] if b[:1].isupper()}

    def opens_a_name(self, word: str) -> bool:
        """Whether ``word`` stands before a capitalised word somewhere ("Sri Mulyani"): the
        start of a name, though it is also an Indonesian word ("sri")."""
        return word in self._before_capital

    def in_a_name(self, word: str) -> bool:
        """Whether ``word`` stands after a capitalised word somewhere ("Fadli Zon"): the end
        of a name, though it is also an Indonesian word ("zon")."""
        return word in self._after_capital


# The first segment of a letter run: a letter after a non-letter, then lower-case letters.
_SEGMENT = re.compile(r"(?<![^\W\d_])[A-Za-z][a-z]*")


def _indonesian(word: str, words: frozenset[str]) -> bool:
    """A lower-case Indonesian word, or a passive ``di-`` form of one ("dilansir")."""
    return word in words or (len(word) >= 6 and word.startswith("di") and word[2:] in words)


def find_glued_words(text: str) -> list[Fix]:
    """Return splits of words glued together by a lost space.

    Example:
        >>> t = "Hal itu disampaikan kepadaWarta Harian, kata PresidenSuryo. Suryo menolak."
        >>> [(f.before, f.after) for f in find_glued_words(t)]
        [('kepadaWarta', 'kepada Warta'), ('PresidenSuryo', 'Presiden Suryo')]
    """
    fixes: list[Fix] = []
    words: frozenset[str] | None = None
    occurs = _Occurrences(text)
    word_end = -1
    for turn in _TURN.finditer(text):
        capital = turn.start()
        if capital < word_end:
            continue  # another turn of a word already looked at
        # The whole word around the turn (letters, digits, underscore, like ``\\b``). Each
        # character is walked over once: turns inside a word seen are skipped above.
        start = capital - 1
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        tail = _WORD_END.match(text, capital)
        end = word_end = tail.end() if tail else capital + 1
        if _PARTS.fullmatch(text, start, end) is None:
            continue
        token = text[start:end]
        if token.lower() in camel_names() or _in_code(text, start, end):
            continue
        if words is None:
            words = id_words()
        # A stray capital inside one word ("trilIun", "ditAndai") is a typo, not glue.
        if token.lower() in words:
            continue
        # Each turn is a place a space may have been lost: "MenteriThailandPaetongtarn" has
        # two, judged one by one on the words either side of it.
        parts = _PART.findall(token)
        cuts = [_split_reason(left, right, words, occurs) for left, right in pairwise(parts)]
        if not any(cuts):
            continue
        reason = next(r for r in cuts if r)
        fixes.append(Fix(start, end, _rejoin(parts, cuts), "lost-character", "glued-words", reason, token))
    fixes.extend(_names_glued_to_words(text, words or id_words(), occurs))
    fixes.extend(_verbs_glued_to_words(text, words or id_words(), occurs))
    fixes.extend(_acronyms_glued_to_verbs(text, words or id_words(), occurs))
    fixes.extend(_acronyms_glued_to_names(text, occurs))
    fixes.extend(_words_glued_to_acronyms(text))
    fixes.sort(key=lambda f: f.start)
    return fixes


# A glued token: letter runs, each capital-led after the first ("kepadaKompas",
# "MenteriThailandPaetongtarn"); and one of its runs.
_PARTS = re.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)+")
_PART = re.compile(r"[A-Za-z][a-z]+")


def _rejoin(parts: list[str], cuts: list[str]) -> str:
    """The runs of a glued token with a space at each turn that has a reason."""
    out = parts[0]
    for part, reason in zip(parts[1:], cuts, strict=True):
        out += (" " if reason else "") + part
    return out


def _split_reason(left: str, right: str, words: frozenset[str], occurs: _Occurrences) -> str:
    """Why a space was lost between ``left`` and ``right`` (two runs of a glued token), or
    "" when it was not (see the module's rules 1 and 2)."""
    low = left.lower()
    if left[0].islower():
        if (
            not _indonesian(low, words)
            or low in _LOWER_PREFIXES
            or not (_VOWELS & set(left))
            or right in _CLITICS
        ):
            return ""
        return "space lost after a lower-case Indonesian word"
    if left in camel_particles():
        return ""
    if low in glue_cues() and right not in _CLITICS:
        return "space lost after a title or a citing verb"
    if occurs.pair(left, right):
        return "space lost between two words the article writes apart"
    if (
        len(left) >= _MIN_CAPITAL_LEFT
        and low in words
        and (right.lower() not in words or occurs.opens_a_name(right))
        and occurs.single(right)
    ):
        return "space lost before a name the article writes on its own"
    return ""


def _glued_word(word: str, words: frozenset[str], function: frozenset[str]) -> bool:
    """A word that often follows a name with its space lost: a prefixed verb or a function word."""
    if word not in words:
        return False
    if len(word) >= _MIN_GLUED_VERB and word.startswith(_VERB_PREFIXES):
        return True
    # Not a particle, which may also be a name's syllable ("Shindong", "Jokodeh").
    return len(word) >= _MIN_GLUED_FUNCTION and word in function and word not in lang_id.particles()


@cache
def _longest_word() -> int:
    return max(map(len, id_words()), default=0)


# A lower-case token long enough to be a prefixed verb and a word glued together.
_LOWER_LONG = re.compile(r"\b[a-z]{10,}\b")
_MIN_GLUED_OBJECT = 4


def _verbs_glued_to_words(text: str, words: frozenset[str], occurs: _Occurrences) -> list[Fix]:
    """Splits of a prefixed verb glued to the word after it ("mengunggahvideo",
    "membagikantautan"): the token is no word, it cuts into a prefixed verb of six letters or
    more and a word of four or more that the article writes on its own, and only one cut
    does."""
    fixes: list[Fix] = []
    function = function_words()
    longest = _longest_word()
    for m in _LOWER_LONG.finditer(text):
        token = m.group()
        if token in words or _in_code(text, m.start(), m.end()):
            continue
        cuts = []
        for cut in range(max(_MIN_GLUED_VERB, len(token) - longest), len(token) - _MIN_GLUED_OBJECT + 1):
            left, right = token[:cut], token[cut:]
            if (
                left in words
                and left.startswith(_VERB_PREFIXES)
                and right in words
                and right not in function
                and (occurs.single(right) or occurs.single(right.capitalize()))
            ):
                cuts.append(cut)
        if len(cuts) == 1:
            left, right = token[: cuts[0]], token[cuts[0] :]
            fixes.append(
                Fix(
                    m.start(),
                    m.end(),
                    f"{left} {right}",
                    "lost-character",
                    "glued-words",
                    "space lost between a verb and the word after it",
                    token,
                )
            )
    return fixes


# An acronym glued to the lower-case word after it: "KPKmengungkapkan", "DPRmenyetujui",
# "PSIsaat".
_ACRONYM_GLUED = re.compile(r"\b([A-Z]{2,6})([a-z]{4,})\b")


def _acronyms_glued_to_verbs(text: str, words: frozenset[str], occurs: _Occurrences) -> list[Fix]:
    """Splits of an acronym glued to a prefixed verb or a function word after it
    ("KPKmengungkapkan", "KPKsebagai", "RIbakal"), when the article writes the acronym on its
    own elsewhere."""
    fixes: list[Fix] = []
    alone: set[str] | None = None
    for m in _ACRONYM_GLUED.finditer(text):
        acronym, word = m.group(1), m.group(2)
        if alone is None:
            # Acronyms standing on their own, collected once (a search per candidate would be
            # quadratic on text made of glued acronyms).
            alone = set(_ACRONYM_ALONE.findall(text))
        if (
            word in words
            and (
                (len(word) >= _MIN_GLUED_VERB and word.startswith(_VERB_PREFIXES))
                or (word in function_words() and word not in lang_id.particles())
            )
            and acronym in alone
            and not _in_code(text, m.start(), m.end())
            and m.group().lower() not in camel_names()
        ):
            fixes.append(
                Fix(
                    m.start(),
                    m.end(),
                    f"{acronym} {word}",
                    "lost-character",
                    "glued-words",
                    "space lost between an acronym the article writes on its own and the next word",
                    m.group(),
                )
            )
    return fixes


_ACRONYM_ALONE = re.compile(r"(?<!\w)[A-Z]{2,6}(?!\w)")
# An acronym glued to the capitalised word after it: "RIPrabowo", "ESDMBahlil".
# (The letter before a match is checked in code: a leading ``\b`` made the scan slower.)
_ACRONYM_BEFORE_NAME = re.compile(r"([A-Z]{2,6})([A-Z][a-z]{2,})\b")


def _acronyms_glued_to_names(text: str, occurs: _Occurrences) -> list[Fix]:
    """Splits of an acronym glued to a name after it ("Presiden RIPrabowo", "Menteri
    ESDMBahlil"), when the article writes both on their own elsewhere. Brands written so
    ("JIExpo") have no acronym alone."""
    fixes: list[Fix] = []
    alone: set[str] | None = None
    for m in _ACRONYM_BEFORE_NAME.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # not the start of a word
        acronym, name = m.group(1), m.group(2)
        if alone is None:
            alone = set(_ACRONYM_ALONE.findall(text))
        if (
            acronym in alone
            and occurs.single(name)
            and m.group().lower() not in camel_names()
            and not _in_code(text, m.start(), m.end())
        ):
            fixes.append(
                Fix(
                    m.start(),
                    m.end(),
                    f"{acronym} {name}",
                    "lost-character",
                    "glued-words",
                    "space lost between an acronym and a name the article writes on their own",
                    m.group(),
                )
            )
    return fixes


@cache
def _word_glued_to_acronym() -> re.Pattern[str]:
    """A preposition or a citing verb glued to the acronym after it: "kepadaAFP", "dilansirCNN"."""
    words = "|".join(re.escape(w) for w in sorted(acronym_glue_words(), key=len, reverse=True))
    return re.compile(rf"\b({words})([A-Z]{{2,6}})\b")


def _words_glued_to_acronyms(text: str) -> list[Fix]:
    """Splits of a preposition or citing verb glued to an acronym ("kepadaAFP"): no word or
    brand is written that way."""
    return [
        Fix(
            m.start(),
            m.end(),
            f"{m.group(1)} {m.group(2)}",
            "lost-character",
            "glued-words",
            "space lost between a preposition or citing verb and an acronym",
            m.group(),
        )
        for m in _word_glued_to_acronym().finditer(text)
        if not _in_code(text, m.start(), m.end())
    ]


# A capitalised word and a space right before a token: the token ends a name ("Herman
# Khaeronmenyebut"), even where the article never writes its last part alone.
_AFTER_NAME = re.compile(r"[A-Z][a-z]+ $")
# A verb this long (or "yang" after four letters) splits off a name's last part even where
# that part is also a word ("Anis Hidayahmengungkapkan", "Teddy Indra Wijayayang").
_MIN_LONG_VERB = 8
_MIN_LEFT_OF_YANG = 4


def _glued_after_a_name(text: str, start: int, left: str, right: str, words: frozenset[str]) -> bool:
    """A prefixed verb or "yang" glued to the last part of a name, after another capitalised
    word: "Herman Khaeronmenyebut", "Anis Hidayahmengungkapkan", "Teddy Indra Wijayayang";
    or a long function word glued to a part that is no word ("Rusli Effendidalam")."""
    if right in name_glue_words() and left.lower() not in words:
        return _AFTER_NAME.search(text, max(0, start - 40), start) is not None
    if not (right.startswith(_VERB_PREFIXES) or right == "yang"):
        return False
    if left.lower() in words and not (
        len(right) >= _MIN_LONG_VERB or (right == "yang" and len(left) >= _MIN_LEFT_OF_YANG)
    ):
        return False
    return _AFTER_NAME.search(text, max(0, start - 40), start) is not None


def _names_glued_to_words(text: str, words: frozenset[str], occurs: _Occurrences) -> list[Fix]:
    """Splits of a name glued to the lower-case word after it ("Subiantomenjadi")."""
    fixes: list[Fix] = []
    function = function_words()
    longest = _longest_word()
    for m in _CAPITALISED.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if before.isupper() or before.isdigit() or before == "_":
            continue  # inside a word in capitals ("ASDPIndonesia") or a code
        token = m.group()
        if token.lower() in words:
            continue
        # The longest glued word first: "Trumpmengatakan" is "Trump" + "mengatakan". A glued
        # word is no longer than the longest Indonesian word, so a long token costs no more
        # than that many cuts.
        for cut in range(max(_MIN_NAME, len(token) - longest), len(token) - _MIN_GLUED_FUNCTION + 1):
            left, right = token[:cut], token[cut:]
            if _glued_word(right, words, function) and (
                ((left.lower() not in words or occurs.in_a_name(left)) and occurs.single(left))
                or _glued_after_a_name(text, m.start(), left, right, words)
            ):
                start, after = m.start(), f"{left} {right}"
                if start and text[start - 1].islower():
                    # The end of a glued token ("SumberHamasmengatakan"): the runs before it
                    # come apart too where the module's rules 1 and 2 say so, in one fix.
                    head = start
                    while head and start - head < _GLUED_REACH and text[head - 1].isalpha():
                        head -= 1
                    if head and text[head - 1].isalpha():
                        head = start  # a run longer than any glue: leave its head alone
                    parts = [*_PART.findall(text, head, start), left]
                    cuts = [_split_reason(a, b, words, occurs) for a, b in pairwise(parts)]
                    start, after = head, f"{_rejoin(parts, cuts)} {right}"
                if token.lower() not in camel_names() and not _in_code(text, start, m.end()):
                    fixes.append(
                        Fix(
                            start,
                            m.end(),
                            after,
                            "lost-character",
                            "glued-words",
                            "space lost between a name the article writes on its own and the next word",
                            text[start : m.end()],
                        )
                    )
                break
    return fixes
