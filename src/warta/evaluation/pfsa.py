"""Score quote attribution against PFSA-ID (token BILOU labels, Kompas articles).

PFSA-ID gives one ``token<TAB>label`` per line and a blank line between sentences; an
article starts at a dateline ("JAKARTA , KOMPAS —"). Each article's text is rebuilt from
its tokens (one space between tokens, one line per sentence), the segmenter and the quote
step run on it, and the predictions are projected back onto the tokens:

- STATEMENT: a direct quote with a cue after it, from its opening to its closing mark
  (PFSA-ID annotates direct quotes only);
- CUE / CUECOREF: that cue, bare ("kata") or with ``-nya`` ("ujarnya");
- PERSON / PERSONCOREF / ROLE / AFFILIATION: the parts of the speaker phrase next to the
  cue; the name is PERSON when a role introduces it and PERSONCOREF when it stands alone
  (a later mention of a speaker). Speakers of reported speech ("X mengatakan, ...",
  "menurut X") that the article names for the first time are PERSON too.

Scores are entity level, as seqeval computes them: an entity counts when its label and
both token ends agree. Entities may run over sentence boundaries (a quote of several
sentences is one STATEMENT), so each article is one sequence. Speaker-attribution
accuracy is the share of gold statements whose predicted quote names the gold speaker:
the person after the statement's CUE, or for a CUECOREF the last person mentioned before.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.article import Article, Quote
from warta.errors import EvaluationError
from warta.evaluation.scoring import Score
from warta.stages.quotes.attribute import known_names
from warta.stages.quotes.boundaries import MentionIndex, refine_speaker
from warta.stages.quotes.people import introductions, public_status

__all__ = ["LABELS", "PfsaArticle", "evaluate_pfsa", "gold_entities", "predicted_entities", "read_pfsa"]

LABELS: tuple[str, ...] = ("STATEMENT", "CUE", "CUECOREF", "PERSON", "PERSONCOREF", "ROLE", "AFFILIATION")
_PERSONS = ("PERSON", "PERSONCOREF")
_MARKS = frozenset("“”„‟\"«»‘’'")
_WORD = re.compile(r"[^\W\d_]+")

Entity = tuple[str, int, int]  # label, first token, last token + 1


@dataclass(slots=True)
class PfsaArticle:
    """One rebuilt article: its text, token spans in it, and the gold labels."""

    text: str
    tokens: list[tuple[int, int]]
    labels: list[str]


def _is_dateline(tokens: Sequence[str]) -> bool:
    """ "JAKARTA , KOMPAS —" or "TANGERANG SELATAN , KOMPAS.com -" opening a sentence."""
    for k in (2, 3):
        if (
            len(tokens) > k + 1
            and tokens[k].upper().startswith("KOMPAS")
            and tokens[k + 1] in ("—", "–", "-")
        ):
            return tokens[k - 1] == ","
    return False


def _build(sentences: list[list[tuple[str, str]]]) -> PfsaArticle:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    labels: list[str] = []
    pos = 0
    for si, sent in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        for ti, (tok, lab) in enumerate(sent):
            if ti:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            spans.append((pos, pos + len(tok)))
            labels.append(lab)
            pos += len(tok)
    return PfsaArticle("".join(parts), spans, labels)


def read_pfsa(path: Path) -> list[PfsaArticle]:
    """The articles of a PFSA-ID file, split at datelines.

    Raises:
        EvaluationError: the file is missing or a line is not ``token<TAB>label``.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise EvaluationError("gold file not found", source=str(path)) from exc
    articles: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []

    def flush() -> None:
        if not sent:
            return
        if _is_dateline([t for t, _ in sent]) and articles[-1]:
            articles.append([])
        articles[-1].append(list(sent))
        sent.clear()

    for n, line in enumerate(lines, 1):
        if not line.strip():
            flush()
            continue
        tok, tab, lab = line.partition("\t")
        if not tab or not lab:
            raise EvaluationError(f"line {n}: expected 'token<TAB>label'", source=str(path))
        sent.append((tok, lab.strip()))
    flush()
    built = [_build(a) for a in articles if a]
    if not built:
        raise EvaluationError("no annotated tokens in the file", source=str(path))
    return built


def gold_entities(labels: Sequence[str]) -> list[Entity]:
    """BILOU (or BIO) labels to entities; a broken sequence ends the entity before it."""
    out: list[Entity] = []
    cur: list[Any] | None = None
    for i, lab in enumerate(labels):
        prefix, _, name = lab.partition("-")
        if prefix in ("B", "U") or (prefix in ("I", "L") and (cur is None or cur[0] != name)):
            if cur is not None:
                out.append((cur[0], cur[1], cur[2]))
            cur = [name, i, i + 1]
            if prefix == "U":
                out.append((name, i, i + 1))
                cur = None
        elif prefix in ("I", "L") and cur is not None:
            cur[2] = i + 1
            if prefix == "L":
                out.append((cur[0], cur[1], cur[2]))
                cur = None
        elif cur is not None:
            out.append((cur[0], cur[1], cur[2]))
            cur = None
    if cur is not None:
        out.append((cur[0], cur[1], cur[2]))
    return out


class _Tokens:
    """Map character spans of the rebuilt text to token ranges."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def range(self, start: int, end: int) -> tuple[int, int] | None:
        from bisect import bisect_left, bisect_right

        a = bisect_left(self.ends, start + 1)  # first token ending after start
        b = bisect_right(self.starts, end - 1)  # tokens starting before end
        return (a, b) if a < b else None


def _with_marks(text: str, q: Quote) -> tuple[int, int]:
    s, e = q.start, q.end
    i = s - 1
    while i >= 0 and text[i] in " \t\n":
        i -= 1
    if i >= 0 and text[i] in _MARKS:
        s = i
    j = e
    while j < len(text) and text[j] in " \t\n":
        j += 1
    if j < len(text) and text[j] in _MARKS:
        e = j + 1
    return s, e


def _sentence_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def predicted_entities(
    article: Article, tokens: Sequence[tuple[int, int]], *, indirect_speakers: bool = True
) -> list[Entity]:
    """Project the article's quotes onto PFSA-ID's labels (see the module docstring)."""
    tm = _Tokens(tokens)
    text = article.text
    out: set[Entity] = set()
    seen_names: set[str] = set()
    # PFSA-ID annotates public figures' statements only: leave out speakers that the
    # article introduces as private people ("Itin (35), warga ...").
    first_names = {
        q.speaker.name.split()[0]
        for q in article.quotes
        if q.speaker and q.speaker.name and q.speaker.name[:1].isupper()
    }
    public = public_status(text, first_names)

    def add(label: str, start: int, end: int) -> None:
        r = tm.range(start, end)
        if r is not None:
            out.add((label, r[0], r[1]))

    for q in article.quotes:
        if q.kind == "partial" or q.cue is None:
            continue
        sp = q.speaker
        # The speaker phrase next to the cue: after it ('," kata Budi'), or between the
        # quote and the cue ('," begitu Risma menyapa').
        lo, hi = min(q.cue.end, max(q.end, q.cue.start - 60)), _sentence_end(text, q.cue.end)
        if sp is not None and sp.name and not sp.roles and public.get(sp.name.split()[0]) is False:
            continue
        if q.kind == "direct" and q.cue.start >= q.end:
            add("STATEMENT", *_with_marks(text, q))
            low = q.cue.text.lower()
            add("CUECOREF" if low.endswith("nya") else "CUE", q.cue.start, q.cue.end)
            if sp is None or sp.mention is None or not (lo <= sp.mention.start < hi):
                continue
            roles = [r for r in sp.roles if lo <= r.start < hi]
            affs = [a for a in sp.affiliations if lo <= a.start < hi]
            m = sp.mention
            keep_mention = True
            # One label per token: a speaker named only by a role ("kata Presiden") is a
            # mention of that person (PERSONCOREF), not also a ROLE; a mention that spans
            # a role and an affiliation with no name is labelled by those parts alone.
            if any((r.start, r.end) == (m.start, m.end) for r in roles) and not affs:
                roles = [r for r in roles if (r.start, r.end) != (m.start, m.end)]
            elif any(x.start < m.end and m.start < x.end for x in roles + affs):
                keep_mention = False
            for r in roles:
                add("ROLE", r.start, r.end)
            for a in affs:
                add("AFFILIATION", a.start, a.end)
            if keep_mention and m.text[:1].isupper():
                first = any(r.start < sp.mention.start for r in roles)
                add("PERSON" if first else "PERSONCOREF", sp.mention.start, sp.mention.end)
            seen_names.update(_WORD.findall(sp.mention.text))
    if indirect_speakers:
        spans = [(x.start, x.end) for x in article.sentences]
        intros = [p for p in introductions(text, spans, known=known_names(text)) if p.name is not None]
        if article.mentions:
            index = MentionIndex(article.mentions)
            for p in intros:
                refine_speaker(text, p, index)
        for k, p in enumerate(intros):
            if p.name is None:
                continue
            words = [w for w in _WORD.findall(text[p.name[0] : p.name[1]]) if len(w) > 2]
            # Only a public figure's first, full introduction is labelled.
            if any(re.search(rf"\b{re.escape(w)}\b", text[: p.start]) for w in words[-2:]):
                continue
            # ... and only when a statement of theirs follows: a direct quote with a
            # "-nya" cue or their name before the next person is introduced.
            # A quote later on under their name counts too, wherever it is.
            until = intros[k + 1].start if k + 1 < len(intros) else len(text)
            if not any(_speaks(q, words) for q in article.quotes if p.end <= q.start < until) and not any(
                _speaks(q, words, by_name=True) for q in article.quotes if q.start >= until
            ):
                continue
            add("PERSON", *p.name)
            for role in p.roles:
                add("ROLE", *role)
            for aff in p.affiliations:
                add("AFFILIATION", *aff)
    return sorted(out, key=lambda x: (x[1], x[2], x[0]))


def _speaks(q: Quote, words: Sequence[str], *, by_name: bool = False) -> bool:
    """``q`` is a direct quote with a cue after it, by ``-nya``, a pronoun or the name
    (only the name when ``by_name``)."""
    if q.kind != "direct" or q.cue is None or q.cue.start < q.end:
        return False
    mention = q.speaker.mention.text if q.speaker and q.speaker.mention else ""
    if bool(set(words) & set(_WORD.findall(mention))):
        return True
    return not by_name and (q.cue.text.lower().endswith("nya") or mention.lower() in ("dia", "ia", "beliau"))


def _gold_speakers(
    labels: Sequence[str], ents: list[Entity], words: Sequence[str]
) -> list[tuple[Entity, str | None]]:
    """Each gold STATEMENT with the text of its speaker (None when the data gives none)."""
    out: list[tuple[Entity, str | None]] = []
    persons = [e for e in ents if e[0] in _PERSONS]
    by_start = {e[1]: e for e in ents}
    for e in ents:
        if e[0] != "STATEMENT":
            continue
        cue = by_start.get(e[2])
        name: str | None = None
        if cue is not None and cue[0] == "CUE":
            after = [p for p in persons if cue[2] <= p[1] <= cue[2] + 25]
            if after:
                name = " ".join(words[after[0][1] : after[0][2]])
        elif cue is not None and cue[0] == "CUECOREF":
            before = [p for p in persons if p[2] <= e[1]]
            if before:
                name = " ".join(words[before[-1][1] : before[-1][2]])
        out.append((e, name))
    return out


def _same_speaker(gold: str, q: Quote) -> bool:
    sp = q.speaker
    if sp is None:
        return False
    g = {w.lower() for w in _WORD.findall(gold)}
    pred = " ".join(x for x in (sp.name, sp.mention.text if sp.mention else None) if x)
    p = {w.lower() for w in _WORD.findall(pred)}
    if g & p:
        return True
    return any(g & {w.lower() for w in _WORD.findall(r.text)} for r in sp.roles) and not p


def _iter_steps() -> Iterator[Any]:
    """Segmentation, NER and entity merging (speaker boundaries and links), then quotes."""
    from warta.stages.entities.step import EntityStep
    from warta.stages.ner.step import NerStep
    from warta.stages.quotes.step import QuoteStep
    from warta.stages.segment.step import SegmentStep

    yield SegmentStep()
    yield NerStep()
    yield EntityStep()
    yield QuoteStep()


def evaluate_pfsa(path: Path, *, indirect_speakers: bool = True) -> dict[str, Any]:
    """Run segmentation and the quote step on every article of ``path`` and score them.

    Returns:
        One JSON-able object: micro ``precision``/``recall``/``f1``/``support`` over
        :data:`LABELS`, ``per_label`` with the same fields, ``attribution`` (accuracy,
        correct, total), ``documents``, ``words`` and ``seconds`` (quote step only).
    """
    docs = read_pfsa(path)
    *before, quotes = list(_iter_steps())
    counts = {lab: [0, 0, 0] for lab in LABELS}  # gold, system, correct
    attr_ok = attr_all = 0
    seconds = 0.0
    words = 0
    for i, doc in enumerate(docs):
        article = Article(id=f"pfsa-{i}", raw=doc.text, text=doc.text)
        for step in before:
            article = step(article)
        t0 = time.perf_counter()
        article = quotes(article)
        seconds += time.perf_counter() - t0
        words += len(doc.tokens)
        gold = [g for g in gold_entities(doc.labels) if g[0] in counts]
        pred = predicted_entities(article, doc.tokens, indirect_speakers=indirect_speakers)
        gold_set = set(gold)
        for lab, *_ in gold:
            counts[lab][0] += 1
        for p in pred:
            counts[p[0]][1] += 1
            counts[p[0]][2] += p in gold_set
        tm = _Tokens(doc.tokens)
        toks = [doc.text[s:e] for s, e in doc.tokens]
        direct = [(q, tm.range(q.start, q.end)) for q in article.quotes if q.kind == "direct"]
        for st, name in _gold_speakers(doc.labels, gold, toks):
            if name is None:
                continue
            attr_all += 1
            hit = next((q for q, r in direct if r is not None and r[0] < st[2] and st[1] < r[1]), None)
            attr_ok += hit is not None and _same_speaker(name, hit)
    scores = {lab: Score(gold=c[0], system=c[1], correct=c[2]) for lab, c in counts.items()}
    micro = Score(
        gold=sum(s.gold for s in scores.values()),
        system=sum(s.system for s in scores.values()),
        correct=sum(s.correct for s in scores.values()),
    )
    return {
        **micro.as_dict(),
        "per_label": {lab: s.as_dict() for lab, s in scores.items()},
        "attribution": {
            "accuracy": attr_ok / attr_all if attr_all else 0.0,
            "correct": attr_ok,
            "total": attr_all,
        },
        "documents": len(docs),
        "words": words,
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
    }
