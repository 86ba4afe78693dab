"""The entity step: wires :func:`warta.stages.entities.merge.merge_mentions` to an Article."""

from __future__ import annotations

import logging
from typing import ClassVar

from warta.article import Article, Entity
from warta.stages.clean.outlets import is_outlet_name, names_own_outlet, outlet_words
from warta.stages.entities.merge import merge_mentions
from warta.stages.entities.repair import repair_mentions
from warta.stages.entities.resources import load_resources

__all__ = ["EntityStep"]

logger = logging.getLogger(__name__)


def _is_outlet(entity: Entity) -> bool:
    """An organisation named only as a news outlet (by domain or by name)."""
    return entity.label == "ORG" and all(is_outlet_name(n) for n in (entity.name, *entity.aliases))


def _names_outlet(entity: Entity, own: frozenset[str]) -> bool:
    """An organisation named after the article's own outlet ("Tim Pemeriksa Fakta Mafindo" in a
    Mafindo fact-check): the publisher signing its story, not an entity of it."""
    return entity.label == "ORG" and any(names_own_outlet(n, own) for n in (entity.name, *entity.aliases))


class EntityStep:
    """Merge ``Article.mentions`` into ``Article.entities`` and point each mention at its entity.

    First the mentions are repaired with what the whole article shows
    (:func:`~warta.stages.entities.repair.repair_mentions`): a role phrase the tagger took for
    a person gives back its place ("Menteri Luar Negeri Jepan, ..."), "kepresidenan Prancis"
    becomes one mention, and lone words naming or misspelling an entity of the article are
    added (``score`` 0). A mention that is no entity (a pronoun, a day name, a conjunction
    the tagger took for a name) keeps ``entity = None``.
    The word lists load on the first article, so the step pickles cheaply to workers.

    Example:
        >>> from warta.article import Mention
        >>> text = "Dia bertemu Sri Mulyani. Mulyani tersenyum."
        >>> a = Article(id="a1", raw=text, text=text, mentions=[
        ...     Mention(start=0, end=3, text="Dia", label="PER"),
        ...     Mention(start=12, end=23, text="Sri Mulyani", label="PER"),
        ...     Mention(start=25, end=32, text="Mulyani", label="PER")])
        >>> a = EntityStep()(a)
        >>> [(e.id, e.name) for e in a.entities], [m.entity for m in a.mentions]
        ([('e0', 'Sri Mulyani')], [None, 0, 0])
    """

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "mentions")
    provides: ClassVar[tuple[str, ...]] = ("entities",)

    def __call__(self, article: Article) -> Article:
        res = load_resources()
        article.mentions = repair_mentions(article.text, article.mentions, article.sentences, resources=res)
        entities = merge_mentions(article.text, article.mentions, article.sentences, resources=res)
        # A news outlet ("Kompas.com", "kata Budi kepada detikcom", "dilansir Reuters") is a
        # source of the story, not one of its people, organisations or places: its mentions
        # belong to no entity (the outlet is metadata, and citations list the ones cited).
        own = outlet_words(article.source.outlet)
        entities = [e for e in entities if not _is_outlet(e) and not _names_outlet(e, own)]
        for m in article.mentions:
            m.entity = None
        for n, entity in enumerate(entities):
            entity.id = f"e{n}"
            for j in entity.mentions:
                article.mentions[j].entity = n
        dropped = sum(m.entity is None for m in article.mentions)
        if dropped:
            logger.debug("article %s: %d mention(s) belong to no entity", article.id, dropped)
        article.entities = entities
        return article
