"""An invented article for the review tests (imported by name), built by hand: two officials of
an invented regency, each quoted once, the second quote wrongly given to the first speaker."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from warta.article import Article, Entity, Mention, Published, Quote, Source, Span, Speaker
from warta.storage import Store
from warta.storage.queries import article_ids_by_source, resolve_entity
from warta.storage.writer import Fingerprint, article_fingerprint

TEKS = (
    "Bupati Lembah Hijau Sari Wulandari meresmikan pasar baru di Desa Sumber Rejeki pada Selasa. "
    '"Pasar ini kami bangun untuk pedagang kecil," kata Sari Wulandari. '
    "Camat Joko Prasetyo menambahkan parkir di pasar itu gratis. "
    '"Kami siapkan lahan parkir seluas dua hektare," ujar Joko Prasetyo. '
    '"Pedagang tidak dipungut sewa selama setahun," kata Sari Wulandari.'
)
KUTIPAN_SARI = "Pasar ini kami bangun untuk pedagang kecil,"
KUTIPAN_JOKO = "Kami siapkan lahan parkir seluas dua hektare,"
KUTIPAN_SEWA = "Pedagang tidak dipungut sewa selama setahun,"
ORANG = ("Sari Wulandari", "Joko Prasetyo")


def _quote(text: str, content: str, speaker: int) -> Quote:
    start = text.index(content)
    return Quote(
        kind="direct",
        start=start,
        end=start + len(content),
        text=content,
        cue=Span(start, start + 1, text[start]),
        speaker=Speaker(name=ORANG[speaker], entity=speaker),
        confidence=0.6,
    )


def people(text: str, names: Sequence[str]) -> tuple[list[Mention], list[Entity]]:
    """One PER mention (the first occurrence) and one entity for each name, in order."""
    mentions: list[Mention] = []
    entities: list[Entity] = []
    for i, name in enumerate(names):
        at = text.index(name)
        mentions.append(Mention(start=at, end=at + len(name), text=name, label="PER", entity=i))
        entities.append(Entity(id=f"e{i}", name=name, label="PER", mentions=[i]))
    return mentions, entities


def pasar_article(quotes: tuple[tuple[str, int], ...] = ((KUTIPAN_SARI, 0), (KUTIPAN_JOKO, 0))) -> Article:
    """The article with ``quotes`` (content, index of the speaker in ``ORANG``), in that order.
    By default the second quote, Joko Prasetyo's, is given to Sari Wulandari."""
    mentions, entities = people(TEKS, ORANG)
    return Article(
        id="pasar-1",
        raw=TEKS,
        text=TEKS,
        title="Pasar Baru Sumber Rejeki Diresmikan",
        source=Source(outlet="Kabar Lembah", url="https://kabar-lembah.test/pasar-baru"),
        published=Published(value=datetime(2025, 4, 8), method="metadata"),
        mentions=mentions,
        entities=entities,
        quotes=[_quote(TEKS, content, speaker) for content, speaker in quotes],
    )


def write(store: Store, article: Article) -> int:
    """Write ``article`` (a second write updates the same row, as a reanalysis does); its id."""
    fp: Fingerprint = article_fingerprint(article, pipeline="uji")
    store.write_batch([(article, fp)])
    (found,) = article_ids_by_source(store, [fp.source_key])
    assert found
    return found


def person_id(store: Store, name: str) -> int:
    with store.connect() as conn:
        found = resolve_entity(conn, name)
    assert found, name
    return found[0][0]
