"""The glued-words pass: a space lost around a link's anchor text is put back."""

from __future__ import annotations

import pytest

from warta.stages.clean.clean import clean_text
from warta.stages.clean.glued_words import find_glued_words
from warta.stages.clean.resources import camel_names


def splits(text: str) -> list[tuple[str, str]]:
    return [(f.before, f.after) for f in find_glued_words(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case Indonesian word, then a capitalised one
        ("Hal itu ia sampaikan kepadaWarta Harian, Senin.", [("kepadaWarta", "kepada Warta")]),
        ("Seperti dikutip dariThe Daily Planet, harga gandum naik.", [("dariThe", "dari The")]),
        ("Banjir merendam rumah warga diMakassar pada Minggu.", [("diMakassar", "di Makassar")]),
        ("Ia mencari foto itu denganGoogle Lens.", [("denganGoogle", "dengan Google")]),
        ("Hakim membacakan putusanMahkamah Agung kemarin.", [("putusanMahkamah", "putusan Mahkamah")]),
        ("Rapat digelar, dilansirKantor Berita Nusantara.", [("dilansirKantor", "dilansir Kantor")]),
        ("Kasus ini terkait aturan denganUndang-Undang baru.", [("denganUndang", "dengan Undang")]),
        # capitalised: a title or a citing verb before a name or a source
        ("Rapat dipimpin PresidenSuryo Wibisono di istana.", [("PresidenSuryo", "Presiden Suryo")]),
        ("DilansirHarian Timur, gempa terasa hingga kota.", [("DilansirHarian", "Dilansir Harian")]),
        # capitalised: the article writes the two words apart elsewhere
        (
            "Menteri KeuanganSri Wulandari hadir. Kemarin Menteri Keuangan Sri Wulandari menolak.",
            [("KeuanganSri", "Keuangan Sri")],
        ),
        # capitalised: a non-Indonesian word written on its own elsewhere
        (
            "Calon wali kota MalangBaskoro menang. Baskoro berterima kasih.",
            [("MalangBaskoro", "Malang Baskoro")],
        ),
    ],
)
def test_splits_glued_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert splits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # brands and names written in camel case on purpose
        "Video itu diunggah ke YouTube dan TikTok, lalu dibagikan lewat WhatsApp.",
        "Penumpang AirAsia dan pengguna SatuSehat mengeluh; NasDem dan LaLiga menanggapi.",
        "Harga MacBook dan IdeaPad turun; LinkedIn, ByteDance, dan BlackRock diam.",
        "InsyaAllah acara dimulai pukul tujuh, kata panitia.",
        "Ia makan di McDonalds bersama Leonardo DiCaprio.",
        # single-letter prefixes are never split
        "Ia membeli iPhone baru dan menonton turnamen eSports.",
        # brand prefixes and name particles in lower case
        "Hal itu dilaporkan detikNews dan penumpang naik bus transJakarta.",
        "Astronom Neil deGrasse berbicara.",
        # capitalised clitics of religious prose and units
        "Kami berserah kepadaNya dan berdoa kepadaMu. Tekanan darah 120 mmHg.",
        # URLs, e-mail addresses, hashtags, handles, paths and code
        "Lihat https://contoh.id/beritaTerkini dan www.contoh.id/kabarDaerah hari ini.",
        "Kirim surat ke redaksi@kabarKita.id atau sebut @akunWarta dengan tagar #AyoMembaca.",
        "Berkas ada di folder data/laporanTahunan dan variabel nama_kotaBaru.",
        # a stray capital inside one word is a typo, not glue
        "Anggaran mencapai Rp 96 trilIun dan hal ini ditAndai kenaikan pajak.",
        # capitalised start without evidence stays (could be a brand)
        "Aplikasi KopiPintar diluncurkan pekan ini.",
    ],
)
def test_keeps_intended_camel_case(text: str) -> None:
    assert splits(text) == []


def test_brand_list_is_lower_case_and_has_the_big_names() -> None:
    names = camel_names()
    assert {"tiktok", "youtube", "whatsapp", "airasia", "nasdem", "laliga"} <= names
    assert all(n == n.lower() for n in names)


def test_recorded_as_repair_with_offsets() -> None:
    raw = "Harga beras naik, kata pedagang kepadaWarta Harian.\n\nRapat diJakarta ditunda."
    r = clean_text(raw, detect_headline=False)
    assert r.text == "Harga beras naik, kata pedagang kepada Warta Harian.\n\nRapat di Jakarta ditunda."
    glued = [c for c in r.cleaning.repaired if c.rule == "glued-words"]
    assert [(c.before, c.after) for c in glued] == [
        ("kepadaWarta", "kepada Warta"),
        ("diJakarta", "di Jakarta"),
    ]
    for c in glued:
        assert c.kind == "lost-character"
        assert raw[c.raw_start : c.raw_end] == c.before
        assert r.text[c.start : c.end] == c.after
    # text after a split still maps back to the same characters in the raw text
    i = r.text.index("ditunda")
    assert raw[r.offsets(i) : r.offsets(i) + 7] == "ditunda"


def test_no_split_when_nothing_glued() -> None:
    text = "Presiden Suryo meresmikan jembatan di Makassar."
    assert splits(text) == []
    assert clean_text(text, detect_headline=False).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Presiden Hadi Wijoyo hadir. Kebijakan Wijoyomenjadi sorotan warga.",
            [("Wijoyomenjadi", "Wijoyo menjadi")],
        ),
        (
            "Kata Wulandari, tarif naik. Menurut Wulandariyang juga ketua, harga turun.",
            [("Wulandariyang", "Wulandari yang")],
        ),
        ("Aditya menang. Gol Adityamengakhiri laga itu.", [("Adityamengakhiri", "Aditya mengakhiri")]),
        # a name's last part that is also an Indonesian word ("zon"), written after a capital
        (
            "Menteri Rudi Zon hadir di sana. Rudi Zonmenolak menghentikan proyek itu.",
            [("Zonmenolak", "Zon menolak")],
        ),
    ],
)
def test_a_name_glued_to_the_next_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert splits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the first part is never written on its own in the article
        "Warga Jayapura antre beras sejak pagi.",
        "Kota Banyuwangi dilanda banjir, kata Suryo.",
        # a particle, not a glued word: a name's own syllable
        "Penyanyi Shin tampil, lalu Shindong menyapa penonton.",
        # a capitalised Indonesian word is one word
        "Pemerintahan itu jatuh. Pemerintah menolak.",
    ],
)
def test_names_that_only_look_glued_stay(text: str) -> None:
    assert splits(text) == []


def test_a_verb_glued_to_the_last_part_of_a_name_splits_off() -> None:
    # "Wiratmaja" is never written alone, but stands after another capitalised word, and a
    # prefixed verb ends the token.
    text = "Sekretaris Jenderal Partai Sinar Dodi Wiratmajamenyebut koalisi itu sudah solid."
    assert [(f.before, f.after) for f in find_glued_words(text)] == [
        ("Wiratmajamenyebut", "Wiratmaja menyebut")
    ]
    # No capitalised word before it: a name the article may write glued on purpose stays.
    assert find_glued_words("Sinarmenyebut koalisi itu sudah solid.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name's last part is also a word ("hidayah", "wijaya"): a long reporting verb or
        # "yang" glued after it still splits off, after another capitalised word.
        (
            "Ketua Komnas Rina Hidayahmengungkapkan bahwa laporan itu lengkap.",
            [("Hidayahmengungkapkan", "Hidayah mengungkapkan")],
        ),
        (
            "Sekretaris kabinet Bagas Wijayayang hadir di sana menolak berkomentar.",
            [("Wijayayang", "Wijaya yang")],
        ),
        # Without a capitalised word before it, or with a short left part, nothing splits.
        ("Sayangmenyatakan itu tidak benar.", []),
        ("Desa Sukamaju punya Dayang yang cantik.", []),
    ],
)
def test_often_glued_words_after_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.before, f.after) for f in find_glued_words(text)] == expected


def test_a_word_that_opens_a_name_elsewhere_splits_off_a_glued_title() -> None:
    # "Sri" is also a word, but the article writes "Sri Wulandari" apart: a name's start.
    text = "Menteri PertanianSri Wulandari hadir. Menurut Sri Wulandari, panen naik."
    assert [(f.before, f.after) for f in find_glued_words(text)] == [("PertanianSri", "Pertanian Sri")]
    # A brand whose second part is a word the article never writes before a name stays.
    assert find_glued_words("Aplikasi BukaLapak ramai. Lapak itu tutup.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Three runs glued: each turn judged on its own words.
        (
            "Rapat dipimpin MenteriSuryaPrakoso kemarin. Surya datang. Prakoso pergi.",
            [("MenteriSuryaPrakoso", "Menteri Surya Prakoso")],
        ),
        # A name glued to a verb at the end of a glued token: the whole token comes apart.
        (
            "Hamas menolak usulan itu. SumberHamasmengatakan kelompok itu menerima kesepakatan.",
            [("SumberHamasmengatakan", "Sumber Hamas mengatakan")],
        ),
        # An acronym glued to a name, both written on their own elsewhere.
        ("Presiden RIPrabowo tiba di Bali. RI dan Prabowo.", [("RIPrabowo", "RI Prabowo")]),
        # A preposition glued to a name's last part after another capitalised word.
        ("Kata Wakil Ketua Rusli Effendidalam siaran pers.", [("Effendidalam", "Effendi dalam")]),
    ],
)
def test_glue_around_names_and_acronyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert splits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pameran di JIExpo Kemayoran dibuka pekan ini.",  # a brand: its acronym never alone
        "Warga Kabupaten Kotawaringin Barat berkumpul.",  # "ingin" ends a place name
        "Pesta digelar di rumah Budi. Aubameyang datang.",  # a name that ends in "yang"
    ],
)
def test_names_and_brands_that_stay_glued(text: str) -> None:
    assert splits(text) == []


def test_an_acronym_glued_to_a_function_word() -> None:
    text = "Komisi V DPR RIbakal meminta penjelasan. RI dan KPK hadir. KPKsebagai lembaga menolak."
    assert splits(text) == [("RIbakal", "RI bakal"), ("KPKsebagai", "KPK sebagai")]
