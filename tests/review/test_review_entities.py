"""Corrections of entities on both backends: another type, a merge and a split, applied
everywhere the read layer answers, undone, kept through a rewrite of the article (or listed
as orphaned); a typed speaker name linked to an entity; a span correction moving the quote's
"about" links."""

from __future__ import annotations

from datetime import datetime

import pytest
from reviewhelpers import KUTIPAN_JOKO, ORANG, TEKS, pasar_article, people, person_id, write

from warta.article import Article, Published, Quote, Source, Span, Speaker
from warta.errors import CorrectionError
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.corrections import add_correction, undo_correction
from warta.storage.entity_corrections import add_entity_correction, undo_entity_correction

# A second invented article: the same regent, her name misspelt by another outlet, and
# another man called Joko Prasetyo (a footballer), quoted once.
TEKS_2 = (
    "Bupati Sri Wulandari menonton laga Persatuan Lembah di stadion pada Minggu. "
    '"Kami bangga pada tim ini," kata Sri Wulandari. '
    "Penyerang Joko Prasetyo mencetak dua gol. "
    '"Gol ini untuk warga Lembah Hijau," ujar Joko Prasetyo.'
)
KUTIPAN_TIM = "Kami bangga pada tim ini,"
KUTIPAN_GOL = "Gol ini untuk warga Lembah Hijau,"


def laga_article(*, with_joko: bool = True) -> Article:
    names = ["Sri Wulandari", "Joko Prasetyo"] if with_joko else ["Sri Wulandari"]
    text = TEKS_2 if with_joko else TEKS_2.split(" Penyerang")[0]
    mentions, entities = people(text, names)
    quotes = []
    for content, speaker in ((KUTIPAN_TIM, 0), (KUTIPAN_GOL, 1))[: len(names)]:
        start = text.index(content)
        quotes.append(
            Quote(
                kind="direct",
                start=start,
                end=start + len(content),
                text=content,
                cue=Span(start, start + 1, text[start]),
                speaker=Speaker(name=names[speaker], entity=speaker),
                confidence=0.9,
            )
        )
    return Article(
        id="laga-1",
        raw=text,
        text=text,
        title="Persatuan Lembah Menang",
        source=Source(outlet="Warta Lembah", url="https://warta-lembah.test/laga"),
        published=Published(value=datetime(2025, 4, 13), method="metadata"),
        mentions=mentions,
        entities=entities,
        quotes=quotes,
    )


@pytest.fixture
def two(review_store: Store) -> tuple[Store, int, int]:
    first = Q.list_articles(review_store, limit=5).items[0].id
    second = write(review_store, laga_article())
    return review_store, first, second


def _speakers(store: Store, entity_id: int) -> list[str]:
    return sorted(q.text for q in Q.quote_page(store, speaker_id=entity_id).items)


def test_a_merge_sends_mentions_quotes_and_aliases_to_the_target(two: tuple[Store, int, int]) -> None:
    store, _first, second = two
    sari, sri = person_id(store, "Sari Wulandari"), person_id(store, "Sri Wulandari")
    assert sari != sri
    made = add_entity_correction(store, sri, "merge", reviewer="dewi", target_id=sari)
    assert made.after["target_id"] == sari and made.reviewer == "dewi" and not made.orphaned

    profile = Q.entity_profile_by_id(store, sari)
    assert profile is not None and profile.articles == 2 and profile.quotes == 3
    assert "sri wulandari" in dict(profile.aliases)
    assert KUTIPAN_TIM in _speakers(store, sari) and _speakers(store, sri) == []
    assert Q.merged_into(store, sri) == sari
    assert [h.id for h in Q.search_entities(store, "Sri Wulandari").items] == [sari]
    with store.connect() as conn:
        assert Q.resolve_entity(conn, "Sri Wulandari")[0][0] == sari
    links = Q.article_links(store, second)
    assert links is not None and sari in {x.entity_id for x in links.entities}
    assert {s.name: s.quotes for s in Q.top_speakers(store)}["Sari Wulandari"] == 3

    # A reanalysis of the article keeps it; so does an article written afterwards.
    write(store, laga_article())
    assert Q.entity_profile_by_id(store, sari).articles == 2  # type: ignore[union-attr]
    assert KUTIPAN_TIM in _speakers(store, sari)

    undone = undo_entity_correction(store, made.id, reviewer="budi")
    assert undone.undone_by == "budi"
    assert Q.merged_into(store, sri) is None
    assert _speakers(store, sri) == [KUTIPAN_TIM]
    assert Q.entity_profile_by_id(store, sari).articles == 1  # type: ignore[union-attr]
    with pytest.raises(CorrectionError, match="undone already"):
        undo_entity_correction(store, made.id, reviewer="budi")


def test_undoing_a_merge_in_a_chain_gives_back_the_merges_before_it(two: tuple[Store, int, int]) -> None:
    # Sri into Sari, then Sari into Joko: undoing the second leaves Sri's words with Sari.
    store, _first, _second = two
    sari, sri, joko = (person_id(store, n) for n in ("Sari Wulandari", "Sri Wulandari", "Joko Prasetyo"))
    first = add_entity_correction(store, sri, "merge", reviewer="dewi", target_id=sari)
    second = add_entity_correction(store, sari, "merge", reviewer="dewi", target_id=joko)
    assert KUTIPAN_TIM in _speakers(store, joko) and Q.merged_into(store, sri) == joko
    undo_entity_correction(store, second.id, reviewer="dewi")
    assert KUTIPAN_TIM in _speakers(store, sari) and KUTIPAN_TIM not in _speakers(store, joko)
    assert Q.merged_into(store, sri) == sari and Q.merged_into(store, sari) is None
    undo_entity_correction(store, first.id, reviewer="dewi")
    assert _speakers(store, sri) == [KUTIPAN_TIM] and Q.merged_into(store, sri) is None


def test_another_type_is_shown_everywhere_and_kept_through_a_reanalysis(two: tuple[Store, int, int]) -> None:
    store, first, _second = two
    sari = person_id(store, "Sari Wulandari")
    made = add_entity_correction(store, sari, "type", reviewer="dewi", label="ORG")
    assert (made.before, made.after) == ({"label": "PER"}, {"label": "ORG"})
    assert Q.entity_profile_by_id(store, sari).label == "ORG"  # type: ignore[union-attr]
    assert [h.id for h in Q.search_entities(store, "Sari", label="ORG").items] == [sari]
    links = Q.article_links(store, first)
    assert links is not None and {x.label for x in links.entities if x.entity_id == sari} == {"ORG"}
    before = Q.search_entities(store, "").total
    write(store, pasar_article())  # the NER still says PER: the same entity, still an ORG
    assert Q.search_entities(store, "").total == before
    assert Q.entity_profile_by_id(store, sari).label == "ORG"  # type: ignore[union-attr]
    undo_entity_correction(store, made.id, reviewer="dewi")
    assert Q.entity_profile_by_id(store, sari).label == "PER"  # type: ignore[union-attr]


def test_a_split_moves_one_articles_mentions_out_and_is_found_again(two: tuple[Store, int, int]) -> None:
    store, _first, second = two
    joko = person_id(store, "Joko Prasetyo")
    assert Q.entity_profile_by_id(store, joko).articles == 2  # type: ignore[union-attr]
    made = add_entity_correction(
        store, joko, "split", reviewer="dewi", articles=[second], new_name="Joko Prasetyo"
    )
    footballer = made.target_id
    assert footballer is not None and footballer != joko and made.after["created"] is True
    assert [(a["article_id"], a["name"]) for a in made.anchors] == [(second, "Joko Prasetyo")]
    assert Q.entity_profile_by_id(store, joko).articles == 1  # type: ignore[union-attr]
    assert Q.entity_profile_by_id(store, footballer).articles == 1  # type: ignore[union-attr]
    assert _speakers(store, footballer) == [KUTIPAN_GOL]
    # The name still goes to the first Joko Prasetyo (the new entity's key is numbered).
    with store.connect() as conn:
        assert Q.resolve_entity(conn, "Joko Prasetyo", labels=("PER",))[0][0] == joko

    write(store, laga_article())  # reanalysis: the anchor is found again by name
    (log,) = Q.entity_correction_log(store).items
    assert not log.orphaned and _speakers(store, footballer) == [KUTIPAN_GOL]

    write(store, laga_article(with_joko=False))  # he is gone from the article: orphaned, listed
    (log,) = Q.entity_correction_log(store, status="orphaned").items
    assert log.id == made.id and log.anchors[0]["lost"]
    assert Q.entity_profile_by_id(store, footballer).articles == 0  # type: ignore[union-attr]

    write(store, laga_article())  # back again: applied again
    assert Q.entity_correction_log(store, status="orphaned").total == 0
    assert _speakers(store, footballer) == [KUTIPAN_GOL]
    undo_entity_correction(store, made.id, reviewer="dewi")
    assert KUTIPAN_GOL in _speakers(store, joko) and _speakers(store, footballer) == []
    assert Q.entity_profile_by_id(store, joko).articles == 2  # type: ignore[union-attr]


def test_a_split_by_name_after_a_wrong_merge(two: tuple[Store, int, int]) -> None:
    store, _first, second = two
    sari, sri = person_id(store, "Sari Wulandari"), person_id(store, "Sri Wulandari")
    add_entity_correction(store, sri, "merge", reviewer="dewi", target_id=sari)
    # A merged entity takes nothing: the reviewer is sent to its target.
    with pytest.raises(CorrectionError, match=f"was merged into entity {sari}"):
        add_entity_correction(store, sari, "split", reviewer="dewi", names=["Sri Wulandari"], target_id=sri)
    split = add_entity_correction(
        store, sari, "split", reviewer="dewi", names=["sri  wulandari"], new_name="Sri W."
    )
    assert [a["article_id"] for a in split.anchors] == [second]
    assert split.target_id is not None and _speakers(store, split.target_id) == [KUTIPAN_TIM]
    assert KUTIPAN_TIM not in _speakers(store, sari)


@pytest.mark.parametrize(
    ("action", "fields", "message"),
    [
        ("rename", {}, "unknown action 'rename'"),
        ("type", {"label": "PERSON"}, "label must be one of PER, ORG"),
        ("type", {"label": "PER"}, "is a PER already"),
        ("merge", {}, "needs the target entity's id"),
        ("merge", {"target_id": 999_999}, "no target entity with id 999999"),
        ("split", {"new_name": "Sari"}, "needs the articles or the names"),
        ("split", {"names": ["Sari"]}, "exactly one of a target entity id or a new entity's name"),
        ("split", {"names": ["Bu Camat"], "new_name": "X"}, "is not called 'Bu Camat'"),
        ("split", {"articles": [999_999], "new_name": "X"}, "does not appear in article"),
    ],
)
def test_bad_entity_corrections_are_refused_naming_the_input(
    review_store: Store, action: str, fields: dict[str, object], message: str
) -> None:
    sari = person_id(review_store, ORANG[0])
    with pytest.raises(CorrectionError, match=message) as err:
        add_entity_correction(review_store, sari, action, reviewer="dewi", **fields)  # type: ignore[arg-type]
    assert err.value.code == "W110"
    assert Q.entity_correction_log(review_store).total == 0


def test_an_unknown_entity_is_missing(review_store: Store) -> None:
    with pytest.raises(CorrectionError, match="no entity with id 999999") as err:
        add_entity_correction(review_store, 999_999, "type", reviewer="dewi", label="ORG")
    assert err.value.missing


def test_a_typed_speaker_name_is_linked_to_an_entity(review_store: Store) -> None:
    store = review_store
    aid = Q.list_articles(store, limit=1).items[0].id
    made = add_correction(store, aid, 1, "speaker", reviewer="dewi", speaker_name="Rina Kartika")
    rina = made.after["speaker_id"]
    assert rina is not None and person_id(store, "Rina Kartika") == rina
    profile = Q.entity_profile_by_id(store, rina)
    assert profile is not None and [q.text for q in profile.latest_quotes] == [KUTIPAN_JOKO]
    # A typed name the corpus knows is that entity.
    again = add_correction(store, aid, 1, "speaker", reviewer="dewi", speaker_name="Joko Prasetyo")
    assert again.after["speaker_id"] == person_id(store, "Joko Prasetyo")
    assert _speakers(store, person_id(store, "Joko Prasetyo")) == [KUTIPAN_JOKO]
    assert _speakers(store, rina) == []


def test_a_span_correction_moves_the_quotes_about_links(review_store: Store) -> None:
    store = review_store
    aid = Q.list_articles(store, limit=1).items[0].id
    joko = person_id(store, "Joko Prasetyo")
    assert Q.quote_page(store, about_id=joko).total == 0
    # From the camat's first mention to the end of his quote.
    start = TEKS.index("Joko Prasetyo")
    end = TEKS.index(KUTIPAN_JOKO) + len(KUTIPAN_JOKO)
    add_correction(store, aid, 1, "span", reviewer="dewi", start=start, end=end)
    about = Q.quote_page(store, about_id=joko).items
    assert [(q.article_id, q.idx) for q in about] == [(aid, 1)]
    write(store, pasar_article())  # a reanalysis keeps it
    assert Q.quote_page(store, about_id=joko).total == 1


def _listed(store: Store, q: str = "") -> list[int]:
    return [hit.id for hit in Q.search_entities(store, q, limit=100).items]


def test_entities_left_without_mentions_or_quotes_are_not_listed(two: tuple[Store, int, int]) -> None:
    store, first, second = two
    joko = person_id(store, "Joko Prasetyo")
    split = add_entity_correction(
        store, joko, "split", reviewer="dewi", articles=[second], new_name="Joko Prasetyo"
    )
    footballer = split.target_id
    assert footballer is not None and set(_listed(store, "Joko")) == {joko, footballer}
    assert footballer in _listed(store)
    undo_entity_correction(store, split.id, reviewer="dewi")
    # The split's new entity is still there (its page, the log), but no list offers it.
    assert Q.entity_exists(store, footballer) and _listed(store, "Joko") == [joko]
    assert footballer not in _listed(store)
    everyone = Q.search_entities(store, "", limit=100)
    assert everyone.total == len(everyone.items) == len(_listed(store))

    # A typed speaker name: its entity is listed while it speaks, not once the quote is its own again.
    typed = add_correction(store, first, 1, "speaker", reviewer="dewi", speaker_name="Rina Kartika")
    rina = typed.after["speaker_id"]
    assert _listed(store, "Rina") == [rina] and rina in _listed(store)
    undo_correction(store, typed.id, reviewer="dewi")
    assert _listed(store, "Rina") == [] and rina not in _listed(store)
