"""warta's quote gold over real articles in ``../shared/data``: reading it, and scoring the pipeline.

The gold holds no article text. Each line of the gold file (JSON Lines) names one article:
the corpus folder and file under the data root, the record's ``id``, the SHA-1 of its text
field, its outlet and split (``dev``, or ``heldout``: scored only at the end of a session),
and its quotes, each as character offsets into that text field::

    {"corpus": "news-2025-cnn-detik-kompas-tempo", "file": "articles.jsonl.gz", "id": "...",
     "sha1": "...", "outlet": "Kompas.com", "split": "dev", "quotes": [
       {"start": 812, "end": 901, "kind": "direct", "speaker": "Budi Santoso",
        "speaker_type": "person", "aliases": [], "cue": [903, 907], "uncertain": false,
        "date": "2025-06-30"}]}

``start``/``end`` cover the content (inside the quote marks for a direct quote, the reported
clause for an indirect one); ``speaker_type`` is ``person``, ``organisation`` or
``anonymous``; ``aliases`` are other names the article gives the speaker (an acronym of an
organisation, a nickname); ``uncertain`` marks items a careful reader could argue either
way: they are neither rewarded nor punished.

:func:`evaluate_quote_gold` reads each article from the data root (checking its hash), runs
the pipeline on it as ``warta analyze`` reads a JSONL record, maps the predicted quotes back
to the text field with the article's offset map, and scores:

- **span** precision, recall, F1: a gold item is found by one predicted quote that covers its
  content start (each predicted quote finds at most one item);
- **speaker accuracy** over the found items: a person is right when the predicted name is the
  same referent (the gold surname as a whole word, or a short form of the gold name), an
  organisation when its name or an alias is given, an anonymous source when the predicted
  speaker is flagged anonymous;
- **joint** F1: span and speaker both right;
- **date** accuracy over found items whose gold gives a speech date;
- calibration of ``Quote.confidence`` against joint correctness (expected calibration error
  and a reliability table).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import msgspec

from warta.article import Article, Quote
from warta.errors import EvaluationError, StepFailedError
from warta.evaluation._gold import read_gold_structs

__all__ = [
    "GoldArticle",
    "GoldQuote",
    "Review",
    "article_of_gold",
    "evaluate_quote_gold",
    "read_quote_gold",
    "record_index",
    "speaker_matches",
    "text_sha1",
]

SpeakerType = Literal["person", "organisation", "anonymous"]


class Review(msgspec.Struct, omit_defaults=True):
    """What reviewers made of a quote of a store (gold exported by ``warta export-gold
    --format warta``): ``confirmed``, ``corrected`` (``corrected`` names the fields:
    ``speaker``, ``span``), ``unreviewed`` (the item is then ``uncertain``) or ``rejected``
    (no quote: listed in :attr:`GoldArticle.rejected`, never an item), and who did it."""

    state: Literal["confirmed", "corrected", "unreviewed", "rejected"]
    reviewers: list[str] = msgspec.field(default_factory=list)
    corrected: list[str] = msgspec.field(default_factory=list)


class GoldQuote(msgspec.Struct, omit_defaults=True):
    start: int
    end: int
    kind: Literal["direct", "indirect", "mixed", "partial"]
    speaker: str | None = None
    speaker_type: SpeakerType = "person"
    aliases: list[str] = msgspec.field(default_factory=list)
    cue: tuple[int, int] | None = None
    uncertain: bool = False
    date: str | None = None
    review: Review | None = None


class GoldArticle(msgspec.Struct, omit_defaults=True):
    """One gold article. Gold over ``../shared/data`` names its record (``corpus``, ``file``,
    ``id``) and holds no text. Gold exported from a user's store (``warta export-gold
    --format warta``) carries the article: ``text`` (what the offsets are into, its sha1
    in ``sha1``), ``title``, ``url`` and ``published`` (ISO 8601), ``corpus`` ``"store"``,
    ``file`` the store, ``id`` the article's row id there; ``rejected`` lists the quotes
    reviewers rejected (not items: predicting one is a false quote)."""

    corpus: str
    file: str
    id: str
    sha1: str
    outlet: str
    split: Literal["dev", "heldout"] = "dev"
    quotes: list[GoldQuote] = msgspec.field(default_factory=list)
    text: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    rejected: list[GoldQuote] = msgspec.field(default_factory=list)


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_quote_gold(path: str | Path) -> list[GoldArticle]:
    """The gold articles of a warta quote gold file (JSON Lines).

    Raises:
        EvaluationError: the file is missing or a line is not a gold article (W401).
    """
    return read_gold_structs(path, GoldArticle, what="gold article")


def record_index(data_root: Path, corpus: str, file: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The records of ``ids`` in ``data_root/corpus/file`` (a JSON Lines file, gzipped or not)."""
    path = data_root / corpus / file
    if not path.is_file():
        raise EvaluationError(
            "corpus file not found (is ../shared/data beside the repository?)", source=str(path)
        )
    wanted = set(ids)
    found: dict[str, dict[str, Any]] = {}
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            # A cheap test first: most lines are not wanted.
            if '"id"' not in line:
                continue
            record = json.loads(line)
            if record.get("id") in wanted:
                found[record["id"]] = record
                if len(found) == len(wanted):
                    break
    return found


def load_articles(gold: Sequence[GoldArticle], data_root: Path) -> list[tuple[GoldArticle, dict[str, Any]]]:
    """Each gold article with its record from the data root, its text's hash checked.

    Raises:
        EvaluationError: a record is missing, or its text is not the one annotated (W401).
    """
    by_file: dict[tuple[str, str], list[str]] = defaultdict(list)
    for g in gold:
        by_file[(g.corpus, g.file)].append(g.id)
    records: dict[tuple[str, str, str], dict[str, Any]] = {}
    for (corpus, file), ids in by_file.items():
        for rid, record in record_index(data_root, corpus, file, ids).items():
            records[(corpus, file, rid)] = record
    out = []
    for g in gold:
        found = records.get((g.corpus, g.file, g.id))
        if found is None:
            raise EvaluationError(f"article {g.id} not found in {g.corpus}/{g.file}", source=str(data_root))
        if text_sha1(found.get("text") or "") != g.sha1:
            raise EvaluationError(
                f"article {g.id}: its text in {g.corpus} is not the annotated one (hash differs)",
                source=str(data_root),
            )
        out.append((g, found))
    return out


# -- speakers ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Words that stand before or after a name without being it: titles, honorifics, degrees.
_NOT_NAME = frozenset(
    "bapak pak ibu bu saudara sdr tuan nyonya haji hj h kh dr drs ir prof s.h sh mh se mm st mba mbak mas bung".split()
)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _acronym(name: str) -> str:
    return "".join(w[0] for w in _words(name) if w not in ("dan", "dari", "untuk", "di", "ke", "the", "of"))


def speaker_matches(gold: GoldQuote, name: str | None, *, anonymous: bool) -> bool:
    """Whether a predicted speaker (``name``, or an anonymous flag) is the gold speaker.

    Example:
        >>> g = GoldQuote(0, 1, "direct", speaker="Budi Santoso")
        >>> speaker_matches(g, "Santoso", anonymous=False), speaker_matches(g, "Budi", anonymous=False)
        (True, True)
        >>> speaker_matches(g, "Menteri Agus", anonymous=False)
        False
    """
    if gold.speaker_type == "anonymous":
        return anonymous
    if not name or not gold.speaker:
        return False
    predicted = [w for w in _words(name) if w not in _NOT_NAME]
    if not predicted:
        return False
    if gold.speaker_type == "organisation":
        forms = [gold.speaker, *gold.aliases]
        text = " ".join(predicted)
        for form in forms:
            joined = " ".join(w for w in _words(form) if w not in _NOT_NAME)
            if joined and (joined in text or text in joined):
                return True
            acronym = _acronym(form)
            if len(acronym) >= 2 and acronym in predicted:
                return True
        return False
    names = [[w for w in _words(n) if w not in _NOT_NAME] for n in (gold.speaker, *gold.aliases)]
    for words in names:
        if not words:
            continue
        # The surname as a whole word of the predicted name ("Pak Santoso", "Budi Santoso").
        if words[-1] in predicted:
            return True
        # A short form: every predicted word is a word of the gold name ("Budi").
        if all(w in words for w in predicted):
            return True
    return False


# -- scoring -------------------------------------------------------------------------------------


def _speaker_of(article: Article, q: Quote) -> tuple[str | None, bool]:
    sp = q.speaker
    if sp is None:
        return None, False
    if sp.entity is not None and 0 <= sp.entity < len(article.entities):
        return article.entities[sp.entity].name, sp.anonymous
    name = sp.name or (sp.mention.text if sp.mention else None) or sp.description
    return name, sp.anonymous


def _statements(article: Article) -> list[Quote]:
    """The predicted statements: every quote but the partial ones inside another quote."""
    return [q for q in article.quotes if not (q.kind == "partial" and q.inside is not None)]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


class _Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.found = self.speaker_ok = 0
        self.dated = self.date_ok = 0

    def result(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "found": self.found,
            "span": _prf(self.found, self.pred, self.gold),
            "speaker_accuracy": round(self.speaker_ok / self.found, 4) if self.found else 0.0,
            "joint": _prf(self.speaker_ok, self.pred, self.gold),
            "date_accuracy": round(self.date_ok / self.dated, 4) if self.dated else None,
            "dated": self.dated,
        }


@dataclass(slots=True)
class _Pred:
    """A predicted statement, its span mapped back to the record's text."""

    start: int
    end: int
    quote: Quote
    name: str | None
    anonymous: bool


_COMPLEMENTISER = re.compile(r"(?:agar|supaya|bahwa|bahwasanya|jika|kalau)\s+", re.IGNORECASE)


def _complementiser_length(text: str, start: int) -> int:
    """Length of a complementiser opening the content at ``start`` (with its space), else 0.

    The guidelines leave "bahwa" out of the content but say nothing of "agar", "supaya" and of
    "jika"/"kalau" used as "bahwa" ("Budi menilai jika ..."); annotators start such items on
    either side of the word, so either start is a match.
    """
    m = _COMPLEMENTISER.match(text, start)
    return m.end() - start if m else 0


def score_article(
    gold: GoldArticle, article: Article, text: str | None = None
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts for one article and one row per predicted or gold item (for the error list and
    calibration): ``{"status": "tp"|"fp"|"fn"|"ignored", "gold": ..., "pred": ..., "speaker_ok": ...}``.
    ``text`` is the text the gold's offsets are into (the record's, or the gold's own)."""
    text = text if text is not None else (gold.text or "")
    amap = article.offsets_map()
    preds = []
    for q in _statements(article):
        rs, re_ = amap.span(q.start, q.end)
        name, anonymous = _speaker_of(article, q)
        preds.append(_Pred(rs, re_, q, name, anonymous))
    taken = [False] * len(preds)
    rows: list[dict[str, Any]] = []
    counts = Counter[str]()
    for g in sorted(gold.quotes, key=lambda x: x.start):
        hit = next((i for i, p in enumerate(preds) if not taken[i] and p.start <= g.start < p.end), None)
        if hit is None:
            # A prediction may start a little after the gold start (a quote mark, a connective,
            # or a complementiser the annotators put on either side: "meminta [agar] ..."): it
            # still covers the item when it starts within those first characters.
            slack = g.start + max(3, _complementiser_length(text, g.start) + 1)
            hit = next(
                (i for i, p in enumerate(preds) if not taken[i] and g.start <= p.start < min(g.end, slack)),
                None,
            )
        if g.uncertain:
            if hit is not None:
                taken[hit] = True
                rows.append({"status": "ignored", "gold": g, "pred": preds[hit]})
            continue
        counts["gold"] += 1
        if hit is None:
            rows.append({"status": "fn", "gold": g})
            continue
        taken[hit] = True
        p = preds[hit]
        ok = speaker_matches(g, p.name, anonymous=p.anonymous)
        counts["found"] += 1
        counts["speaker_ok"] += ok
        if g.date:
            counts["dated"] += 1
            counts["date_ok"] += (p.quote.date or "")[:10] == g.date[:10]
        rows.append({"status": "tp", "gold": g, "pred": p, "speaker_ok": ok})
    for i, p in enumerate(preds):
        if not taken[i]:
            rows.append({"status": "fp", "pred": p})
    counts["pred"] = sum(1 for r in rows if r["status"] in ("tp", "fp"))
    return dict(counts), rows


def _calibration(rows: list[dict[str, Any]], bins: int = 10) -> dict[str, Any]:
    """Reliability of ``Quote.confidence`` as the probability that an attribution is right
    (span and speaker): per bin, the mean confidence and the share right; the expected
    calibration error weights each bin's gap by its size."""
    points = []
    for r in rows:
        if r["status"] == "tp":
            points.append((r["pred"].quote.confidence, 1.0 if r["speaker_ok"] else 0.0))
        elif r["status"] == "fp":
            points.append((r["pred"].quote.confidence, 0.0))
    table = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, y) for c, y in points if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(y for _, y in inside) / len(inside)
        ece += len(inside) / len(points) * abs(conf - acc)
        table.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": len(inside),
                "confidence": round(conf, 4),
                "accuracy": round(acc, 4),
            }
        )
    return {"ece": round(ece, 4) if points else None, "n": len(points), "table": table}


def _describe(article: Article, record: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    text = record.get("text") or ""
    out: dict[str, Any] = {"status": row["status"]}
    if "gold" in row:
        g: GoldQuote = row["gold"]
        out["gold"] = {
            "start": g.start,
            "end": g.end,
            "kind": g.kind,
            "speaker": g.speaker,
            "type": g.speaker_type,
            "text": text[g.start : g.end][:160],
        }
    if "pred" in row:
        p: _Pred = row["pred"]
        out["predicted"] = {
            "start": p.start,
            "end": p.end,
            "kind": p.quote.kind,
            "speaker": p.name,
            "anonymous": p.anonymous,
            "confidence": p.quote.confidence,
            "text": text[p.start : p.end][:160],
        }
    if "speaker_ok" in row:
        out["speaker_ok"] = row["speaker_ok"]
    return out


_KINDS: dict[str, Literal["direct", "indirect", "mixed", "partial"]] = {
    "direct": "direct",
    "indirect": "indirect",
    "mixed": "mixed",
    "partial": "partial",
}


def gold_of_reviewed(
    aid: int, stored: Article, quotes: Sequence[Any], *, source: str, url: str | None = None
) -> GoldArticle:
    """A stored article and its quotes as reviewed (:class:`~warta.storage.queries.corrections.ReviewedQuote`)
    as a gold article carrying its text (the article's ``raw``; offsets are mapped to it):
    a confirmed or corrected quote is an item, an unreviewed one an ``uncertain`` item, a
    rejected one goes to ``rejected``; each with its :class:`Review`.

    Example:
        >>> gold = gold_of_reviewed(7, stored, quotes, source="warta.db")  # doctest: +SKIP
        >>> gold.corpus, gold.id, [q.review.state for q in gold.quotes]
        ('store', '7', ['confirmed', 'unreviewed'])
    """
    amap = stored.offsets_map()
    items: list[GoldQuote] = []
    rejected: list[GoldQuote] = []
    for rq in quotes:
        start, end = amap.span(rq.start, rq.end)
        kind = _KINDS.get(rq.kind, "direct")
        item = GoldQuote(
            start=start,
            end=end,
            kind=kind,
            speaker=rq.speaker,
            speaker_type="anonymous"
            if rq.anonymous
            else ("organisation" if rq.speaker_label == "ORG" else "person"),
            uncertain=not rq.reviewed,
            review=Review(state=rq.state, reviewers=list(rq.reviewers), corrected=list(rq.corrected)),
        )
        (rejected if rq.rejected else items).append(item)
    value = stored.published.value
    return GoldArticle(
        corpus="store",
        file=source,
        id=str(aid),
        sha1=text_sha1(stored.raw),
        outlet=stored.source.outlet or stored.source.site or "(unknown)",
        quotes=items,
        text=stored.raw,
        title=stored.title,
        url=url or stored.source.url,
        published=value.isoformat() if value is not None else None,
        rejected=rejected,
    )


def evaluate_reviewed(
    found: Sequence[tuple[int, Article, Sequence[Any]]], *, source: str, errors: bool = False
) -> dict[str, Any]:
    """Score the default pipeline against what reviewers confirmed or corrected in a store
    (``warta eval quotes --db ... --reviewed``; ``found`` is what
    :func:`warta.storage.queries.corrections.reviewed_quotes` reads: each article's id, its
    stored Article, and its quotes as reviewed).

    Each article with a reviewed quote is analysed again from its raw text; its gold is its
    quotes as reviewed: a confirmed or corrected quote is an item (span and speaker as the
    reviewer left them), a rejected one is none (predicting it is a false quote), and a quote
    nobody reviewed is ``uncertain`` (neither rewarded nor punished).

    Raises:
        EvaluationError: no quote of the store is reviewed (W302).
    """
    if not found:
        raise EvaluationError("no reviewed quotes in the store: review some first", source=source)
    pairs: list[tuple[GoldArticle, Article, str]] = []
    for aid, stored, quotes in found:
        gold = gold_of_reviewed(aid, stored, quotes, source=source)
        pairs.append((gold, article_of_gold(gold, source=source), stored.raw))
    uncertain = sum(q.uncertain for g, _, _ in pairs for q in g.quotes)
    return {"gold_file": source, "split": "reviewed", "uncertain": uncertain, **_score(pairs, errors=errors)}


def evaluate_quote_gold(
    path: str | Path,
    *,
    data_root: str | Path,
    split: Literal["dev", "heldout", "all"] = "dev",
    errors: bool = False,
) -> dict[str, Any]:
    """Score the default pipeline against a warta quote gold file.

    Args:
        path: the gold file (JSON Lines of :class:`GoldArticle`).
        data_root: the folder holding the corpora (``../shared/data``).
        split: which articles to score: ``dev`` (default), ``heldout`` (only at the end of a
            session, never while changing rules) or ``all``.
        errors: also list every error (false positives, misses, wrong speakers).

    Raises:
        EvaluationError: the gold, a corpus or an article is missing or changed (W401).
    """
    from warta.config import Settings
    from warta.io import FieldMap
    from warta.io._records import article_from_record

    gold = [g for g in read_quote_gold(path) if split == "all" or g.split == split]
    if not gold:
        raise EvaluationError(f"no articles in split {split!r}", source=str(path))
    settings = Settings()
    fields = FieldMap.from_settings(settings)
    # Gold exported from a store carries its text; the rest is read from the data root.
    carried = {id(g): article_of_gold(g, source=str(path)) for g in gold if g.text is not None}
    records = dict(
        (id(g), record) for g, record in load_articles([g for g in gold if g.text is None], Path(data_root))
    )
    items = []
    for g in gold:
        if g.text is not None:
            items.append((g, carried[id(g)], g.text))
            continue
        record = records[id(g)]
        article = article_from_record(
            record,
            fields=fields,
            source=f"{g.corpus}:{g.id}",
            default_id=g.id,
            input_format="jsonl",
            max_bytes=settings.max_input_bytes,
        )
        items.append((g, article, record.get("text") or ""))
    return {"gold_file": str(path), "split": split, **_score(items, errors=errors)}


def article_of_gold(gold: GoldArticle, *, source: str) -> Article:
    """The article to analyse for gold that carries its text (exported from a store): the
    text as the store read it, with its title, address, outlet and date.

    Raises:
        EvaluationError: the gold has no text, its text is not the one annotated (the sha1
            differs), an offset falls outside it, or its date is not ISO 8601 (W302).
    """
    from warta.article import Published, Source

    where = f"{source}: article {gold.id}"
    if gold.text is None:
        raise EvaluationError("the gold article carries no text", source=where)
    if text_sha1(gold.text) != gold.sha1:
        raise EvaluationError("its text is not the one annotated (sha1 differs)", source=where)
    for q in (*gold.quotes, *gold.rejected):
        if not 0 <= q.start < q.end <= len(gold.text):
            raise EvaluationError(
                f"quote {q.start}..{q.end} is outside the text (0..{len(gold.text)})", source=where
            )
    published = Published()
    if gold.published:
        try:
            published = Published(value=datetime.fromisoformat(gold.published), method="metadata")
        except ValueError as exc:
            raise EvaluationError(f"published {gold.published!r} is not ISO 8601", source=where) from exc
    return Article(
        id=gold.id,
        raw=gold.text,
        title=gold.title,
        source=Source(outlet=gold.outlet, url=gold.url),
        published=published,
    )


def _score(items: Sequence[tuple[GoldArticle, Article, str]], *, errors: bool) -> dict[str, Any]:
    """Analyse each (gold, article to analyse, the text the gold's offsets are into) with the
    default pipeline and score it: the totals, calibration, per outlet, speed, the errors."""
    from warta.api_analyze import build_pipeline
    from warta.config import Settings

    pipe = build_pipeline(settings=Settings())
    total = _Tally()
    by_outlet: dict[str, _Tally] = defaultdict(_Tally)
    all_rows: list[dict[str, Any]] = []
    listed: list[dict[str, Any]] = []
    seconds = 0.0
    words = 0
    crashed: list[str] = []
    for g, article, text in items:
        started = time.perf_counter()
        article = pipe(article)
        seconds += time.perf_counter() - started
        words += article.word_count
        # A step that failed on an article leaves its fields empty: its scores would say the
        # rules miss what a crash hid. The report names each failure.
        crashed.extend(
            f"{g.id}: {e.step}: {e.message}" for e in article.errors if e.code == StepFailedError.code
        )
        counts, rows = score_article(g, article, text)
        for tally in (total, by_outlet[g.outlet]):
            tally.gold += counts.get("gold", 0)
            tally.pred += counts.get("pred", 0)
            tally.found += counts.get("found", 0)
            tally.speaker_ok += counts.get("speaker_ok", 0)
            tally.dated += counts.get("dated", 0)
            tally.date_ok += counts.get("date_ok", 0)
        all_rows.extend(rows)
        if errors:
            for r in rows:
                if r["status"] in ("fp", "fn") or (r["status"] == "tp" and not r["speaker_ok"]):
                    listed.append(
                        {"article": g.id, "outlet": g.outlet, **_describe(article, {"text": text}, r)}
                    )
    result: dict[str, Any] = {
        "articles": len(items),
        "outlets": len(by_outlet),
        **total.result(),
        "calibration": _calibration(all_rows),
        "per_outlet": {o: t.result() for o, t in sorted(by_outlet.items())},
        "words_per_second": round(words / seconds) if seconds else None,
    }
    if crashed:
        result["step_failures"] = crashed
    if errors:
        result["errors"] = listed
    return result
