"""Reviewers' corrections of entities: an event log, never an overwrite.

A reviewer gives an entity another type (``type``: "Bank Dunia" is an ORG, not a PER),
merges one referent into another (``merge``: "Pak Bas" is Basuki Hadimuljono; all its
mentions, quotes as speaker, "about" links and aliases count for the target from then on,
in the articles stored and in those still to come), or splits a wrong merge (``split``:
the mentions of some articles, or under some name, are another person; they go to an
existing entity or to a new one). Each correction is a row of ``entity_corrections``
(who, when, the entity, the action, before and after); an undo marks it undone and changes
nothing else. The corrected state is kept on the rows the read layer reads (see
:mod:`.entity_state`), written in the same transaction as the event.

A split lists the article entities it moves (its anchors: article, index, name, the first
mention's offset and the sha1 of its text). When an article is written again (a reanalysis)
each anchor is found again by name, else by the mention's offset and text; a split none of
whose anchors is found is marked orphaned: listed for the reviewer, never dropped.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     add_entity_correction(store, 7, "merge", reviewer="dewi", target_id=3)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal, get_args

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.errors import CorrectionError

from . import tables as t
from .corrected import reapply
from .entity_state import entity_pass, live_entity_events, name_hash, refresh_entities, same_name
from .events import reviewer_name, utc_now
from .people import entity_key
from .repository import Store
from .writer import decode_doc

__all__ = [
    "ENTITY_ACTIONS",
    "LABELS",
    "EntityAction",
    "EntityCorrection",
    "add_entity_correction",
    "create_entity",
    "entity_affected_apply",
    "entity_correction_record",
    "undo_entity_correction",
]

EntityAction = Literal["type", "merge", "split"]
ENTITY_ACTIONS: tuple[str, ...] = get_args(EntityAction)
LABELS = ("PER", "ORG", "LOC", "EVT", "MISC")

_MAX_NAME = 200
# A split names at most this many articles or names (a reviewer's choice, not a query).
_MAX_CHOSEN = 500


class EntityCorrection(msgspec.Struct):
    """One correction of an entity (see the module docstring). ``target_id``: the entity a
    merge or split sends mentions to; ``anchors``: the article entities a split moved
    (``lost`` when a reanalysis no longer finds one); ``orphaned``: none is found any more."""

    id: int
    entity_id: int
    action: str
    target_id: int | None
    before: dict[str, Any]
    after: dict[str, Any]
    anchors: list[dict[str, Any]]
    reviewer: str
    created_at: str
    undone_at: str | None = None
    undone_by: str | None = None
    orphaned_at: str | None = None
    orphaned: bool = False


def entity_correction_record(row: Any) -> EntityCorrection:
    """An ``entity_corrections`` row as an :class:`EntityCorrection`."""
    return EntityCorrection(
        id=int(row.id),
        entity_id=int(row.entity_id),
        action=str(row.action),
        target_id=None if row.target_id is None else int(row.target_id),
        before=json.loads(row.before),
        after=json.loads(row.after),
        anchors=json.loads(row.anchors),
        reviewer=str(row.reviewer),
        created_at=str(row.created_at),
        undone_at=row.undone_at,
        undone_by=row.undone_by,
        orphaned_at=row.orphaned_at,
        orphaned=row.orphaned_at is not None,
    )


def _entity(conn: Connection, entity_id: int, where: str, *, role: str = "entity") -> Any:
    e = t.entities.c
    row = conn.execute(
        sa.select(e.id, e.name, e.label, e.key, e.merged_into).where(e.id == entity_id)
    ).first()
    if row is None:
        raise CorrectionError(f"no {role} with id {entity_id}", source=where, missing=role == "entity")
    if row.merged_into is not None:
        raise CorrectionError(
            f"{role} {entity_id} ({row.name}) was merged into entity {row.merged_into}; correct that one",
            source=where,
        )
    return row


def add_entity_correction(
    store: Store,
    entity_id: int,
    action: str,
    *,
    reviewer: str,
    label: str | None = None,
    target_id: int | None = None,
    articles: Sequence[int] = (),
    names: Sequence[str] = (),
    new_name: str | None = None,
    new_label: str | None = None,
) -> EntityCorrection:
    """Record a correction of corpus entity ``entity_id`` and apply it, in one transaction.

    Args:
        action: ``type``, ``merge`` or ``split``.
        reviewer: who corrects (kept on the event).
        label: for ``type``, the new label (PER, ORG, LOC, EVT, MISC).
        target_id: for ``merge``, the entity it is merged into; for ``split``, an existing
            entity the chosen mentions go to (or give ``new_name``).
        articles, names: for ``split``, the mentions to move: the entity's in these articles
            and/or under these names ("Budi Santoso"); at least one of the two.
        new_name, new_label: for ``split``, a new entity to create for them (its label: the
            entity's unless ``new_label``).

    Raises:
        CorrectionError: no such entity (``missing``), an unknown action, fields that do not
            fit the action, or a choice that names none of the entity's mentions.
    """
    if action not in ENTITY_ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; one of {', '.join(ENTITY_ACTIONS)}")
    who = reviewer_name(reviewer)
    where = f"entity {entity_id}"
    with store.transaction() as conn:
        ent = _entity(conn, entity_id, where)
        anchors: list[dict[str, Any]] = []
        touched: set[int] = {entity_id}
        if action == "type":
            if target_id is not None or articles or names or new_name or new_label:
                raise CorrectionError("'type' takes only a label", source=where)
            if label not in LABELS:
                raise CorrectionError(
                    f"label must be one of {', '.join(LABELS)}, not {label!r}", source=where
                )
            if label == ent.label:
                raise CorrectionError(f"is a {label} already", source=where)
            before: dict[str, Any] = {"label": str(ent.label)}
            after: dict[str, Any] = {"label": label}
        elif action == "merge":
            if label or articles or names or new_name or new_label:
                raise CorrectionError("'merge' takes only a target entity", source=where)
            if target_id is None:
                raise CorrectionError("'merge' needs the target entity's id", source=where)
            if target_id == entity_id:
                raise CorrectionError("cannot merge an entity into itself", source=where)
            target = _entity(conn, target_id, where, role="target entity")
            before = {"name": str(ent.name), "label": str(ent.label)}
            after = {"target_id": target_id, "target_name": str(target.name)}
            # The target's own articles keep their rows: only those of the entity (and of
            # the entities merged into it before) change.
            touched |= _merged_through(live_entity_events(conn), entity_id)
        else:
            if label:
                raise CorrectionError(
                    "'split' takes no label (new_label names the new entity's)", source=where
                )
            target_id, after = _split_target(conn, ent, where, target_id, new_name, new_label)
            anchors = _split_anchors(conn, ent, where, articles, names)
            before = {"name": str(ent.name), "label": str(ent.label)}
            # Only the articles the split names change (its anchors), not every article of
            # the entity or of the target.
            touched = set()
        new_id = conn.execute(
            t.entity_corrections.insert()
            .values(
                entity_id=entity_id,
                action=action,
                target_id=target_id,
                before=json.dumps(before, ensure_ascii=False),
                after=json.dumps(after, ensure_ascii=False),
                anchors=json.dumps(anchors, ensure_ascii=False),
                reviewer=who,
                created_at=utc_now(),
            )
            .returning(t.entity_corrections.c.id)
        ).scalar_one()
        if action == "type":
            # Another type changes no article's entities: the corpus row and the label its
            # article rows carry, in one statement.
            _apply(conn, set(), set())
            _sync_labels(conn, entity_id)
        else:
            _apply(conn, touched, {int(a["article_id"]) for a in anchors})
        return _get(conn, int(new_id))


def _sync_labels(conn: Connection, entity_id: int) -> None:
    """Give the article rows of ``entity_id`` its label (the corrected one, or the machine's)."""
    ae, e = t.article_entities.c, t.entities.c
    label = conn.execute(sa.select(e.label).where(e.id == entity_id)).scalar_one()
    conn.execute(
        t.article_entities.update().where(ae.entity_id == entity_id, ae.label != label).values(label=label)
    )


def _merged_through(events: Sequence[Any], entity_id: int) -> set[int]:
    """The entities whose live merges lead through ``entity_id`` (merged into it, or into one
    merged into it): their rows follow it wherever it goes."""
    into: dict[int, set[int]] = {}
    for ev in events:
        if ev.action == "merge" and ev.target_id is not None and not ev.orphaned:
            into.setdefault(ev.target_id, set()).add(ev.entity_id)
    out: set[int] = set()
    todo = [entity_id]
    while todo:
        for src in into.get(todo.pop(), ()):
            if src not in out and src != entity_id:
                out.add(src)
                todo.append(src)
    return out


def _split_target(
    conn: Connection,
    ent: Any,
    where: str,
    target_id: int | None,
    new_name: str | None,
    new_label: str | None,
) -> tuple[int, dict[str, Any]]:
    name = (new_name or "").strip()
    if (target_id is None) == (not name):
        raise CorrectionError(
            "'split' needs exactly one of a target entity id or a new entity's name", source=where
        )
    if target_id is not None:
        if new_label:
            raise CorrectionError("'split' into an existing entity takes no new_label", source=where)
        if target_id == int(ent.id):
            raise CorrectionError("cannot split an entity into itself", source=where)
        target = _entity(conn, target_id, where, role="target entity")
        return target_id, {"target_id": target_id, "target_name": str(target.name), "created": False}
    if len(name) > _MAX_NAME:
        raise CorrectionError(f"a new entity's name must be at most {_MAX_NAME} characters", source=where)
    label = new_label or str(ent.label)
    if label not in LABELS:
        raise CorrectionError(f"new_label must be one of {', '.join(LABELS)}, not {label!r}", source=where)
    created = create_entity(conn, name, label)
    return created, {"target_id": created, "target_name": name, "created": True}


def create_entity(conn: Connection, name: str, label: str) -> int:
    """A new corpus entity called ``name``; when the corpus has one of that label and key
    already (the wrong merge being split), the new one's key gets a number (``#2``), which
    no name resolves to, so the resolver keeps sending that name to the first."""
    e = t.entities.c
    key = entity_key(name, label) or name.casefold()
    taken = set(
        conn.execute(
            sa.select(e.key).where(e.label == label, (e.key == key) | e.key.like(f"{key}#%"))
        ).scalars()
    )
    chosen, n = key, 1
    while chosen in taken:
        n += 1
        chosen = f"{key}#{n}"
    return int(
        conn.execute(
            t.entities.insert().values(label=label, key=chosen, name=name).returning(e.id)
        ).scalar_one()
    )


def _split_anchors(
    conn: Connection, ent: Any, where: str, articles: Sequence[int], names: Sequence[str]
) -> list[dict[str, Any]]:
    wanted_names = [n.strip() for n in names if n.strip()]
    if not articles and not wanted_names:
        raise CorrectionError("'split' needs the articles or the names whose mentions move", source=where)
    if len(articles) > _MAX_CHOSEN or len(wanted_names) > _MAX_CHOSEN:
        raise CorrectionError(f"'split' takes at most {_MAX_CHOSEN} articles and names", source=where)
    ae = t.article_entities.c
    query = sa.select(ae.article_id, ae.idx, ae.name, ae.first_start).where(ae.entity_id == int(ent.id))
    if articles:
        query = query.where(ae.article_id.in_(sorted(set(articles))))
    rows = conn.execute(query.order_by(ae.article_id, ae.idx)).all()
    if articles:
        missing = sorted(set(articles) - {int(r.article_id) for r in rows})
        if missing:
            raise CorrectionError(
                f"does not appear in article(s) {', '.join(map(str, missing))}", source=where
            )
    if wanted_names:
        keys = {entity_key(n, str(ent.label)) for n in wanted_names}
        rows = [
            r
            for r in rows
            if any(same_name(str(r.name), n) for n in wanted_names)
            or entity_key(str(r.name), str(ent.label)) in keys
        ]
        if not rows:
            shown = ", ".join(repr(n) for n in wanted_names)
            raise CorrectionError(f"is not called {shown} in the articles chosen", source=where)
    docs = {
        int(i): decode_doc(d)
        for i, d in conn.execute(
            sa.select(t.articles.c.id, t.articles.c.doc).where(
                t.articles.c.id.in_(sorted({int(r.article_id) for r in rows}))
            )
        )
    }
    anchors = []
    for r in rows:
        article, idx = docs[int(r.article_id)], int(r.idx)
        mentions = []
        if idx < len(article.entities):
            mentions = [
                article.mentions[m] for m in article.entities[idx].mentions if m < len(article.mentions)
            ]
        first = min(mentions, key=lambda m: m.start) if mentions else None
        anchors.append(
            {
                "article_id": int(r.article_id),
                "idx": idx,
                "name": str(r.name),
                "start": first.start if first is not None else int(r.first_start or 0),
                "hash": name_hash(first.text if first is not None else str(r.name)),
                "lost": False,
            }
        )
    return anchors


def _affected(conn: Connection, ids: set[int]) -> set[int]:
    """The articles whose rows name one of ``ids`` (as it is now, or as the resolver had it)."""
    ae, q, qe = t.article_entities.c, t.quotes.c, t.quote_entities.c
    chosen = sorted(ids)
    out: set[int] = set()
    for query in (
        sa.select(ae.article_id).where(ae.entity_id.in_(chosen)),
        sa.select(ae.article_id).where(ae.machine_entity_id.in_(chosen)),
        sa.select(q.article_id).where(q.speaker_id.in_(chosen)),
        sa.select(qe.article_id).where(qe.entity_id.in_(chosen)),
    ):
        out.update(int(i) for i in conn.execute(query.distinct()).scalars())
    return out


def _apply(conn: Connection, ids: set[int], anchored: set[int]) -> None:
    """Refresh the corpus-wide state, then every article that names one of ``ids`` or holds
    a split's anchor."""
    events = live_entity_events(conn)
    refresh_entities(conn, events)
    for article_id in sorted(_affected(conn, ids) | anchored):
        doc = conn.execute(sa.select(t.articles.c.doc).where(t.articles.c.id == article_id)).scalar()
        if doc is None:
            continue
        article = decode_doc(doc)
        entity_pass(conn, article_id, article, events)
        reapply(conn, article_id, article)


def entity_affected_apply(conn: Connection, ids: set[int]) -> None:
    """Apply the live entity corrections to the entities ``ids`` and every article that names
    them or holds a split's anchor (``warta db copy`` after carrying the log)."""
    anchored = {
        int(a["article_id"])
        for ev in live_entity_events(conn)
        for a in ev.anchors
        if int(a["article_id"]) > 0
    }
    _apply(conn, ids, anchored)


def _get(conn: Connection, correction_id: int) -> EntityCorrection:
    c = t.entity_corrections.c
    row = conn.execute(sa.select(t.entity_corrections).where(c.id == correction_id)).first()
    if row is None:
        raise CorrectionError(
            "no such entity correction", source=f"entity correction {correction_id}", missing=True
        )
    return entity_correction_record(row)


def undo_entity_correction(store: Store, correction_id: int, *, reviewer: str) -> EntityCorrection:
    """Mark entity correction ``correction_id`` undone (by ``reviewer``) and give the entities
    and their articles the state the other live corrections make, in one transaction.

    Raises:
        CorrectionError: no such correction (``missing``), or undone already.
    """
    who = reviewer_name(reviewer)
    with store.transaction() as conn:
        found = _get(conn, correction_id)
        if found.undone_at is not None:
            raise CorrectionError(
                f"undone already, by {found.undone_by} at {found.undone_at}",
                source=f"entity correction {correction_id}",
            )
        c = t.entity_corrections.c
        conn.execute(
            t.entity_corrections.update()
            .where(c.id == correction_id)
            .values(undone_at=utc_now(), undone_by=who)
        )
        # What the correction changed, as add_entity_correction chose it: a type, the
        # entity's articles (and those of the entities merged into it); a merge, the same
        # (the rows keep the machine's entity, so the merged ones are found again); a split,
        # its anchors' articles.
        ids: set[int] = set()
        if found.action == "merge":
            ids = {found.entity_id, *_merged_through(live_entity_events(conn), found.entity_id)}
        _apply(conn, ids, {int(a["article_id"]) for a in found.anchors})
        if found.action == "type":
            _sync_labels(conn, found.entity_id)
        return _get(conn, correction_id)
