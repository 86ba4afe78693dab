"""One id per person across the corpus.

Each article merges its own mentions into entities ("Presiden Prabowo" = "Prabowo
Subianto"); this module links those entities across articles:

- Names are compared by key (:func:`~.names.person_key`): titles, honorifics, degrees and
  accents do not count. The same key means the same entity (per label).
- Shipped aliases (``resources/aliases.tsv``: ``jokowi`` -> ``joko widodo``) map well-known
  short names to the full name.
- A one-word name ("Santoso") joins a full-name person only when the corpus has called
  that person so and the name is *not* shared: its owner must hold most of the uses
  (:data:`DOMINANCE`). Otherwise it stays an entity of its own, so two people who share
  a surname are never merged.
- Two different full names are never merged.

Every name an entity is called by goes to ``entity_aliases`` with a count, which is what
the one-word rule reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from warta.article import Article, EntityLabel

from . import tables as t
from .names import known_aliases, name_key

__all__ = ["DOMINANCE", "EntityResolver", "entity_key"]

# A one-word name goes to the full-name person who holds at least this share of its uses
# (and has been called so at least twice); below it the name is ambiguous.
DOMINANCE = 0.8
_MIN_USES = 2


def entity_key(name: str, label: EntityLabel | str) -> str:
    """The corpus key of an entity name: persons lose titles and take shipped full names.

    Example:
        >>> entity_key("Pak Jokowi", "PER")
        'joko widodo'
    """
    key = name_key(name, label) or name.casefold().strip()
    if label == "PER":
        key = known_aliases().get(key, key)
    return key


# Statements built once: building a select per lookup costs more than running it.
_e, _ea = t.entities.c, t.entity_aliases.c
_GET = sa.select(_e.id).where(_e.label == sa.bindparam("label"), _e.key == sa.bindparam("key"))
# Two index lookups, not a join: on a store that grows during an ingest the planner's
# statistics lag behind, and PostgreSQL then hashes every person to join a handful of rows.
_USES = sa.select(_ea.entity_id, _ea.count).where(_ea.alias == sa.bindparam("alias"))
_FULL_NAMED = sa.select(_e.id, _e.merged_into).where(
    _e.id.in_(sa.bindparam("ids", expanding=True)), _e.label == "PER", _e.key.contains(" ")
)
# An entity a reviewer gave another label (warta.storage.entity_corrections) is still found
# by the label the NER gives it.
_GET_RELABELLED = sa.select(_e.id).where(
    _e.machine_label == sa.bindparam("label"), _e.key == sa.bindparam("key")
)


class EntityResolver:
    """Finds or creates corpus entities; caches ids for the length of an ingest."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], int] = {}

    def clear(self) -> None:
        """Forget cached ids (after a rolled-back transaction)."""
        self._ids.clear()

    def resolve_article(self, conn: Connection, article: Article) -> list[int]:
        """The corpus id of each of ``article.entities``, creating entities as needed.

        The article's entities are looked up together and the new ones created together
        (a statement each, not one per entity: on a server every statement is a round trip).
        """
        keys = [(ent.label, entity_key(ent.name, ent.label)) for ent in article.entities]
        owners: dict[int, int] = {}
        for i, (label, key) in enumerate(keys):
            if label == "PER" and " " not in key:
                found = self._dominant_owner(conn, key)
                if found is not None:
                    owners[i] = found
        wanted = {keys[i]: ent.name for i, ent in enumerate(article.entities) if i not in owners}
        self._get_many(conn, [k for k in wanted if k not in self._ids])
        new = [(label, key, wanted[(label, key)]) for label, key in wanted if (label, key) not in self._ids]
        if new:
            self._create_many(conn, new)
        out: list[int] = []
        alias_rows: dict[tuple[str, int], int] = {}
        for i, ent in enumerate(article.entities):
            eid = owners[i] if i in owners else self._ids[keys[i]]
            out.append(eid)
            for alias in {ent.name, *ent.aliases}:
                akey = name_key(alias, ent.label)
                if akey:
                    alias_rows[(akey, eid)] = alias_rows.get((akey, eid), 0) + 1
        if alias_rows:
            self._count_aliases(conn, alias_rows)
        return out

    def lookup_person(self, conn: Connection, name: str) -> int | None:
        """The person called ``name``, without creating one (None when unknown or ambiguous)."""
        key = entity_key(name, "PER")
        found = self._get(conn, "PER", key)
        if found is None and " " not in key:
            found = self._dominant_owner(conn, key)
        return found

    def _get(self, conn: Connection, label: str, key: str) -> int | None:
        cached = self._ids.get((label, key))
        if cached is not None:
            return cached
        found = conn.execute(_GET, {"label": label, "key": key}).scalar()
        if found is None:
            found = conn.execute(_GET_RELABELLED, {"label": label, "key": key}).scalar()
        if found is not None:
            self._ids[(label, key)] = int(found)
            return int(found)
        return None

    def _get_many(self, conn: Connection, keys: Sequence[tuple[str, str]]) -> None:
        """Look up these (label, key) pairs at once; the ids found are cached."""
        for i in range(0, len(keys), 400):
            chunk = keys[i : i + 400]
            rows = conn.execute(
                sa.select(_e.id, _e.label, _e.key).where(sa.tuple_(_e.label, _e.key).in_(chunk))
            ).all()
            for eid, label, key in rows:
                self._ids[(str(label), str(key))] = int(eid)
            missing = [k for k in chunk if k not in self._ids]
            if missing:
                for eid, label, key in conn.execute(
                    sa.select(_e.id, _e.machine_label, _e.key).where(
                        _e.machine_label.is_not(None), sa.tuple_(_e.machine_label, _e.key).in_(missing)
                    )
                ).all():
                    self._ids[(str(label), str(key))] = int(eid)

    def _create_many(self, conn: Connection, new: Sequence[tuple[str, str, str]]) -> None:
        """Create these entities (label, key, name as written) at once; their ids are cached."""
        for i in range(0, len(new), 400):
            chunk = new[i : i + 400]
            rows = conn.execute(
                t.entities.insert()
                .values(
                    [{"label": label, "key": key, "name": _display(name, key)} for label, key, name in chunk]
                )
                .returning(_e.id, _e.label, _e.key)
            ).all()
            for eid, label, key in rows:
                self._ids[(str(label), str(key))] = int(eid)

    def _dominant_owner(self, conn: Connection, word: str) -> int | None:
        """The full-name person who holds :data:`DOMINANCE` of the uses of ``word``, if any."""
        found = {int(i): int(n) for i, n in conn.execute(_USES, {"alias": word})}
        if not found:
            return None
        # A merged entity's uses count for the entity it was merged into.
        people: set[int] = set()
        uses: dict[int, int] = {}
        for eid, merged in conn.execute(_FULL_NAMED, {"ids": list(found)}):
            owner = int(merged if merged is not None else eid)
            people.add(owner)
            uses[owner] = uses.get(owner, 0) + found[int(eid)]
        if not people:
            return None
        total = sum(uses[i] for i in people)
        top = max(people, key=lambda i: (uses[i], -i))
        if uses[top] >= _MIN_USES and uses[top] >= DOMINANCE * total:
            return int(top)
        return None

    def _count_aliases(self, conn: Connection, rows: dict[tuple[str, int], int]) -> None:
        values = [{"alias": a, "entity_id": eid, "count": n} for (a, eid), n in rows.items()]
        dialect = conn.dialect.name
        if dialect in ("sqlite", "postgresql"):
            ins = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(t.entity_aliases)
            stmt = ins.on_conflict_do_update(
                index_elements=["alias", "entity_id"],
                set_={"count": t.entity_aliases.c.count + ins.excluded.count},
            )
            conn.execute(stmt, values)
            return
        for v in values:  # pragma: no cover - other backends
            updated = conn.execute(
                t.entity_aliases.update()
                .where(t.entity_aliases.c.alias == v["alias"], t.entity_aliases.c.entity_id == v["entity_id"])
                .values(count=t.entity_aliases.c.count + v["count"])
            )
            if updated.rowcount == 0:
                conn.execute(t.entity_aliases.insert().values(**v))


def _display(name: str, key: str) -> str:
    """The name to show: the article's form, unless the key came from the shipped aliases."""
    return name if name_key(name, "PER") == key or name.casefold() == key else key.title()


def candidates(
    conn: Connection, name: str, labels: Iterable[str] = ("PER", "ORG", "LOC", "EVT", "MISC")
) -> list[int]:
    """Entities ``name`` may refer to, best first: exact key matches, then holders of the alias."""
    e, ea = t.entities.c, t.entity_aliases.c
    keys = {entity_key(name, "PER"), name_key(name, "ORG")}
    exact = conn.execute(sa.select(e.id).where(e.key.in_(keys), e.label.in_(list(labels)))).scalars().all()
    by_alias = (
        conn.execute(
            sa.select(ea.entity_id)
            .join(t.entities, e.id == ea.entity_id)
            .where(ea.alias.in_(keys), e.label.in_(list(labels)))
            .group_by(ea.entity_id)
            .order_by(sa.func.sum(ea.count).desc())
        )
        .scalars()
        .all()
    )
    found = [int(eid) for eid in [*exact, *by_alias]]
    # A merged entity stands for the entity it was merged into (entity corrections).
    merged = dict(
        conn.execute(sa.select(e.id, e.merged_into).where(e.id.in_(found), e.merged_into.is_not(None))).all()
    )
    seen: dict[int, None] = {}
    for eid in found:
        seen[int(merged.get(eid, eid))] = None
    return list(seen)
