"""The entity step: wires :func:`warta.stages.entities.merge.merge_mentions` to an Article."""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import ClassVar

from warta.article import Article, Entity
from warta.resources import resource_lines
from warta.stages.entities.merge import merge_mentions
from warta.stages.entities.repair import repair_mentions
from warta.stages.entities.resources import load_resources

__all__ = ["EntityStep"]

logger = logging.getLogger(__name__)

# A name written as a web domain: "Kompas.com", "TEMPO.CO", "iNews.id", "Liputan6.com".
_DOMAIN = re.compile(r"[A-Za-z][\w-]*(?:\.(?:com|co|id|net|org|news))+", re.IGNORECASE)


@cache
def _outlet_names() -> frozenset[str]:
    return frozenset(n.lower() for n in resource_lines("clean", "outlets.txt"))


def _outlet_words(outlet: str | None) -> frozenset[str]:
    """The distinctive words of the article's own outlet ("TurnBackHoax.id (Mafindo)" ->
    turnbackhoax, mafindo): words of four letters or more, domains and "Indonesia" aside."""
    if not outlet:
        return frozenset()
    words = re.findall(r"[A-Za-z]+", _DOMAIN_SUFFIX.sub("", outlet))
    return frozenset(w.lower() for w in words if len(w) >= 4 and w.lower() not in _GENERIC_OUTLET_WORDS)


# Words in outlets' names that name something else too.
_GENERIC_OUTLET_WORDS = frozenset({"indonesia", "news", "online", "media", "harian", "daily", "post", "times", "network"})
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|co|id|net|org)\b", re.IGNORECASE)


def _names_outlet(entity: Entity, own: frozenset[str]) -> bool:
    """An organisation named after the article's own outlet ("Tim Pemeriksa Fakta Mafindo" in a
    Mafindo fact-check): the publisher signing its story, not an entity of it."""
    if entity.label != "ORG" or not own:
        return False
    return any(w.lower() in own for n in (entity.name, *entity.aliases) for w in re.findall(r"[A-Za-z]+", n))


def _is_outlet(entity: Entity) -> bool:
    """An organisation named only as a news outlet (by domain or by name)."""
    if entity.label != "ORG":
        return False
    names = [entity.name, *entity.aliases]
    return all(_DOMAIN.fullmatch(n) or n.lower() in _outlet_names() for n in names)


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
        own = _outlet_words(article.source.outlet)
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
