"""Full-text search over the corpus: SQLite FTS5, BM25 ranking, Indonesian stems.

Each article is indexed by title, body and the *stems* of its words (Sastrawi, cached
per word) where they differ from the word. A query word matches its surface form in
the title or body, or its stem in any column: "investasi" finds "berinvestasi" and
"investasinya", and "berinvestasi" finds "investasi". Quoted phrases match as written.

Filters (dates, outlet, entity, speaker) are joined to the ranked matches; the snippet
is the stretch of the body with the most query words, with their offsets for
highlighting.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     for hit in search(store, "investasi asing", outlet="kompas", limit=5):
    ...         print(hit.title, hit.snippet)
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import msgspec
import sqlalchemy as sa

from warta.storage.errors import StorageError
from warta.storage.people import candidates
from warta.storage.repository import Store
from warta.storage.text import make_stemmer, words

__all__ = [
    "FullText",
    "Hit",
    "SearchQuery",
    "full_text",
    "indexed_bodies",
    "parse_query",
    "search",
    "tsquery_expression",
    "tsquery_phrases",
]

# BM25 column weights: a word in the title counts more than one in the body; a stem-only
# match (the stems column) counts least, so exact forms rank first.
_WEIGHTS = (4.0, 1.0, 0.6)
# Snippet length in characters (about 30 words).
_SNIPPET_CHARS = 220
_PHRASE = re.compile(r'"([^"]+)"')


class Hit(msgspec.Struct):
    """One search result. ``marks`` are ``(start, end)`` offsets of query words in ``snippet``."""

    article_id: int
    score: float
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str
    marks: list[tuple[int, int]]


class SearchQuery(msgspec.Struct, frozen=True):
    """A parsed query: single words (matched with their stems) and quoted phrases."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    def is_empty(self) -> bool:
        return not self.words and not self.phrases


def parse_query(text: str) -> SearchQuery:
    """Split a query into quoted phrases and words.

    Example:
        >>> parse_query('investasi "bank sentral" naik')
        SearchQuery(words=('investasi', 'naik'), phrases=(('bank', 'sentral'),))
    """
    phrases = tuple(tuple(words(p)) for p in _PHRASE.findall(text) if words(p))
    rest = _PHRASE.sub(" ", text)
    return SearchQuery(words=tuple(dict.fromkeys(words(rest))), phrases=phrases)


def match_expression(query: SearchQuery, stem: Callable[[str], str]) -> str:
    """The FTS5 MATCH expression of a query (every word and phrase must match).

    Example:
        >>> match_expression(parse_query("berinvestasi"), {"berinvestasi": "investasi"}.get)
        '({title body}: "berinvestasi" OR {title body stems}: "investasi")'
    """
    parts = []
    for w in query.words:
        s = stem(w) or w
        if s != w:
            parts.append(f'({{title body}}: "{w}" OR {{title body stems}}: "{s}")')
        else:
            parts.append(f'{{title body stems}}: "{w}"')
    for p in query.phrases:
        parts.append('{title body}: "' + " ".join(p) + '"')
    return " AND ".join(parts)


def tsquery_expression(query: SearchQuery, stem: Callable[[str], str], *, weighted: bool = True) -> str:
    """The PostgreSQL ``to_tsquery('simple', ...)`` expression of a query: what
    :func:`match_expression` asks of FTS5, with the fields as tsvector weights (title A,
    body B, stems C). Unweighted (``weighted=False``), the GIN index answers it without
    reading the articles' tsvectors again, as it must to check weights: the condition that
    finds the matches is unweighted (a word's surface form is in the stems field only when
    Sastrawi leaves it unchanged, and then it is in the text too), the ranking weighted.

    Example:
        >>> tsquery_expression(parse_query('berinvestasi "bank sentral"'), {"berinvestasi": "investasi"}.get)
        "('berinvestasi':AB | 'investasi':ABC) & ('bank':AB <-> 'sentral':AB)"
        >>> tsquery_expression(parse_query("berinvestasi"), {"berinvestasi": "investasi"}.get, weighted=False)
        "('berinvestasi' | 'investasi')"
    """
    ab, abc = (":AB", ":ABC") if weighted else ("", "")
    parts = []
    for w in query.words:
        s = stem(w) or w
        parts.append(f"('{w}'{ab} | '{s}'{abc})" if s != w else f"'{w}'{abc}")
    for p in query.phrases:
        parts.append("(" + " <-> ".join(f"'{w}'{ab}" for w in p) + ")")
    return " & ".join(parts)


class FullText(msgspec.Struct, frozen=True):
    """The SQL of a full-text query on one backend: the index joined to ``articles a``
    (``source``), the ``condition`` (with the bound parameter ``:match``), the ``score`` (lower
    is better, as BM25's), the ``match`` expression, the values to bind (``params``: the
    match and what the score needs), and the query that reads the indexed bodies of some
    articles (``bodies`` + ``IN (...)``)."""

    source: str
    condition: str
    score: str
    match: str
    bodies: str
    params: dict[str, Any] = msgspec.field(default_factory=dict)


# BM25's parameters, as FTS5's bm25() has them.
_K1, _B = 1.2, 0.75


def tsquery_phrases(query: SearchQuery, stem: Callable[[str], str]) -> list[str]:
    """The phrases of :func:`match_expression` one by one, as tsqueries: what FTS5's bm25()
    counts and weighs separately (a word and its stem are two phrases).

    Example:
        >>> tsquery_phrases(parse_query('berinvestasi "bank sentral"'), {"berinvestasi": "investasi"}.get)
        ["'berinvestasi':AB", "'investasi':ABC", "'bank':AB <-> 'sentral':AB"]
    """
    out = []
    for w in query.words:
        s = stem(w) or w
        out.extend([f"'{w}':AB", f"'{s}':ABC"] if s != w else [f"'{w}':ABC"])
    for p in query.phrases:
        out.append(" <-> ".join(f"'{w}':AB" for w in p))
    return out


def _pg_bm25(store: Store, phrases: list[str]) -> tuple[str, dict[str, Any]]:
    """BM25 on PostgreSQL, computed as FTS5's bm25() computes it: for each phrase, its
    inverse document frequency times its saturated frequency in the article, normalised by
    the article's length against the average. A phrase's frequency is the sum of its
    occurrences weighted by field (title, body, stems): ``ts_rank_cd`` without
    normalisation gives exactly that for a query of one phrase (each occurrence is a cover
    of weight w). Corpus statistics (the article count, the average length, the articles
    holding each phrase) are counted once per store state and bound as values."""
    w1, w2, w3 = _WEIGHTS
    top = max(_WEIGHTS)
    weights = f"'{{0, {w3 / top}, {w2 / top}, {w1 / top}}}'"

    def totals() -> tuple[int, float]:
        with store.connect() as conn:
            n, avg = conn.execute(
                sa.text("SELECT count(*), coalesce(avg(tokens), 0) FROM articles_text")
            ).one()
        return int(n), float(avg or 0.0)

    def holding(phrase: str) -> int:
        # Counted unweighted, so that the GIN index answers without reading the tsvectors
        # (a word in the stems field alone is one Sastrawi leaves unchanged: in the text too).
        plain = phrase.replace(":ABC", "").replace(":AB", "")
        with store.connect() as conn:
            return int(
                conn.execute(
                    sa.text("SELECT count(*) FROM articles_text WHERE tsv @@ to_tsquery('simple', :q)"),
                    {"q": plain},
                ).scalar_one()
            )

    n, avgdl = store.remember(("bm25-totals",), totals)
    params: dict[str, Any] = {"bm25_avgdl": max(avgdl, 1.0)}
    # idf * f * (k1 + 1) / (f + K) written as idf * (k1 + 1) / (1 + K / f), so that each
    # phrase's frequency is computed (and the tsvector read) once; 0 where f is 0.
    norm = f"{_K1} * ({1 - _B} + {_B} * x.tokens / :bm25_avgdl)"
    terms = []
    for i, phrase in enumerate(phrases):
        hits = store.remember(("bm25-holding", phrase), functools.partial(holding, phrase))
        idf = math.log((n - hits + 0.5) / (hits + 0.5)) if n else 0.0
        params[f"bm25_q{i}"] = phrase
        params[f"bm25_idf{i}"] = idf if idf > 0 else 1e-6
        f = f"{top} * ts_rank_cd({weights}, x.tsv, to_tsquery('simple', :bm25_q{i}), 0)"
        terms.append(f"coalesce(:bm25_idf{i} * {_K1 + 1} / (1 + {norm} / nullif({f}, 0)), 0)")
    return "-(" + " + ".join(terms) + ")", params


def full_text(store: Store, parsed: SearchQuery, stem: Callable[[str], str]) -> FullText:
    """The full-text SQL of ``parsed`` for the store's backend: FTS5 ranked by its bm25() on
    SQLite, a weighted tsvector ranked by the same BM25 (the same phrases, field weights and
    parameters, :func:`_pg_bm25`) on PostgreSQL. The one place the search SQL and its weights
    are written (the CLI, the API, the pages and the watchlists use it).

    Raises:
        StorageError: the store is neither SQLite nor PostgreSQL.
    """
    w1, w2, w3 = _WEIGHTS
    if store.is_sqlite:
        match = match_expression(parsed, stem)
        return FullText(
            source="articles_fts JOIN articles a ON a.id = articles_fts.rowid",
            condition="articles_fts MATCH :match",
            score=f"bm25(articles_fts, {w1}, {w2}, {w3})",
            match=match,
            bodies="SELECT rowid, body FROM articles_fts WHERE rowid",
            params={"match": match},
        )
    if store.engine.dialect.name == "postgresql":
        match = tsquery_expression(parsed, stem, weighted=False)
        score, params = _pg_bm25(store, tsquery_phrases(parsed, stem))
        return FullText(
            source="articles_text x JOIN articles a ON a.id = x.article_id",
            condition="x.tsv @@ to_tsquery('simple', :match)",
            score=score,
            match=match,
            bodies="SELECT article_id, body FROM articles_text WHERE article_id",
            params={"match": match, **params},
        )
    raise StorageError("full-text search needs SQLite (FTS5) or PostgreSQL", source=store.name)


def indexed_bodies(conn: Any, text: FullText, ids: Sequence[int]) -> dict[int, str]:
    """The indexed body text of the articles ``ids`` (for snippets)."""
    if not ids:
        return {}
    by_name = {f"b{i}": int(v) for i, v in enumerate(ids)}
    names = ", ".join(f":{k}" for k in by_name)
    return {int(r[0]): str(r[1] or "") for r in conn.execute(sa.text(f"{text.bodies} IN ({names})"), by_name)}


def search(
    store: Store,
    query: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    speaker: str | None = None,
    limit: int = 10,
) -> list[Hit]:
    """Articles matching ``query`` and the filters, best first (newest first without a query).

    Args:
        query: words (matched with their stems) and "quoted phrases"; may be empty when
            a filter is given.
        date_from, date_to: publication day bounds, inclusive.
        outlet: part of the outlet name, any case ("kompas").
        entity: a name; articles that mention that entity (any of its aliases).
        speaker: a name; articles that quote that person.
        limit: most hits to return.

    On SQLite the index is FTS5 ranked by BM25; on PostgreSQL a weighted ``tsvector`` under a
    GIN index ranked by ``ts_rank_cd`` with the same field weights (title, body, stems).

    Raises:
        StorageError: an empty query without filters, or a store that is neither SQLite nor
            PostgreSQL.
    """
    stem = make_stemmer()
    parsed = parse_query(query)
    where: list[str] = []
    params: dict[str, object] = {"limit": limit}
    if date_from is not None:
        where.append("a.day >= :date_from")
        params["date_from"] = date_from.isoformat()
    if date_to is not None:
        where.append("a.day <= :date_to")
        params["date_to"] = date_to.isoformat()
    if outlet:
        where.append("lower(a.outlet) LIKE :outlet")
        params["outlet"] = f"%{outlet.casefold()}%"
    with store.connect() as conn:
        if entity:
            ids = candidates(conn, entity)
            where.append(
                _in(
                    "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id "
                    "AND ae.entity_id IN ({}))",
                    "ent",
                    ids,
                    params,
                )
            )
        if speaker:
            ids = candidates(conn, speaker, labels=("PER",))
            where.append(
                _in(
                    "EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND q.speaker_id IN ({}) AND NOT q.rejected)",
                    "spk",
                    ids,
                    params,
                )
            )
        filters = "".join(f" AND {w}" for w in where)
        if parsed.is_empty():
            if not where:
                raise StorageError(
                    "an empty query needs a filter (--outlet, --entity, --speaker, dates)", source=store.name
                )
            sql = (
                "SELECT a.id, 0.0 AS score, a.title, a.outlet, a.published, a.url FROM articles a "
                f"WHERE 1 = 1{filters} ORDER BY a.published DESC LIMIT :limit"
            )
        else:
            text = full_text(store, parsed, stem)
            params.update(text.params)
            sql = (
                f"SELECT a.id, {text.score} AS score, a.title, a.outlet, a.published, a.url "
                f"FROM {text.source} WHERE {text.condition}{filters} ORDER BY score, a.id LIMIT :limit"
            )
        try:
            rows = conn.execute(sa.text(sql), params).all()
        except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
            raise StorageError(f"search failed for {query!r}: {exc.orig}", source=store.name) from exc
        bodies = (
            indexed_bodies(conn, full_text(store, parsed, stem), [int(r.id) for r in rows]) if rows else {}
        )
        hits = []
        for row in rows:
            snippet, marks = make_snippet(bodies.get(int(row.id), ""), parsed, stem)
            hits.append(
                Hit(
                    article_id=int(row.id),
                    score=-float(row.score),
                    title=row.title,
                    outlet=row.outlet,
                    published=row.published,
                    url=row.url,
                    snippet=snippet,
                    marks=marks,
                )
            )
    return hits


def _in(template: str, prefix: str, ids: Sequence[int], params: dict[str, object]) -> str:
    if not ids:
        return "0 = 1"  # an unknown name matches nothing
    names = []
    for i, value in enumerate(ids):
        params[f"{prefix}{i}"] = value
        names.append(f":{prefix}{i}")
    return template.format(", ".join(names))


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def make_snippet(
    body: str, query: SearchQuery, stem: Callable[[str], str], *, size: int = _SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """The stretch of about ``size`` characters with the most query words, and their offsets in it.

    A body word counts when it is a query word, has a query word's stem ("investasinya"
    for "investasi"), or belongs to a quoted phrase. Candidates are found with one regular
    expression over the body (words containing a query word or stem), so only a few
    words are stemmed.
    """
    targets = set(query.words) | {w for p in query.phrases for w in p}
    stems = {stem(w) or w for w in targets}
    # Nasal prefixes drop a stem's first letter ("tanam" in "menanam"): match from the second.
    pieces = sorted({*targets, *(x[1:] if len(x) > 3 else x for x in stems)}, key=len, reverse=True)
    hits: list[tuple[int, int]] = []
    if pieces:
        pattern = re.compile("|".join(map(re.escape, pieces)), re.IGNORECASE)
        last_end = -1
        for m in pattern.finditer(body):
            if m.start() < last_end:
                continue
            # Grow the match to the whole word it sits in.
            start, end = m.start(), m.end()
            while start > 0 and _is_word_char(body[start - 1]):
                start -= 1
            while end < len(body) and _is_word_char(body[end]):
                end += 1
            last_end = end
            w = body[start:end].casefold()
            if w in targets or (stem(w) or w) in stems:
                hits.append((start, end))
    if not body:
        return "", []
    # The window start (a hit) that covers the most hits within `size` characters.
    best_start, best_count, j = 0, 0, 0
    for i, (start, _end) in enumerate(hits):
        while j < len(hits) and hits[j][1] <= start + size:
            j += 1
        if j - i > best_count:
            best_count, best_start = j - i, start
    # Begin a little before the first hit, at a word boundary.
    lead = max(0, best_start - size // 6)
    if lead > 0:
        space = body.find(" ", lead, best_start)
        lead = space + 1 if space >= 0 else lead
    stop = min(len(body), lead + size)
    if stop < len(body):
        space = body.rfind(" ", lead, stop)
        stop = space if space > max(lead, best_start) else stop
    prefix = "…" if lead > 0 else ""
    suffix = "…" if stop < len(body) else ""
    text = prefix + body[lead:stop].replace("\n", " ") + suffix
    shift = len(prefix) - lead
    marks = [(s + shift, e + shift) for s, e in hits if s >= lead and e <= stop]
    return text, marks
