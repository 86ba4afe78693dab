"""Datelines moved to metadata, and paragraphs a scraper joined with commas restored."""

from __future__ import annotations

import pytest

from warta.article import Article
from warta.lang.id.dateline import find_dateline
from warta.stages.clean.clean import clean_text
from warta.stages.clean.paragraphs import find_glued_paragraphs
from warta.stages.clean.step import CleanStep


@pytest.mark.parametrize(
    ("text", "place", "outlet", "rest"),
    [
        ("JAKARTA, KOMPAS.com - Harga beras naik.", "JAKARTA", "KOMPAS.com", "Harga"),
        ("SEMARANG, KOMPAS.com– Banjir surut.", "SEMARANG", "KOMPAS.com", "Banjir"),
        ("KOMPAS.com -Dua pemain dipanggil.", None, "KOMPAS.com", "Dua"),
        ("TEMPO.CO, Jakarta - Menteri Sosial berkunjung.", "Jakarta", "TEMPO.CO", "Menteri"),
        ("Jakarta, CNN Indonesia - - Kapolri menegaskan.", "Jakarta", "CNN Indonesia", "Kapolri"),
        ("Bogor (ANTARA News) - Petani panen raya.", "Bogor", "ANTARA News", "Petani"),
        ("Merdeka.com - Final digelar malam ini.", None, "Merdeka.com", "Final"),
        ("SURABAYA, iNews.id - Polisi menangkap pencuri.", "SURABAYA", "iNews.id", "Polisi"),
        ("MEDAN – Hujan deras mengguyur kota.", "MEDAN", None, "Hujan"),
        ("Bandung - Wali kota meresmikan taman.", "Bandung", None, "Wali"),
        (", , - Pemerintah provinsi bersiap.", None, None, "Pemerintah"),
        ("- / Grup musik itu merilis lagu.", None, None, "Grup"),
        ("Jakarta -\n\nGawai baru itu punya kelemahan.", "Jakarta", None, "Gawai"),
        (
            "DENPASAR, 12 Maret 2016 (Antara/Kabar Wire) --\n\nFestival film digelar.",
            "DENPASAR",
            "Antara",
            "Festival",
        ),
    ],
)
def test_datelines(text: str, place: str | None, outlet: str | None, rest: str) -> None:
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.outlet) == (place, outlet)
    assert text[d.end :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "Jakarta-Bandung ditempuh tiga jam.",
        "Budi Santoso mengatakan harga naik.",
        "Bandung - kota kembang itu ramai.",
        "Presiden (RI) - menurut jadwal - tiba sore.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_the_dateline_becomes_metadata() -> None:
    raw = 'JAKARTA, KOMPAS.com - Ketua RT Budi Santoso mengatakan jalan rusak. "Kami lapor," kata Budi.'
    a = CleanStep()(Article(id="a", raw=raw, input_format="jsonl"))
    assert a.text.startswith("Ketua RT Budi Santoso")
    assert (a.source.dateline, a.source.place, a.source.outlet) == (
        "JAKARTA, KOMPAS.com -",
        "JAKARTA",
        "KOMPAS.com",
    )
    (removed,) = [c for c in a.cleaning.removed if c.rule == "dateline"]
    assert raw[removed.raw_start : removed.raw_end] == "JAKARTA, KOMPAS.com - "
    assert not a.source.credits


def test_an_outlet_given_by_the_input_is_kept() -> None:
    a = Article(id="a", raw="TEMPO.CO, Jakarta - Harga naik.", input_format="jsonl")
    a.source.outlet = "Tempo.co"
    assert CleanStep()(a).source.outlet == "Tempo.co"


@pytest.mark.parametrize(
    ("text", "joins"),
    [
        ("Harga naik.,Sementara itu, pedagang mengeluh.", 1),
        ("Harga naik.,,Pedagang mengeluh.", 1),
        ('"Kami rugi," ujarnya.,"Besok kami tutup," tambahnya.', 1),
        ("Harga naik.”,Menurut Budi, pasokan kurang.", 1),
        ("Siapa yang salah?,Budi menjawab tidak tahu.", 1),
        ("Lembaga itu tidak independen., Ia mengatakan, partainya tidak bertanggung jawab.", 1),
        ('Hal itu melemahkan," kata Edhy., Kemudian, Ledia mengatakan poin itu keliru.', 1),
        (
            '"Barang juga penting," ujar Menko Darmin, Minggu (15/9/2019),Ia menambahkan, logistik perlu dibenahi.',
            1,
        ),
        ('"Ini bukti kerja kami," ungkapnya bangga,Saat ini pula, desa sudah tersambung internet.', 1),
    ],
)
def test_glued_paragraphs(text: str, joins: int) -> None:
    assert len(find_glued_paragraphs(text)) == joins
    cleaned = clean_text(text, detect_headline=False)
    assert "\n\n" in cleaned.text and not any(",," in p for p in cleaned.text.split("\n\n"))
    assert [c.rule for c in cleaned.cleaning.repaired].count("glued-paragraphs") == joins


@pytest.mark.parametrize(
    "text",
    [
        'Ia bertanya, "Mau ke mana...," lalu pergi.',
        "Gelar S.H.,M.H. diraih Budi.",
        "Di Jakarta, Senin, harga naik.",
        "Harga naik., kata dia.",
        "Rina Wulandari, S.H., Kepala Bidang Hukum, hadir.",
        "Saham PT Maju Tbk., Budi membelinya.",
        "Pemain terbaik: Budi,Andi dan Rudi.",
        "Timnas Indonesia,Malaysia dan Vietnam lolos.",
    ],
)
def test_commas_that_join_no_paragraphs(text: str) -> None:
    assert find_glued_paragraphs(text) == []


def test_a_verb_glued_to_the_next_word_is_split() -> None:
    from warta.stages.clean.glued_words import find_glued_words

    text = "Akun itu mengunggahvideo lama. Video itu beredar luas. Pertanggungjawaban tetap dituntut."
    assert [(f.before, f.after) for f in find_glued_words(text)] == [("mengunggahvideo", "mengunggah video")]


def test_an_acronym_glued_to_a_verb_is_split() -> None:
    from warta.stages.clean.glued_words import find_glued_words

    text = "Sebelumnya, KPKmengungkapkan bahwa kerugian besar. Penyidik KPK bekerja. Lalu PTmenyatakan siap."
    assert [(f.before, f.after) for f in find_glued_words(text)] == [
        ("KPKmengungkapkan", "KPK mengungkapkan")
    ]


def test_a_paragraph_glued_after_a_stray_space() -> None:
    assert [
        f.before for f in find_glued_paragraphs("Harga naik kemarin. ,Menurut Budi, pasokan kurang.")
    ] == [","]


def test_a_preposition_glued_to_an_acronym_is_split() -> None:
    from warta.stages.clean.glued_words import find_glued_words

    text = "kata juru bicara itu kepadaAFP, seperti dikutip dariBBC. Harga naik di Kota DKI."
    assert [(f.before, f.after) for f in find_glued_words(text)] == [
        ("kepadaAFP", "kepada AFP"),
        ("dariBBC", "dari BBC"),
    ]
