"""Hand-built analysed Articles for the storage tests (Indonesian text written for them).

Imported by name (``from storagehelpers import ...``): a module called ``conftest``
could clash with another test folder's.
"""

from __future__ import annotations

from datetime import datetime

from warta.article import (
    Article,
    Entity,
    Keyword,
    Mention,
    Published,
    Quote,
    Role,
    Source,
    Span,
    Speaker,
    Topic,
)


def person_article(
    *,
    id: str,
    url: str | None,
    outlet: str,
    day: str,
    text: str,
    people: list[tuple[str, list[str], list[str]]] = (),  # type: ignore[assignment]
    quote: tuple[str, int] | None = None,
    title: str | None = None,
) -> Article:
    """An analysed article whose persons are ``(name, aliases, roles)``; each alias is
    found in ``text`` as a mention. ``quote`` is (quoted text, index of the speaker)."""
    mentions: list[Mention] = []
    entities: list[Entity] = []
    for i, (name, aliases, roles) in enumerate(people):
        idxs = []
        for alias in [name, *aliases]:
            start = text.find(alias)
            if start >= 0:
                idxs.append(len(mentions))
                mentions.append(
                    Mention(start=start, end=start + len(alias), text=alias, label="PER", entity=i)
                )
        role_spans = [
            Role(text=r, start=max(text.find(r), 0), end=max(text.find(r), 0) + len(r)) for r in roles
        ]
        entities.append(
            Entity(id=f"e{i}", name=name, label="PER", mentions=idxs, aliases=aliases, roles=role_spans)
        )
    quotes: list[Quote] = []
    if quote is not None:
        qtext, speaker = quote
        start = text.find(qtext)
        quotes.append(
            Quote(
                kind="direct",
                start=start,
                end=start + len(qtext),
                text=qtext,
                cue=Span(0, 4, text[:4]),
                speaker=Speaker(name=entities[speaker].name, entity=speaker),
            )
        )
    return Article(
        id=id,
        raw=text,
        text=text,
        title=title,
        source=Source(outlet=outlet, url=url, path=f"tes.jsonl:{id}"),
        published=Published(value=datetime.fromisoformat(day), method="metadata"),
        mentions=mentions,
        entities=entities,
        quotes=quotes,
        keywords=[Keyword(text="anggaran", score=1.0)],
        topic=Topic(label="ekonomi", score=0.9),
    )


BERITA_INVESTASI = (
    "Pemerintah Kabupaten Sukamaju mengajak warga berinvestasi di sektor pertanian. "
    "Menurut Bupati Andi Pratama, investasinya akan membuka lapangan kerja baru."
)
BERITA_BANJIR = (
    "Banjir merendam tiga desa di Kecamatan Sukamaju sejak Senin malam. "
    "Warga mengungsi ke balai desa dan menunggu bantuan logistik."
)
BERITA_PASAR = (
    "Harga cabai rawit di Pasar Induk Sukamaju turun tajam pekan ini. "
    "Pedagang menyebut pasokan dari petani sedang melimpah."
)
