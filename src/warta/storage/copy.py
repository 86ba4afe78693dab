"""Copying a corpus store to another: a team moving its SQLite file onto a PostgreSQL
server, or the other way for an archive.

Articles are copied as analysed (nothing runs the pipeline again): each keeps its analysis
version, its content hash and every source it was seen under, and the target derives its
own rows (entities, quotes, search index) from them as an ingest would. Rejects, records
over budget and what each analysis version stood for come along. A copy that stops
resumes: articles whose content the target already holds under the same analysis
version are skipped. The reviewers' corrections come along and are applied to the copies, and
the scores of the pipeline on them over time (``review_evals``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import msgspec
import sqlalchemy as sa

from warta.article import Article

from . import tables as t
from .names import url_key
from .repository import Store
from .writer import Fingerprint, Writer, decode_doc

__all__ = ["CopyResult", "copy_store"]

_BATCH = 200


class CopyResult(msgspec.Struct):
    articles: int  # copied
    skipped: int  # already in the target, same analysis version
    sources: int  # source keys written (an article seen under several URLs has several)
    rejects: int
    over_budget: int
    corrections: int = 0  # the reviewers' corrections (warta.storage.corrections)
    entity_corrections: int = 0  # ... of entities (warta.storage.entity_corrections)
    review_evals: int = 0  # the scoring runs on the reviewed quotes (accuracy over time)


def _articles(source: Store) -> Iterator[tuple[Article, str, str, list[str]]]:
    """(article, content hash, analysis version, source keys) of every stored article, by id."""
    a, s = t.articles.c, t.article_sources.c
    last = 0
    while True:
        with source.connect() as conn:
            rows = conn.execute(
                sa.select(a.id, a.content_hash, a.pipeline, a.doc)
                .where(a.id > last)
                .order_by(a.id)
                .limit(_BATCH)
            ).all()
            if not rows:
                return
            keys: dict[int, list[str]] = {}
            for aid, key in conn.execute(
                sa.select(s.article_id, s.source_key)
                .where(s.article_id.in_([r.id for r in rows]))
                .order_by(s.article_id, s.seen_at, s.source_key)
            ):
                keys.setdefault(int(aid), []).append(str(key))
        for r in rows:
            yield decode_doc(r.doc), str(r.content_hash), str(r.pipeline), keys.get(int(r.id), [])
        last = int(rows[-1].id)


def copy_store(source: Store, target: Store, *, progress: Callable[[int], None] | None = None) -> CopyResult:
    """Copy every article, reject and over-budget record of ``source`` into ``target``."""
    known = target.known()
    writer = Writer()
    copied = skipped = sources = 0
    batch: list[tuple[Article, Fingerprint]] = []

    def flush() -> None:
        if batch:
            target.write_batch(batch, writer=writer)
            batch.clear()

    for article, chash, pipeline, keys in _articles(source):
        if known.get(f"sha1:{chash}") == (chash, pipeline):
            skipped += 1
        else:
            ukey = url_key(article.source.url)
            for key in keys or [f"sha1:{chash}"]:
                batch.append(
                    (
                        article,
                        Fingerprint(source_key=key, url_key=ukey, content_hash=chash, pipeline=pipeline),
                    )
                )
                sources += 1
            copied += 1
            if len(batch) >= _BATCH:
                flush()
        if progress is not None:
            progress(1)
    flush()
    for description in _versions(source):
        target.record_version(description)
    rejects = _copy_rows(source, target, t.rejects, ("source", "code", "reason"))
    over = _copy_rows(source, target, t.over_budget, ("source_key", "content_hash"))
    entity_corrections = _copy_entity_corrections(source, target)
    corrections = _copy_corrections(source, target)
    # A run is known by when it ran and which pipeline it scored (a second copy adds none).
    evals = _copy_rows(source, target, t.review_evals, ("created_at", "pipeline"))
    return CopyResult(
        articles=copied,
        skipped=skipped,
        sources=sources,
        rejects=rejects,
        over_budget=over,
        corrections=corrections,
        entity_corrections=entity_corrections,
        review_evals=evals,
    )


def _copy_entity_corrections(source: Store, target: Store) -> int:
    """The reviewers' entity corrections (undone ones too), on the target's entity and article
    ids (entities by the machine's label and key, articles by key; an entity a split created
    is created on the target too), then applied. One the target holds already is not copied;
    one naming an entity the target lacks is kept, orphaned."""
    from .entity_corrections import create_entity, entity_affected_apply

    a, c, e = t.articles.c, t.entity_corrections.c, t.entities.c
    with source.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sa.select(t.entity_corrections).order_by(c.id))]
        if not rows:
            return 0
        keys = dict(conn.execute(sa.select(a.id, a.key)).all())
        entities = {
            int(i): (str(ml or lab), str(k), str(n))
            for i, lab, ml, k, n in conn.execute(sa.select(e.id, e.label, e.machine_label, e.key, e.name))
        }
    new = 0
    with target.transaction() as conn:
        ids = {str(k): int(i) for i, k in conn.execute(sa.select(a.id, a.key))}
        on_target = {
            (str(ml or lab), str(k)): int(i)
            for i, lab, ml, k in conn.execute(sa.select(e.id, e.label, e.machine_label, e.key))
        }
        have = {
            (str(r.action), str(r.created_at), str(r.reviewer))
            for r in conn.execute(sa.select(c.action, c.created_at, c.reviewer))
        }

        def entity(old: int | None, *, create: bool = False) -> int | None:
            if old is None or old not in entities:
                return None
            label, key, name = entities[old]
            found = on_target.get((label, key))
            if found is None and create:
                found = on_target[(label, key)] = create_entity(conn, name, label)
            return found

        touched: set[int] = set()
        for row in rows:
            if (str(row["action"]), str(row["created_at"]), str(row["reviewer"])) in have:
                continue
            after = json.loads(row["after"])
            source_id = entity(int(row["entity_id"]))
            target_id = entity(row["target_id"], create=bool(after.get("created")))
            anchors = json.loads(row["anchors"])
            for anchor in anchors:
                moved = ids.get(str(keys.get(anchor["article_id"])))
                anchor["lost"] = anchor.get("lost", False) or moved is None
                anchor["article_id"] = moved if moved is not None else 0
            if target_id is not None:
                after["target_id"] = target_id
            row.pop("id")
            lost = source_id is None or (row["target_id"] is not None and target_id is None)
            row.update(
                entity_id=source_id if source_id is not None else 0,
                target_id=target_id,
                after=json.dumps(after, ensure_ascii=False),
                anchors=json.dumps(anchors, ensure_ascii=False),
                orphaned_at=row["orphaned_at"] or (row["created_at"] if lost else None),
            )
            conn.execute(t.entity_corrections.insert().values(**row))
            touched.update(i for i in (source_id, target_id) if i is not None)
            new += 1
        if new:
            entity_affected_apply(conn, touched)
    return new


def _copy_corrections(source: Store, target: Store) -> int:
    """The reviewers' corrections (undone ones too: the log is history), on the target's
    article and entity ids (matched by article key, and by entity label and key), then
    applied to the target's quotes. A correction the target holds already is not copied."""
    from .corrected import reapply

    a, c, e = t.articles.c, t.corrections.c, t.entities.c
    with source.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sa.select(t.corrections).order_by(c.id))]
        if not rows:
            return 0
        keys = dict(conn.execute(sa.select(a.id, a.key)).all())
        entities = {int(i): (str(lab), str(k)) for i, lab, k in conn.execute(sa.select(e.id, e.label, e.key))}
    with target.connect() as conn:
        ids = {str(k): int(i) for i, k in conn.execute(sa.select(a.id, a.key))}
        target_entities = {
            (str(lab), str(k)): int(i) for i, lab, k in conn.execute(sa.select(e.id, e.label, e.key))
        }
        have = {
            (int(r.article_id), int(r.quote_idx), str(r.action), str(r.created_at), str(r.reviewer))
            for r in conn.execute(sa.select(c.article_id, c.quote_idx, c.action, c.created_at, c.reviewer))
        }

    def on_target(side: str) -> str:
        value = json.loads(side)
        old = value.get("speaker_id") if isinstance(value, dict) else None
        if old is not None:
            found = target_entities.get(entities.get(int(old), ("", "")))
            value["speaker_id"] = found  # None: the target does not know that entity; its name stays
        return json.dumps(value, ensure_ascii=False)

    new, touched = [], set()
    for row in rows:
        article = ids.get(str(keys.get(row["article_id"])))
        if article is None:
            continue  # the article itself was not copied (it is in the target's rejects?)
        ident = (
            article,
            int(row["quote_idx"]),
            str(row["action"]),
            str(row["created_at"]),
            str(row["reviewer"]),
        )
        if ident in have:
            continue
        row.pop("id")
        row.update(article_id=article, before=on_target(row["before"]), after=on_target(row["after"]))
        new.append(row)
        touched.add(article)
    if new:
        with target.transaction() as conn:
            conn.execute(t.corrections.insert(), new)
            for article in sorted(touched):
                reapply(conn, article)
    return len(new)


def _versions(source: Store) -> list[dict[str, Any]]:
    m = t.meta.c
    with source.connect() as conn:
        values = conn.execute(sa.select(m.value).where(m.key.like("analysis:%"))).scalars().all()
    return [json.loads(v) for v in values]


def _copy_rows(source: Store, target: Store, table: sa.Table, identity: tuple[str, ...]) -> int:
    """Rows of ``table`` the target lacks (by the ``identity`` columns), without their ids."""
    columns = [c for c in table.c if not c.primary_key or c.name not in ("id",)]
    with target.connect() as conn:
        have = {tuple(r) for r in conn.execute(sa.select(*[table.c[k] for k in identity]))}
    with source.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.execute(sa.select(*columns))
            if tuple(r._mapping[k] for k in identity) not in have
        ]
    if rows:
        with target.transaction() as conn:
            conn.execute(table.insert(), rows)
    return len(rows)
