"""Corrections of quotes in the store: applied everywhere the read layer answers, undone,
and kept (or listed as orphaned) when the article is written again."""

from __future__ import annotations

import msgspec
import pytest
from reviewhelpers import (
    KUTIPAN_JOKO,
    KUTIPAN_SARI,
    KUTIPAN_SEWA,
    ORANG,
    TEKS,
    pasar_article,
    person_id,
    write,
)
from typer.testing import CliRunner

from warta.cli import app
from warta.errors import CorrectionError
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.corrections import add_correction, undo_correction


def _texts(rows: list[Q.QuoteRow]) -> list[str]:
    return sorted(r.text for r in rows)


def _article(store: Store) -> int:
    return Q.list_articles(store, limit=1).items[0].id


def test_a_reassigned_speaker_moves_the_quote_between_entities(review_store: Store) -> None:
    store = review_store
    aid = _article(store)
    sari, joko = person_id(store, ORANG[0]), person_id(store, ORANG[1])
    assert _texts(Q.quote_page(store, speaker_id=sari).items) == [KUTIPAN_JOKO, KUTIPAN_SARI]

    made = add_correction(store, aid, 1, "speaker", reviewer="dewi", speaker_id=joko)
    assert made.after == {"speaker_id": joko, "speaker_name": "Joko Prasetyo", "anonymous": False}
    assert made.before["speaker_id"] == sari and made.reviewer == "dewi" and not made.orphaned

    assert _texts(Q.quote_page(store, speaker_id=sari).items) == [KUTIPAN_SARI]
    moved = Q.quote_page(store, speaker_id=joko).items
    assert [(r.text, r.speaker, r.reviewed) for r in moved] == [(KUTIPAN_JOKO, "Joko Prasetyo", True)]
    sari_profile, joko_profile = Q.entity_profile_by_id(store, sari), Q.entity_profile_by_id(store, joko)
    assert sari_profile is not None and joko_profile is not None
    assert (sari_profile.quotes, joko_profile.quotes) == (1, 1)
    assert [q.text for q in joko_profile.latest_quotes] == [KUTIPAN_JOKO]
    assert {s.name: s.quotes for s in Q.top_speakers(store)} == {"Sari Wulandari": 1, "Joko Prasetyo": 1}
    links = Q.article_links(store, aid)
    assert links is not None and links.quote_speakers == {0: sari, 1: joko} and links.reviewed == [1]

    # `warta quotes` answers the same.
    out = CliRunner().invoke(app, ["quotes", "--speaker", "Joko Prasetyo", "--db", store.name, "--json"])
    assert out.exit_code == 0, out.output
    assert [r["text"] for r in msgspec.json.decode(out.stdout)] == [KUTIPAN_JOKO]

    undone = undo_correction(store, made.id, reviewer="budi")
    assert undone.undone_by == "budi" and undone.undone_at is not None
    assert _texts(Q.quote_page(store, speaker_id=sari).items) == [KUTIPAN_JOKO, KUTIPAN_SARI]
    assert Q.quote_page(store, speaker_id=joko).total == 0
    # The event stays in the log, marked undone.
    assert [c.id for c in Q.correction_log(store, status="undone").items] == [made.id]
    with pytest.raises(CorrectionError, match="undone already"):
        undo_correction(store, made.id, reviewer="budi")


def test_a_rejected_quote_disappears_and_an_undo_brings_it_back(review_store: Store) -> None:
    store = review_store
    aid = _article(store)
    sari = person_id(store, ORANG[0])
    confirmed = add_correction(store, aid, 0, "confirm", reviewer="dewi")
    rejected = add_correction(store, aid, 1, "reject", reviewer="dewi")
    assert _texts(Q.quote_page(store).items) == [KUTIPAN_SARI]
    assert Q.quote_page(store).total == 1
    assert Q.corpus_stats(store).quotes == 1
    profile = Q.entity_profile_by_id(store, sari)
    assert profile is not None and profile.quotes == 1
    links = Q.article_links(store, aid)
    assert links is not None and links.rejected == [1] and 1 not in links.quote_speakers
    assert [r.text for r in Q.quote_page(store, verified=True).items] == [KUTIPAN_SARI]
    assert Q.quote_page(store, verified=False).total == 0

    undo_correction(store, rejected.id, reviewer="dewi")
    assert _texts(Q.quote_page(store).items) == [KUTIPAN_JOKO, KUTIPAN_SARI]
    assert [r.text for r in Q.quote_page(store, verified=False).items] == [KUTIPAN_JOKO]
    undo_correction(store, confirmed.id, reviewer="dewi")
    assert Q.quote_page(store, verified=True).total == 0
    out = CliRunner().invoke(app, ["quotes", "--verified", "--db", store.name, "--json"])
    assert out.exit_code == 0, out.output
    assert msgspec.json.decode(out.stdout) == []


def test_a_span_correction_changes_the_quote_text(review_store: Store) -> None:
    store = review_store
    aid = _article(store)
    start = TEKS.index(KUTIPAN_SARI)
    short = "Pasar ini kami bangun"
    made = add_correction(store, aid, 0, "span", reviewer="dewi", start=start, end=start + len(short))
    assert made.before["text"] == KUTIPAN_SARI and made.after["text"] == short
    assert short in _texts(Q.quote_page(store).items)
    links = Q.article_links(store, aid)
    assert links is not None and links.corrected[0].text == short


@pytest.mark.parametrize(
    ("idx", "action", "fields", "message"),
    [
        (9, "confirm", {}, "no such quote"),
        (0, "rename", {}, "unknown action"),
        (0, "speaker", {}, "exactly one"),
        (0, "speaker", {"speaker_id": 99999}, "no entity with id 99999"),
        (0, "span", {"start": 5, "end": 5_000}, "not within the article's text"),
        (0, "confirm", {"speaker_name": "Siapa Saja"}, "takes no speaker"),
    ],
)
def test_a_correction_that_does_not_fit_is_refused_naming_the_input(
    review_store: Store, idx: int, action: str, fields: dict[str, object], message: str
) -> None:
    aid = _article(review_store)
    with pytest.raises(CorrectionError, match=message) as caught:
        add_correction(review_store, aid, idx, action, reviewer="dewi", **fields)  # type: ignore[arg-type]
    assert caught.value.code == "W110"
    assert Q.correction_log(review_store).total == 0


def test_corrections_survive_the_article_written_again(review_store: Store) -> None:
    store = review_store
    aid = _article(store)
    sari, joko = person_id(store, ORANG[0]), person_id(store, ORANG[1])
    moved = add_correction(store, aid, 1, "speaker", reviewer="dewi", speaker_id=joko)
    add_correction(store, aid, 0, "confirm", reviewer="dewi")

    # A reanalysis finds a third quote first, so that the corrected ones move to 1 and 2.
    again = pasar_article(((KUTIPAN_SEWA, 0), (KUTIPAN_SARI, 0), (KUTIPAN_JOKO, 0)))
    assert write(store, again) == aid
    assert Q.quote_page(store, speaker_id=joko).items[0].text == KUTIPAN_JOKO
    assert _texts(Q.quote_page(store, speaker_id=sari).items) == [KUTIPAN_SARI, KUTIPAN_SEWA]
    assert _texts(Q.quote_page(store, verified=True).items) == [KUTIPAN_JOKO, KUTIPAN_SARI]
    log = {c.id: c for c in Q.correction_log(store).items}
    assert log[moved.id].quote_idx == 2 and not log[moved.id].orphaned

    # An undo after the rewrite brings back the machine's speaker of the new quote.
    undo_correction(store, moved.id, reviewer="dewi")
    assert Q.quote_page(store, speaker_id=joko).total == 0


def test_a_correction_whose_quote_vanished_is_listed_as_orphaned(review_store: Store) -> None:
    store = review_store
    aid = _article(store)
    joko = person_id(store, ORANG[1])
    moved = add_correction(store, aid, 1, "speaker", reviewer="dewi", speaker_id=joko)

    write(store, pasar_article(((KUTIPAN_SARI, 0),)))
    orphans = Q.correction_log(store, status="orphaned").items
    assert [c.id for c in orphans] == [moved.id] and orphans[0].orphaned_at is not None
    assert Q.correction_log(store, status="live").total == 0
    assert Q.quote_page(store, speaker_id=joko).total == 0
    out = CliRunner().invoke(
        app, ["corrections", "list", "--status", "orphaned", "--db", store.name, "--json"]
    )
    assert out.exit_code == 0, out.output
    assert [c["id"] for c in msgspec.json.decode(out.stdout)["items"]] == [moved.id]

    # The quote is found again: the correction fits and is applied again.
    write(store, pasar_article())
    assert Q.correction_log(store, status="orphaned").total == 0
    assert [r.text for r in Q.quote_page(store, speaker_id=joko).items] == [KUTIPAN_JOKO]


def test_the_cli_lists_and_undoes_corrections(review_store: Store) -> None:
    store = review_store
    aid = _article(store)
    made = add_correction(store, aid, 1, "reject", reviewer="dewi")
    runner = CliRunner()
    out = runner.invoke(app, ["corrections", "list", "--db", store.name, "--json"])
    assert out.exit_code == 0, out.output
    page = msgspec.json.decode(out.stdout)
    assert page["total"] == 1 and page["items"][0]["action"] == "reject"
    out = runner.invoke(app, ["corrections", "undo", str(made.id), "--db", store.name, "--reviewer", "budi"])
    assert out.exit_code == 0, out.output
    assert Q.quote_page(store).total == 2
    out = runner.invoke(app, ["corrections", "undo", "999", "--db", store.name])
    assert out.exit_code == 2 and "correction 999" in out.output and "W110" in out.output
    out = runner.invoke(app, ["corrections", "list", "--action", "rename", "--db", store.name])
    assert out.exit_code == 2
