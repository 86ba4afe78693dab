"""Mentions the tagger got wrong in ways only the whole article shows, repaired before merging.

Three repairs, each from evidence elsewhere in the article or in a shipped list:

* **a role phrase tagged as a person**: in "Menteri Luar Negeri Jepan, Yoko Kamikawa" the
  tagger may take "Negeri Jepan" for a person. A person mention made of role words and then a
  place or organisation the article names (a typo allowed: "Jepan" for "Jepang") or the NER
  gazetteer knows, is a role: the place part becomes a mention of its own type, so the role
  reaches the person after the comma and the place merges with its other mentions;
* **"kepresidenan <country>"**: the country's presidency, one ORG mention that merges with
  the country's seat of government when the article names it (``resources/seats.tsv``);
* **a name the tagger missed**: a capitalised word standing alone that is a surname of a
  person the article names, or a single-word place or organisation name, or a typo of one
  of them ("Larov" beside "Sergey Lavrov"), becomes a mention of that type;
* **a span that ran past the name** (:func:`tidy_mention`): "Komisi Pemilihan Umum (KPU"
  gives the name and its bracketed short form as two mentions (which then merge), "RSUD)
  dr Iskak" loses the bracket's tail, "Badan X/BX" gives "Badan X" and "BX", lower-case
  words after a name go ("PT Maju Jaya selalu"), and a person span that runs across a verb
  into a second name ("Budi Santoso menemui Rina Wati") gives the two names.

Example:
    >>> from warta.stages.entities.resources import load_resources
    >>> s = "Kepala Polisi Medan, Budi Santoso, hadir di Medan. Santoso berpidato, lalu Santso pulang."
    >>> def at(w, lab): i = s.index(w); return Mention(start=i, end=i + len(w), text=w, label=lab)
    >>> ms = [at("Polisi Medan", "PER"), at("Budi Santoso", "PER"), Mention(start=44, end=49, text="Medan", label="LOC")]
    >>> [(m.text, m.label) for m in repair_mentions(s, ms, [], resources=load_resources())]
    [('Medan', 'LOC'), ('Budi Santoso', 'PER'), ('Medan', 'LOC'), ('Santoso', 'PER'), ('Santso', 'PER')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from warta.article import EntityLabel, Mention, Sentence
from warta.stages.clean.resources import citation_cues, id_words
from warta.stages.entities.names import fold, is_acronym, is_typo_of, legal_forms, name_tokens
from warta.stages.entities.resources import EntityResources, name_particles

__all__ = ["repair_mentions", "tidy_mention"]

_WORD = re.compile(r"\w(?:[\w'’\-]*\w)?")
_WORD_CHAR = re.compile(r"\w")
# The last word of a stretch of text (as _WORD reads it), anchored at the stretch's end.
_WORD_BEFORE = re.compile(r"\w(?:[\w'’\-]*\w)?$")
# Gazetteer list types (stages/ner/resources/gazetteer.tsv) trusted to name a place or an
# organisation after a role; kecamatan names ("Baru", "Tengah") are too often common words.
_GAZETTEER_LABELS: dict[str, EntityLabel] = {
    "country": "LOC",
    "prov": "LOC",
    "region": "LOC",
    "kab": "LOC",
    "party": "ORG",
    "ministry": "ORG",
}
# What may stand before a sentence's first word.
_SENTENCE_OPENERS = frozenset(".!?\"“”'‘’(:\n")
# Shorter words are too often a real, different word one letter away.
_MIN_RECOVERED = 4
# A span's words with their punctuation (brackets, slashes, dashes kept inside the word).
_SPAN_WORD = re.compile(r"\S+")
# Where tidy_mention may cut, besides a word in lower case: a bracket, a slash, a long dash.
_BREAKS = re.compile(r"[()/—–]")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _gazetteer_label(words: tuple[str, ...]) -> EntityLabel | None:
    from warta.stages.ner.model import shared_gazetteer

    typ = shared_gazetteer().entries.get(words)
    return _GAZETTEER_LABELS.get(typ) if typ is not None else None


def _affiliation(words: tuple[str, ...], known: dict[tuple[str, ...], EntityLabel]) -> EntityLabel | None:
    """The type of the article's place/organisation named by ``words`` (one typo per word
    allowed when only one name fits), else of a gazetteer place, else ``None``."""
    if words in known:
        return known[words]
    fuzzy = [
        k
        for k in known
        if len(k) == len(words) and all(is_typo_of(a, b) for a, b in zip(words, k, strict=True))
    ]
    if len(fuzzy) == 1:
        return known[fuzzy[0]]
    return _gazetteer_label(words)


def _split_role(
    text: str, m: Mention, known: dict[tuple[str, ...], EntityLabel], res: EntityResources
) -> Mention | None:
    """The place inside a person mention that is really a role phrase, or ``None``."""
    spans = _words(text, m.start, m.end)
    words = [fold(text[s:e]) for s, e in spans]
    role = res.role_nouns | res.role_words
    k = 0
    while k < len(words) - 1 and words[k] in role:
        k += 1
    if k == 0:
        return None
    before = _words(text, max(0, m.start - 40), m.start)
    # "Negeri Jepan" alone is no role: it needs its opening noun, inside or just before it.
    opened = words[0] in res.role_nouns or (bool(before) and fold(text[slice(*before[-1])]) in role)
    if not opened:
        return None
    label = _affiliation(tuple(words[k:]), known)
    if label is None:
        return None
    s, e = spans[k][0], spans[-1][1]
    return Mention(start=s, end=e, text=text[s:e], label=label, sentence=m.sentence, score=m.score)


def _presidency(text: str, m: Mention, res: EntityResources) -> Mention:
    """``m`` widened to "kepresidenan <country>" (ORG) when that noun stands before it."""
    if m.label == "PER":
        return m
    window = text[max(0, m.start - 30) : m.start].casefold()
    if not any(w in window for w in res.presidency_words):
        return m
    before = _words(text, max(0, m.start - 30), m.start)
    if not before or text[before[-1][1] : m.start].strip():
        return m
    s = before[-1][0]
    if fold(text[s : before[-1][1]]) not in res.presidency_words:
        return m
    return Mention(start=s, end=m.end, text=text[s : m.end], label="ORG", sentence=m.sentence, score=m.score)


def _recover(
    text: str, mentions: list[Mention], sentences: Sequence[Sentence], res: EntityResources
) -> list[Mention]:
    """Mentions for lone capitalised words that name (or misspell) an entity of the article."""
    names: dict[str, set[EntityLabel]] = {}
    for m in mentions:
        toks = name_tokens(m.text)
        if not toks or is_acronym(m.text):
            continue
        if m.label == "PER" and len(toks) >= 2:
            names.setdefault(toks[-1], set()).add("PER")  # the surname
        elif m.label in ("LOC", "ORG") and len(toks) == 1:
            names.setdefault(toks[0], set()).add(m.label)
    names = {
        w: labs for w, labs in names.items() if len(labs) == 1 and len(w) >= _MIN_RECOVERED and w.isalpha()
    }
    if not names:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    sent_starts = [s.start for s in sorted(sentences, key=lambda s: s.start)]
    stop = res.never_alone | res.honorifics | res.role_nouns | res.role_words | res.place_qualifiers
    out: list[Mention] = []
    for mt in _WORD.finditer(text):
        s, e = mt.span()
        w = mt.group()
        if len(w) < _MIN_RECOVERED or not w[0].isupper() or not w[1:].islower() or not w.isalpha():
            continue
        k = bisect_right(starts, s) - 1
        if k >= 0 and taken[k][1] > s:
            continue  # inside a mention
        f = fold(w)
        if f in stop:
            continue
        exact = names.get(f)
        label = next(iter(exact)) if exact else _typo_label(f, names)
        if label is None:
            continue
        # A lone word: a capitalised neighbour makes it part of a longer name ("Jalan Santoso"),
        # except a sentence's first word, capitalised anyway ("Warga Semarnag mengungsi").
        before, after = _word_before(text, s), _word_after(text, e)
        if (before is not None and text[before].isupper() and not _opens_sentence(text, before)) or (
            after is not None and text[after].isupper()
        ):
            continue
        si = max(0, bisect_right(sent_starts, s) - 1)
        out.append(Mention(start=s, end=e, text=w, label=label, sentence=si, score=0.0))
    return out


# Signs a tagged span may open with before its words: quote marks, brackets' ends, dashes.
_SIGNS = "\"'“”‘’«»,.;:-–—"


def _opens_a_name(word: str, res: EntityResources) -> bool:
    """A lower-case word a name may open with: an honorific, a role word, a name particle."""
    return (
        word in res.honorifics or word in res.role_nouns or word in res.role_words or word in name_particles()
    )


@cache
def _citing_verbs() -> frozenset[str]:
    """The verbs of the cleaner's citation cues ("dilansir", "mengutip", "diberitakan")."""
    words = {w for cue in citation_cues() for w in cue.split()}
    return frozenset(w for w in words if w.startswith(("di", "me")) and w != "menurut") | {"diberitakan"}


def _cased(word: str) -> bool:
    return any(c.isupper() or c.isdigit() for c in word)


def _sub(text: str, m: Mention, s: int, e: int) -> Mention | None:
    """The mention cut to ``text[s:e]`` (edge spaces and punctuation removed), or ``None``."""
    while s < e and (text[s].isspace() or text[s] in ",;:()/—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:()/—–-"):
        e -= 1
    if e <= s or not any(c.isupper() for c in text[s:e]):
        return None
    return Mention(start=s, end=e, text=text[s:e], label=m.label, sentence=m.sentence, score=m.score)


def tidy_mention(text: str, m: Mention, res: EntityResources) -> list[Mention]:
    """A tagged span cut back to the name(s) it holds (see the module docstring).

    Example:
        >>> from warta.stages.entities.resources import load_resources
        >>> s = "Ketua Komisi Pemilihan Umum (KPU) hadir."
        >>> m = Mention(start=6, end=32, text=s[6:32], label="ORG")
        >>> [x.text for x in tidy_mention(s, m, load_resources())]
        ['Komisi Pemilihan Umum', 'KPU']
    """
    s, e = m.start, m.end
    span = text[s:e]
    if (
        not _BREAKS.search(span)
        and not any(w[0].islower() for w in span.split())
        and fold(span.split()[0]) not in _citing_verbs()
    ):
        return [m]  # no bracket, slash or dash, and every word capitalised: nothing to cut
    # "RSUD) dr Iskak": the tail of a bracket that opened before the span.
    close, open_ = span.find(")"), span.find("(")
    if close >= 0 and (open_ < 0 or close < open_):
        s += close + 1
        span = text[s:e]
    # "Nevada Test Site—tempat uji": a dash glued to a word opens a clause, not a name part.
    for dash in "—–":
        k = span.find(dash)
        if k > 0:
            e = s + k
            span = text[s:e]
    out: list[Mention] = []
    # "Komisi Pemilihan Umum (KPU": a name and its bracketed short form.
    open_ = span.rfind("(")
    if open_ > 0 and ")" not in span[open_:-1]:
        inner = _sub(text, m, s + open_ + 1, e)
        head = _sub(text, m, s, s + open_)
        if inner is not None and head is not None:
            # "PT Maju Jaya (Persero": a company's legal form is no name of its own; after a
            # person, only one word is the person's short name ("Budi Santoso (SMA Negeri 1" is
            # a school, of unknown type).
            drop = fold(inner.text) in legal_forms() or (m.label == "PER" and " " in inner.text)
            return [*tidy_mention(text, head, res), *([] if drop else [inner])]
    # "Badan Penanggulangan Bencana/BPB": a long name and its acronym after a slash.
    slash = span.rfind("/")
    if slash > 0 and " " in span[:slash].strip() and is_acronym(span[slash + 1 :].strip()):
        head, tail = _sub(text, m, s, s + slash), _sub(text, m, s + slash + 1, e)
        if head is not None and tail is not None:
            return [*tidy_mention(text, head, res), tail]
    words = [(w.start() + s, w.end() + s) for w in _SPAN_WORD.finditer(span)]
    if not words:
        return [m]
    # Words in lower case before the first cased one, that the dictionary knows and no name
    # opens with: the tagger ran in from the sentence before the name ('" papar Marshall',
    # "kata Budi"); a quote mark or other sign alone goes with them; so does a citing verb,
    # whatever its case ("Diberitakan Reuters", "Dilansir AFP").
    lead = 0
    while lead < len(words) - 1:
        w = text[words[lead][0] : words[lead][1]]
        bare = w.strip(_SIGNS)
        citing = fold(bare) in _citing_verbs()
        if (
            bare
            and not citing
            and (_cased(bare) or _opens_a_name(fold(bare), res) or fold(bare) not in id_words())
        ):
            break
        lead += 1
    if lead:
        words = words[lead:]
    # Lower-case words after the last cased word: the tagger ran into the sentence
    # ("PT Maju Jaya selalu", "RS Sehat sejak 2"), unless they are place words ("Jawa barat").
    last = max(
        (k for k, (a, b) in enumerate(words) if _cased(text[a:b]) and not text[a:b].isdigit()), default=-1
    )
    after = [fold(text[a:b]).strip(".,;:") for a, b in words[last + 1 :]]
    if last >= 0 and any(w.isalpha() and w not in res.place_qualifiers for w in after):
        words = words[: last + 1]
    if m.label == "PER":
        # "Budi Santoso menemui Rina Wati": a lower-case word that is no name particle, title or
        # role word ends a person's name; a second name after it needs two capitalised words.
        keep = res.honorifics | res.role_nouns | res.role_words | name_particles()
        first = next((k for k, (a, b) in enumerate(words) if text[a].isupper()), None)
        if first is not None:
            for k in range(first + 1, len(words)):
                a, b = words[k]
                w = fold(text[a:b]).strip(".,;:")
                if _cased(text[a:b]) or w in keep:
                    continue
                head = _sub(text, m, words[0][0], words[k - 1][1])
                rest = words[k + 1 :]
                out = [head] if head is not None else []
                if len(rest) >= 2 and all(text[x].isupper() for x, _ in rest):
                    second = _sub(text, m, rest[0][0], rest[-1][1])
                    if second is not None:
                        out += tidy_mention(text, second, res)
                return out
    if (words[0][0], words[-1][1]) == (m.start, m.end):
        return [m]
    cut = _sub(text, m, words[0][0], words[-1][1])
    return [cut] if cut is not None else []


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 5) : pos].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _word_before(text: str, s: int) -> int | None:
    """Start of the word right before offset ``s`` with only spaces between, else ``None``."""
    p = s
    while p > 0 and text[p - 1].isspace():
        p -= 1
    if p == s or p == 0 or not _WORD_CHAR.match(text, p - 1):
        return None
    m = _WORD_BEFORE.search(text, max(0, p - 80), p)
    return m.start() if m is not None else None


def _word_after(text: str, e: int) -> int | None:
    """Start of the word right after offset ``e`` with only spaces between, else ``None``."""
    p = e
    while p < len(text) and text[p].isspace():
        p += 1
    if p == e or p == len(text) or not _WORD_CHAR.match(text, p):
        return None
    return p


def _typo_label(word: str, names: dict[str, set[EntityLabel]]) -> EntityLabel | None:
    # A typo keeps the first letter and the length within two (is_typo_of's guards).
    hits = [
        w
        for w in names
        if w[0] == word[0] and abs(len(w) - len(word)) <= 2 and word != w and is_typo_of(word, w)
    ]
    if len(hits) != 1:
        return None
    return next(iter(names[hits[0]]))


def repair_mentions(
    text: str,
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    *,
    resources: EntityResources,
) -> list[Mention]:
    """The article's mentions with role phrases split, presidencies widened and missed names added.

    Args:
        text: the article text.
        mentions: the tagger's mentions (not modified).
        sentences: the article's sentences (for the sentence index of added mentions).
        resources: the stage's word lists.

    Returns:
        A new mention list in text order; added mentions have ``score`` 0.
    """
    mentions = [t for m in mentions for t in tidy_mention(text, m, resources)]
    known: dict[tuple[str, ...], EntityLabel] = {}
    for m in mentions:
        if m.label in ("LOC", "ORG"):
            known.setdefault(tuple(name_tokens(m.text)), m.label)
    fixed: list[Mention] = []
    for m in mentions:
        if m.label == "PER":
            split = _split_role(text, m, known, resources)
            fixed.append(split if split is not None else m)
        else:
            fixed.append(_presidency(text, m, resources))
    fixed += _recover(text, fixed, sentences, resources)
    return sorted(fixed, key=lambda m: (m.start, m.end))
