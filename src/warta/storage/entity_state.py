"""The corrected state of entities, computed from the resolver's ids and the live entity
corrections (see :mod:`.entity_corrections`); kept below :mod:`.corrected` and the writer,
which apply it to every article they write.

An article entity's corrected corpus id is its resolver id (``machine_entity_id``, or
``entity_id`` where no correction changed it) run through the live corrections in order: a
``merge`` sends the source to the target, a ``split`` sends the article entities it lists
(its anchors) to the target. ``entities.label`` and ``entities.merged_into`` are the
corpus-wide part: a ``type`` correction's label, the final target of a chain of merges.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import Article
from warta.errors import CorrectionError

from . import tables as t
from .events import utc_now

__all__ = [
    "EntityEvent",
    "corrected_id",
    "entity_event",
    "entity_pass",
    "live_entity_events",
    "name_hash",
    "refresh_entities",
    "same_name",
    "touched_by",
]


def name_hash(text: str) -> str:
    """The sha1 of a mention's text (hex), an anchor of a split."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def same_name(a: str, b: str) -> bool:
    """Two surface names the same but for case and spacing ("Budi  santoso" = "Budi Santoso")."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@dataclass
class EntityEvent:
    """A live entity correction as :func:`corrected_id` reads it."""

    id: int
    entity_id: int
    action: str
    target_id: int | None
    after: dict[str, Any]
    anchors: list[dict[str, Any]]
    orphaned: bool
    rows: set[tuple[int, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.rows = {(int(a["article_id"]), int(a["idx"])) for a in self.anchors if not a.get("lost")}


def entity_event(row: Any) -> EntityEvent:
    return EntityEvent(
        id=int(row.id),
        entity_id=int(row.entity_id),
        action=str(row.action),
        target_id=None if row.target_id is None else int(row.target_id),
        after=json.loads(row.after),
        anchors=json.loads(row.anchors),
        orphaned=row.orphaned_at is not None,
    )


def live_entity_events(conn: Connection) -> list[EntityEvent]:
    """The entity corrections not undone, in the order they were made."""
    c = t.entity_corrections.c
    rows = conn.execute(sa.select(t.entity_corrections).where(c.undone_at.is_(None)).order_by(c.id))
    return [entity_event(r) for r in rows]


def corrected_id(
    events: Sequence[EntityEvent], article_id: int, idx: int, machine: int, *, before: int | None = None
) -> int:
    """The corpus id of article entity ``idx`` of article ``article_id`` (resolved as
    ``machine``) after the live corrections (those made before event ``before``, if given)."""
    cur = machine
    for ev in events:
        if before is not None and ev.id >= before:
            break
        if ev.orphaned or ev.target_id is None or cur != ev.entity_id:
            continue
        if ev.action == "merge" or (ev.action == "split" and (article_id, idx) in ev.rows):
            cur = ev.target_id
    return cur


def touched_by(events: Iterable[EntityEvent]) -> set[int]:
    """Every entity a live correction names (its source and target)."""
    out: set[int] = set()
    for ev in events:
        out.add(ev.entity_id)
        if ev.target_id is not None:
            out.add(ev.target_id)
    return out


def refresh_entities(conn: Connection, events: Sequence[EntityEvent]) -> None:
    """Give ``entities`` the labels and merge targets the live corrections make (the machine's
    where none does).

    Raises:
        CorrectionError: a corrected label would give an entity the label and key another
            entity has (merge the two instead).
    """
    e = t.entities.c
    labels: dict[int, str] = {}
    merged: dict[int, int] = {}
    for ev in events:
        if ev.orphaned:
            continue
        if ev.action == "type":
            labels[ev.entity_id] = str(ev.after["label"])
        elif ev.action == "merge" and ev.target_id is not None:
            merged[ev.entity_id] = ev.target_id
            for k, v in merged.items():
                if v == ev.entity_id:
                    merged[k] = ev.target_id
    for relabelled in conn.execute(sa.select(e.id, e.machine_label).where(e.machine_label.is_not(None))):
        if int(relabelled.id) not in labels:
            conn.execute(
                t.entities.update()
                .where(e.id == relabelled.id)
                .values(label=relabelled.machine_label, machine_label=None)
            )
    for eid, label in labels.items():
        row = conn.execute(sa.select(e.label, e.key, e.machine_label, e.name).where(e.id == eid)).first()
        if row is None or row.label == label:
            continue
        machine = row.machine_label or row.label
        other = conn.execute(sa.select(e.id).where(e.label == label, e.key == row.key, e.id != eid)).scalar()
        if other is not None:
            raise CorrectionError(
                f"entity {other} is already a {label} called {row.name!r}: merge entity {eid} into it instead",
                source=f"entity {eid}",
            )
        conn.execute(
            t.entities.update()
            .where(e.id == eid)
            .values(label=label, machine_label=None if label == machine else machine)
        )
    for was in conn.execute(sa.select(e.id).where(e.merged_into.is_not(None))).scalars():
        if int(was) not in merged:
            conn.execute(t.entities.update().where(e.id == was).values(merged_into=None))
    for eid, target in merged.items():
        conn.execute(
            t.entities.update()
            .where(e.id == eid, sa.or_(e.merged_into.is_(None), e.merged_into != target))
            .values(merged_into=target)
        )


def _reanchor_splits(
    conn: Connection, article_id: int, article: Article, rows: Sequence[Any], events: Sequence[EntityEvent]
) -> None:
    """After a rewrite of the article: find each live split's article entities of this
    article again (the same name, else a mention at the same offset with the same text,
    resolved to the split's source), move the anchors there; an anchor found nowhere is
    ``lost``, and a split whose anchors are all lost is marked orphaned (never dropped)."""
    now = utc_now()
    machine = {int(r.idx): int(r.entity_id) for r in rows}
    firsts = {int(r.idx): r.first_start for r in rows}
    for ev in events:
        if ev.action != "split" or not any(int(a["article_id"]) == article_id for a in ev.anchors):
            continue
        fits = [
            i
            for i in machine
            if corrected_id(events, article_id, i, machine[i], before=ev.id) == ev.entity_id
        ]
        for anchor in ev.anchors:
            if int(anchor["article_id"]) != article_id:
                continue
            found = _refind(article, fits, firsts, anchor)
            if found is None:
                anchor["lost"] = True
                continue
            ent = article.entities[found]
            first = min(
                (article.mentions[m] for m in ent.mentions if m < len(article.mentions)),
                default=None,
                key=lambda m: m.start,
            )
            anchor.update(
                idx=found,
                name=ent.name,
                start=first.start if first is not None else anchor["start"],
                hash=name_hash(first.text) if first is not None else anchor["hash"],
                lost=False,
            )
        ev.rows = {(int(a["article_id"]), int(a["idx"])) for a in ev.anchors if not a.get("lost")}
        orphaned = all(a.get("lost") for a in ev.anchors)
        c = t.entity_corrections.c
        current = conn.execute(sa.select(c.orphaned_at).where(c.id == ev.id)).scalar()
        conn.execute(
            t.entity_corrections.update()
            .where(c.id == ev.id)
            .values(
                anchors=json.dumps(ev.anchors, ensure_ascii=False),
                orphaned_at=(current or now) if orphaned else None,
            )
        )
        ev.orphaned = orphaned


def _refind(
    article: Article, fits: Sequence[int], firsts: dict[int, Any], anchor: dict[str, Any]
) -> int | None:
    start = int(anchor["start"])
    named = [
        i
        for i in fits
        if i < len(article.entities)
        and any(
            same_name(n, str(anchor["name"]))
            for n in (article.entities[i].name, *article.entities[i].aliases)
        )
    ]
    if named:
        return min(named, key=lambda i: abs(int(firsts.get(i) or 0) - start))
    for m in article.mentions:
        if m.entity in fits and m.start == start and name_hash(m.text) == anchor["hash"]:
            return m.entity
    return None


def entity_pass(
    conn: Connection,
    article_id: int,
    article: Article,
    events: Sequence[EntityEvent],
    *,
    rewritten: bool = False,
) -> None:
    """Give article ``article_id``'s entities and roles the corpus ids (and labels) the live
    corrections make; after a ``rewritten`` article, first find the splits' anchors again.
    The quotes' speakers and "about" links follow in :func:`.corrected.reapply`."""
    ae = t.article_entities.c
    rows = conn.execute(
        sa.select(ae.idx, ae.entity_id, ae.machine_entity_id, ae.label, ae.first_start).where(
            ae.article_id == article_id
        )
    ).all()
    if not rows:
        return
    if rewritten:
        _reanchor_splits(conn, article_id, article, rows, events)
    ids: dict[int, tuple[int, int]] = {}
    for r in rows:
        machine = int(r.machine_entity_id if r.machine_entity_id is not None else r.entity_id)
        ids[int(r.idx)] = (machine, corrected_id(events, article_id, int(r.idx), machine))
    e = t.entities.c
    labels = {
        int(i): str(lab)
        for i, lab in conn.execute(
            sa.select(e.id, e.label).where(e.id.in_(sorted({cur for _m, cur in ids.values()})))
        )
    }
    for r in rows:
        machine, cur = ids[int(r.idx)]
        values = {
            "entity_id": cur,
            "machine_entity_id": machine if cur != machine else None,
            "label": labels.get(cur, r.label),
        }
        if (int(r.entity_id), r.machine_entity_id, r.label) != tuple(values.values()):
            conn.execute(
                t.article_entities.update()
                .where(ae.article_id == article_id, ae.idx == r.idx)
                .values(**values)
            )
    # Roles as the writer gives them, for the corrected entities.
    ro = t.roles.c
    day = conn.execute(sa.select(t.articles.c.day).where(t.articles.c.id == article_id)).scalar()
    wanted = sorted(
        (ids[i][1], role.text, day)
        for i, ent in enumerate(article.entities)
        if i in ids
        for role in {r.text: r for r in ent.roles}.values()
    )
    have = sorted(
        (int(x.entity_id), str(x.role), x.day)
        for x in conn.execute(sa.select(ro.entity_id, ro.role, ro.day).where(ro.article_id == article_id))
    )
    if wanted != have:
        conn.execute(t.roles.delete().where(ro.article_id == article_id))
        if wanted:
            conn.execute(
                t.roles.insert(),
                [
                    {"article_id": article_id, "entity_id": eid, "role": role, "day": d}
                    for eid, role, d in wanted
                ],
            )
