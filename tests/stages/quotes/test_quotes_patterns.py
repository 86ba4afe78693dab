"""Anonymous and plural sources, statements as speakers, titles, partial quotes at a
sentence end, and pronoun subjects: sentences written for these tests."""

from __future__ import annotations

import pytest

from warta.article import Article, Entity, Mention
from warta.stages.quotes.attribute import find_quotes
from warta.stages.quotes.speakers import parse_after, parse_before
from warta.stages.quotes.step import QuoteStep
from warta.stages.segment.step import SegmentStep


def _analyse(
    text: str, mentions: list[Mention] | None = None, entities: list[Entity] | None = None
) -> Article:
    a = SegmentStep()(Article(id="t", raw=text, text=text))
    a.mentions = mentions or []
    a.entities = entities or []
    return QuoteStep()(a)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Sementara petugas BPBD lainnya menjelaskan, jalur evakuasi sudah dibuka sejak pagi.", "petugas"),
        ("Para pejabat Jepang secara terbuka mengatakan pasokan gas akan dikurangi bulan depan.", "pejabat"),
        ("Sejumlah sumber mengatakan rapat kabinet ditunda hingga pekan depan.", "sumber"),
        ("Masih mengutip Reuters, para diplomat Jerman mengatakan perundingan berjalan lambat.", "diplomat"),
    ],
)
def test_anonymous_subjects_of_reported_speech(text: str, head: str) -> None:
    (q,) = _analyse(text).quotes
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.anonymous
    assert q.speaker.description is not None and head in q.speaker.description.split()


def test_passive_cue_with_agent_and_bahwa() -> None:
    text = (
        "Harga minyak naik setelah apa yang disampaikan pejabat OPEC bahwa produksi akan dipangkas tahun ini."
    )
    (q,) = _analyse(text).quotes
    assert q.text == "produksi akan dipangkas tahun ini"
    assert q.speaker is not None and q.speaker.anonymous


def test_menurut_clause_inside_the_content() -> None:
    text = "Proyek tol itu, menurut laporan Bappenas, diusulkan oleh pemerintah daerah sejak 2019."
    (q,) = _analyse(text).quotes
    assert q.text.startswith("Proyek tol itu") and q.text.endswith("sejak 2019")
    assert q.speaker is not None and q.speaker.name == "Bappenas"


def test_statement_speaks_for_its_issuer() -> None:
    p = parse_after("pernyataan Kementerian Luar Negeri, kemarin.", 0)
    assert p is not None and p.kind == "statement" and p.issuer is not None
    text = "Pernyataan Kremlin itu"
    q = parse_before(text + " menyebutkan", 0, len(text))
    assert q is not None and q.kind == "statement" and q.definite


def test_described_statement_takes_the_last_issuer() -> None:
    text = (
        "Kantor Perdana Menteri Inggris mengatakan, pertemuan digelar di London pekan depan. "
        "”Kedua negara sepakat membuka dialog,” kata pernyataan itu. "
        "Pernyataan pemerintah Inggris mengatakan agenda pertemuan akan diumumkan kemudian."
    )
    quotes = _analyse(text).quotes
    assert [q.kind for q in quotes] == ["indirect", "direct", "indirect"]
    assert all(q.speaker is not None and q.speaker.name == "Kantor Perdana Menteri Inggris" for q in quotes)


def test_mereka_takes_the_last_plural_source() -> None:
    text = (
        "Para pejabat Korea Selatan mengatakan latihan militer tetap berjalan sesuai jadwal. "
        "Mereka mengatakan tidak ada perubahan rencana meski ada protes."
    )
    quotes = _analyse(text).quotes
    assert len(quotes) == 2
    sp = quotes[1].speaker
    assert sp is not None and sp.anonymous and sp.description == "Para pejabat Korea Selatan"


def test_pronoun_takes_the_last_person_opening_a_sentence() -> None:
    text = (
        "”Harga pangan stabil,” kata Budi Santoso. "
        "Ani Wijaya telah tiba di Medan untuk meninjau pasar. "
        "Dia menegaskan bahwa pasokan beras di Sumatera Utara cukup."
    )
    ani = text.index("Ani Wijaya")
    budi = text.index("Budi Santoso")
    mentions = [
        Mention(start=budi, end=budi + 12, text="Budi Santoso", label="PER", entity=0),
        Mention(start=ani, end=ani + 10, text="Ani Wijaya", label="PER", entity=1),
    ]
    entities = [
        Entity(id="e0", name="Budi Santoso", label="PER", mentions=[0]),
        Entity(id="e1", name="Ani Wijaya", label="PER", mentions=[1]),
    ]
    quotes = _analyse(text, mentions, entities).quotes
    assert quotes[0].speaker is not None and quotes[0].speaker.entity == 0
    assert (
        quotes[1].speaker is not None
        and quotes[1].speaker.name == "Ani Wijaya"
        and quotes[1].speaker.entity == 1
    )


@pytest.mark.parametrize(
    "text",
    [
        "”Ekonomi kita tumbuh,” kata Sri Mulyani pada Senin di ”Mata Najwa” Trans7.",
        "Menteri itu tampil dalam acara ”Indonesia Lawyers Club” semalam.",
    ],
)
def test_programme_titles_are_not_quotes(text: str) -> None:
    quotes = [text[f.start : f.end] for f in find_quotes(text)]
    assert not any(q in ("Mata Najwa", "Indonesia Lawyers Club") for q in quotes)


def test_partial_quote_closing_the_sentence() -> None:
    text = "Kedutaan Besar Belanda mengatakan, kedua menteri akan membahas ”kerja sama energi di Asia”."
    kinds = [(f.kind, text[f.start : f.end], f.inside) for f in find_quotes(text)]
    assert kinds[0][0] == "mixed"
    assert ("partial", "kerja sama energi di Asia", 0) in kinds


def test_quote_run_closed_by_a_later_cue_takes_its_speaker() -> None:
    text = (
        "Sementara petugas lainnya menjelaskan, antrean sudah berkurang sejak siang. "
        "”Kami menambah loket.”\n\n”Warga diminta datang sesuai jadwal,” kata Rina Kusuma."
    )
    quotes = _analyse(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in direct] == ["Rina Kusuma", "Rina Kusuma"]


def test_nya_takes_the_last_person_opening_a_sentence() -> None:
    text = (
        "”Harga pangan stabil,” kata Budi Santoso. "
        "Ani Wijaya (41) berjualan sayur di pasar itu sejak pagi. "
        "”Pembeli sepi sejak hujan,” ujarnya."
    )
    ani = text.index("Ani Wijaya")
    budi = text.index("Budi Santoso")
    mentions = [
        Mention(start=budi, end=budi + 12, text="Budi Santoso", label="PER", entity=0),
        Mention(start=ani, end=ani + 10, text="Ani Wijaya", label="PER", entity=1),
    ]
    entities = [
        Entity(id="e0", name="Budi Santoso", label="PER", mentions=[0]),
        Entity(id="e1", name="Ani Wijaya", label="PER", mentions=[1]),
    ]
    quotes = _analyse(text, mentions, entities).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Budi Santoso", "Ani Wijaya"]
