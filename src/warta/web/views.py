"""What the entity page shows, put together from the read layer (:mod:`warta.storage.queries`).

No SQL here: each part is a read-layer answer (the profile, the timeline, the co-mention
network, quotes per outlet), shaped for the template and its two charts. Where a figure
is computed over a sample (the co-mention network of a very frequent entity), the record
says how many articles it covers.
"""

from __future__ import annotations

import msgspec

from warta.storage import Store, queries
from warta.storage.queries import EntityProfile, OutletQuotes, QuoteRow

__all__ = ["CoMention", "EntityPage", "Network", "entity_page"]

# Names drawn around the entity in its co-mention network (counted over its latest
# queries.CO_MENTION_ARTICLES articles).
NETWORK_NODES = 14
# Roles and spellings listed on the page.
PAGE_TOP = 12


class CoMention(msgspec.Struct):
    id: int
    name: str
    label: str
    articles: int


class Network(msgspec.Struct):
    """The entity and the names most often in the same articles, with links between them.

    ``edges`` are ``(i, j, articles)`` over ``nodes`` (node 0 is the entity itself);
    ``sampled`` is the number of the entity's latest articles the network is drawn from.
    """

    nodes: list[CoMention]
    edges: list[tuple[int, int, int]]
    sampled: int


class EntityPage(msgspec.Struct):
    profile: EntityProfile
    articles_by_day: list[tuple[str, int]]  # articles naming it, per day
    quotes_by_day: list[tuple[str, int]]
    network: Network
    quotes_by_outlet: list[OutletQuotes]
    # With ?verified=true: only the quotes a reviewer confirmed or corrected, newest first.
    verified: list[QuoteRow] | None = None


def _network(store: Store, entity_id: int) -> Network:
    """The entity's co-mention network (:func:`queries.entity_network`, over its latest
    articles) as the page draws it: every neighbour linked to the entity, two neighbours
    linked only when they share two or more articles."""
    net = queries.entity_network(store, entity_id, limit=NETWORK_NODES)
    nodes = [CoMention(n.id, n.name, n.label, n.articles) for n in net.nodes]
    index = {n.id: i for i, n in enumerate(nodes)}
    edges: list[tuple[int, int, int]] = []
    for e in net.edges:
        a, b = index[e.source], index[e.target]
        if 0 in (a, b):
            edges.append((0, a or b, e.weight))  # each neighbour's link to the entity
        elif e.weight >= 2:
            edges.append((a, b, e.weight))
    edges.sort()
    return Network(nodes=nodes, edges=edges, sampled=nodes[0].articles if nodes else 0)


def entity_page(store: Store, entity_id: int, *, verified: bool = False) -> EntityPage | None:
    """Everything the entity page shows, or None when the corpus has no such entity; with
    ``verified``, its reviewed quotes (those a reviewer confirmed or corrected) listed too."""
    profile = queries.entity_profile_by_id(store, entity_id, top=PAGE_TOP, quotes=0)
    if profile is None:
        return None
    timeline = queries.entity_timeline(store, entity_id)
    return EntityPage(
        profile=profile,
        articles_by_day=[(p.day, p.articles) for p in timeline if p.articles],
        quotes_by_day=[(p.day, p.quotes) for p in timeline if p.quotes],
        network=_network(store, entity_id),
        quotes_by_outlet=queries.speaker_quotes_by_outlet(store, entity_id),
        verified=(
            queries.quote_page(store, speaker_id=entity_id, verified=True, limit=PAGE_TOP).items
            if verified
            else None
        ),
    )
