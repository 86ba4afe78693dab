"""Who a pronoun, a "-nya" cue or a short form stands for, on invented news sentences, through
the whole pipeline (the tagger's mentions and the merged entities take part)."""

from __future__ import annotations

import pytest

import warta
from warta.article import Article, Quote


@pytest.fixture(scope="module")
def kasus() -> Article:
    return warta.analyze(
        "Jaksa Agung Muda Bidang Pidana Khusus Hendra Saputra mengumumkan penahanan seorang tersangka baru. "
        '"Tersangka ditahan selama 20 hari pertama di rumah tahanan cabang," kata Hendra di Jakarta, Senin.\n'
        "Kasus ini bermula pada 2019. Kemudian, Bambang Kurniawan (BKN) selaku komisaris perusahaan itu meminta "
        "Sutrisno Wibowo mendekati pejabat dinas.\n"
        '"Saudara BKN meminta saudara Sutrisno mendekati pejabat dinas agar kontrak segera diteken," katanya.\n'
        "Dia menyebutkan pertemuan itu berlangsung di sebuah hotel di Bandung.\n"
    )


def _quote(article: Article, words: str) -> Quote:
    return next(q for q in article.quotes if words in q.text)


def _speaker_of(text: str, words: str) -> str | None:
    """The name of who said the quote of ``text`` that holds ``words``."""
    q = _quote(warta.analyze(text), words)
    assert q.speaker is not None
    return q.speaker.name


def test_a_short_form_in_capitals_after_a_name_is_that_person(kasus: Article) -> None:
    person = next(e for e in kasus.entities if e.name == "Bambang Kurniawan")
    assert person.label == "PER" and "BKN" in person.aliases
    assert all(m.label == "PER" for m in kasus.mentions if m.text == "BKN")


def test_a_person_the_quote_names_is_not_its_speaker(kasus: Article) -> None:
    # "katanya" after a paragraph opened by Bambang: the quote speaks of him, so the
    # official who spoke before is its speaker.
    q = _quote(kasus, "kontrak segera diteken")
    assert q.speaker is not None and q.speaker.name == "Hendra Saputra"


def test_who_a_pronoun_stood_for_spoke_last(kasus: Article) -> None:
    # "Dia" after that quote: the one who just spoke, not the person who opened a sentence
    # before the quote.
    q = _quote(kasus, "berlangsung di sebuah hotel")
    assert q.speaker is not None and q.speaker.name == "Hendra Saputra"


def test_a_common_acronym_keeps_its_meaning_elsewhere() -> None:
    a = warta.analyze(
        "Pengusaha Andi Setiawan (AS) diperiksa penyidik pada Selasa. Produk itu juga diekspor ke AS dan Jepang."
    )
    andi = next(e for e in a.entities if e.name == "Andi Setiawan")
    assert "AS" in andi.aliases
    assert [m.label for m in a.mentions if m.text == "AS"][1] != "PER"


@pytest.mark.parametrize("pronoun", ["Iapun", "Diapun", "Beliaulah"])
def test_a_pronoun_with_a_glued_clitic_is_a_pronoun(pronoun: str) -> None:
    a = warta.analyze(
        "Ketua Koperasi Tani Makmur Siti Rahayu meninjau gudang beras di Klaten. "
        '"Stok kami cukup sampai akhir tahun," kata Siti.\n'
        f"{pronoun} mengakui bahwa harga pupuk masih menjadi beban petani.\n"
    )
    q = _quote(a, "harga pupuk")
    assert q.speaker is not None and q.speaker.name == "Siti Rahayu"
    assert not any(e.name.lower() == pronoun.lower() for e in a.entities)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        # A name set off by a comma after the role holds the role, whatever the tagger made of it.
        ("Ketua Himpunan Mahasiswa Teknik, Elang Putra", "person"),
        # A place right after a role, with no name, is where the role is: a role description.
        ("Legislator Kalimalang", "role"),
    ],
)
def test_a_place_tagged_name_after_a_role(phrase: str, kind: str) -> None:
    from warta.article import Mention
    from warta.stages.quotes.resolve import _Mentions, _refine
    from warta.stages.quotes.speakers import ParsedSpeaker

    name_start = phrase.rfind(", ") + 2 if ", " in phrase else phrase.index(" ") + 1
    name = (name_start, len(phrase))
    role = (0, phrase.index(" "))
    parsed = ParsedSpeaker("person", 0, len(phrase), name=name, roles=[role])
    place = Mention(start=name[0], end=name[1], text=phrase[name[0] :], label="LOC")
    assert _refine(phrase, parsed, _Mentions([place])).kind == kind


def test_a_cue_after_an_adverbial_or_inside_the_sentence() -> None:
    a = warta.analyze(
        "Ketua Asosiasi Petani Cabai Budi Santoso menilai harga cabai terlalu tinggi. "
        '"Pasokan dari Jawa Tengah berkurang," kata Budi kepada wartawan, Selasa.\n'
        "Sayangnya kata dia, pemerintah belum menambah pasokan dari daerah lain.\n"
        "Untuk itu lanjut Budi, pengawasan distribusi harus diperketat.\n"
        "Harga cabai lanjutnya bisa turun bila panen raya tiba.\n"
        "Budi kata orang kampung adalah petani teladan.\n"
    )
    said = {q.text: q.speaker.name if q.speaker else None for q in a.quotes}
    # A "-nya" adverb of the speaker's own belongs to what was said (annotators start there).
    assert said["Sayangnya kata dia, pemerintah belum menambah pasokan dari daerah lain"] == "Budi Santoso"
    assert said["pengawasan distribusi harus diperketat"] == "Budi Santoso"
    assert said["Harga cabai lanjutnya bisa turun bila panen raya tiba"] == "Budi Santoso"
    # A subject before the cue makes it no opening cue.
    assert not any("petani teladan" in t for t in said)


@pytest.mark.parametrize(
    ("phrase", "role", "affiliation"),
    [
        (
            "anggota DPRD Kota Sukamaju dari Fraksi Hijau, Budi Santoso",
            "anggota DPRD Kota Sukamaju",
            "Fraksi Hijau",
        ),
        (
            "pengamat politik dari Universitas Nusantara, Budi Santoso",
            "pengamat politik",
            "Universitas Nusantara",
        ),
    ],
)
def test_a_role_of_an_organisation_joined_by_dari(phrase: str, role: str, affiliation: str) -> None:
    from warta.stages.quotes.speakers import parse_after

    text = f'"Jalan desa itu rusak parah," kata {phrase} kepada wartawan, Minggu.'
    p = parse_after(text, text.index("kata") + 5)
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Budi Santoso"
    assert [text[s:e] for s, e in p.roles] == [role]
    assert [text[s:e] for s, e in p.affiliations] == [affiliation]


def test_a_name_followed_by_dari_and_a_party_is_still_just_the_name() -> None:
    from warta.stages.quotes.speakers import parse_after

    text = '"Jalan desa itu rusak parah," kata Budi Santoso dari Partai Hijau.'
    p = parse_after(text, text.index("kata") + 5)
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Budi Santoso"
    assert p.roles == []


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Direktur RSUD Sukamaju dr. Dika Pratama", "dr. Dika Pratama"),
        ("Rektor Universitas Nusantara Prof. Budi Santoso", "Prof. Budi Santoso"),
        ("Ketua MUI Lembah Hijau KH. Rahmat Syafei", "KH. Rahmat Syafei"),
        ("Budi H Santoso", "Budi H Santoso"),  # "H" inside a name is an initial
    ],
)
def test_an_abbreviated_title_with_its_full_stop_opens_the_name(phrase: str, name: str) -> None:
    from warta.stages.quotes.speakers import parse_after

    text = f"Hal senada disampaikan {phrase}. Ia menekankan pentingnya air bersih."
    p = parse_after(text, text.index(phrase))
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == name


def test_who_a_passive_cue_names_is_who_the_next_pronoun_means() -> None:
    text = (
        "Hal senada disampaikan Direktur RSUD Sukamaju dr. Dika Pratama. Ia menekankan pentingnya air. "
        '"Air minum yang bersih menjadi kunci," ujarnya.'
    )
    assert _speaker_of(text, "Air minum yang bersih") == "Dika Pratama"


@pytest.mark.parametrize(
    ("cue", "name", "role"),
    [
        ("kata suaminya, Rudi Hartono, kepada wartawan.", "Rudi Hartono", "suaminya"),
        ("ujar pengacaranya, Budi Santoso.", "Budi Santoso", "pengacaranya"),
    ],
)
def test_someone_named_by_a_relation_then_by_name(cue: str, name: str, role: str) -> None:
    a = warta.analyze(f'Seorang warga kehilangan sepeda motornya. "Kami sudah melapor ke polisi," {cue}')
    q = _quote(a, "Kami sudah melapor")
    assert q.speaker is not None and q.speaker.name == name
    assert [r.text for r in q.speaker.roles] == [role]


def test_a_nya_cue_with_nobody_before_it_is_the_person_the_story_names_most() -> None:
    a = warta.analyze(
        "Unggahan Satria Wibisana di media sosial memicu kemarahan warganet. Komentar yang "
        "ditulis Satria dianggap merendahkan sebuah grup musik. Petisi untuk melaporkan Satria "
        'pun beredar luas. "Saya kaget ketika tahu ada petisi tentang saya," katanya di Jakarta.'
    )
    q = _quote(a, "Saya kaget")
    assert q.speaker is not None and q.speaker.name == "Satria Wibisana"
    assert q.needs_review  # a guess: sent to review


@pytest.mark.parametrize("pronoun", ["Dirinya", "Dirinyapun"])
def test_dirinya_is_a_pronoun_not_a_name(pronoun: str) -> None:
    text = (
        "Menteri Kebudayaan Rahmat Hidayat membuka pameran tenun di Sumba. "
        '"Tenun adalah warisan kita bersama," kata Rahmat. '
        f"{pronoun} juga menyampaikan, tenun Sumba telah dikenal sejak abad ke-17."
    )
    assert _speaker_of(text, "tenun Sumba telah dikenal") == "Rahmat Hidayat"


def test_mereka_with_no_group_before_it_is_the_organisation_named_last() -> None:
    a = warta.analyze(
        "Kabar mengejutkan datang dari Yayasan Sinar Harapan yang menghentikan seleksi beasiswa. "
        "Mereka mengatakan tahun ini adalah tahun terakhir seleksi diadakan."
    )
    q = _quote(a, "tahun ini adalah tahun terakhir")
    assert q.speaker is not None and q.speaker.name == "Yayasan Sinar Harapan"
    assert q.needs_review  # inferred: sent to review


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Kapolrestabes Sukamaju, Kombes Pol Darmawan Saputra menyebut, komplotan itu licin.",
            "Darmawan Saputra",
            "Kapolrestabes Sukamaju",
        ),
        (
            "Kapolresta Sukamaju Kota Kombes Pol Heru Firmansyah mengatakan, pelaku sudah ditangkap.",
            "Heru Firmansyah",
            "Kapolresta Sukamaju Kota",
        ),
        ("Wamenkeu Andi Prasetya mengatakan, defisit masih terkendali.", "Andi Prasetya", "Wamenkeu"),
    ],
)
def test_an_abbreviated_office_title_is_a_role_not_a_name(sentence: str, name: str, role: str) -> None:
    a = warta.analyze(sentence)
    assert len(a.quotes) == 1
    sp = a.quotes[0].speaker
    assert sp is not None and sp.name == name and [r.text for r in sp.roles] == [role]


def test_an_abbreviated_office_title_alone_is_the_person_who_holds_it() -> None:
    text = (
        '"Kami akan memanggil semua pihak," kata Menbud Rahmat Hidayat di Jakarta. '
        '"Tidak ada toleransi," tegas Menbud.'
    )
    assert _speaker_of(text, "Tidak ada toleransi") == "Rahmat Hidayat"


@pytest.mark.parametrize(
    "closing",
    [
        '"Jadi belum bisa liburan dulu, "tutup Rina.',
        '"Jadi belum bisa liburan dulu "kata Rina.',
    ],
)
def test_a_closing_mark_glued_to_the_cue_after_it_closes(closing: str) -> None:
    a = warta.analyze(f"Rina Kartika baru saja menikah.\n\n{closing}\n\nUsai pemberkatan, resepsi digelar.")
    assert [a.text[q.start : q.start + 14] for q in a.quotes] == ["Jadi belum bis"]
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Rina Kartika"


def test_reported_speech_glued_to_the_quote_of_the_next_paragraph() -> None:
    a = warta.analyze(
        "Rudi Hartono mengatakan, band itu akan membawakan delapan lagu di festival tersebut,"
        '"Kami tampil pada malam kedua. Penontonnya pasti ramai," ujarnya.'
    )
    assert [(q.kind, a.text[q.start : q.start + 17]) for q in a.quotes] == [
        ("indirect", "band itu akan mem"),
        ("direct", "Kami tampil pada "),
    ]
    assert all(q.speaker is not None and q.speaker.name == "Rudi Hartono" for q in a.quotes)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Dijelaskan Arifin Saputra, penangkapan komplotan itu berawal dari laporan korban.",
            "Arifin Saputra",
        ),
        ("Dikatakan oleh Ketua RT Budi Santoso, warga sudah mengungsi sejak pagi.", "Budi Santoso"),
    ],
)
def test_a_passive_cue_with_its_agent_opens_the_sentence(sentence: str, speaker: str) -> None:
    a = warta.analyze(sentence)
    assert len(a.quotes) == 1 and a.quotes[0].kind == "indirect"
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == speaker


def test_a_passive_cue_after_hal_itu_points_back_and_opens_nothing() -> None:
    a = warta.analyze(
        "Hal tersebut disampaikan Kepala Dinas Rina Wulandari, di akun Instagram resmi dinas itu."
    )
    assert a.quotes == []


@pytest.mark.parametrize("verb", ["meyakini", "beranggapan", "berdalih", "merekomendasikan", "menyesalkan"])
def test_more_reporting_verbs_with_a_clause(verb: str) -> None:
    a = warta.analyze(
        f"Komisi Perlindungan Anak {verb} bahwa semua logo sponsor rokok harus dicopot dari kaus peserta."
    )
    assert [a.text[q.start : q.start + 15] for q in a.quotes] == ["semua logo spon"]


def test_a_belief_verb_with_a_noun_object_is_no_statement() -> None:
    assert warta.analyze("Warga meyakini kebenaran kabar itu.").quotes == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Rina pun menyampaikan apresiasi kepada petugas yang sudah sigap ketika terjadi kebakaran.",
        "Bupati itu hanya menyampaikan sepatah kata saja kemudian berjalan menuju lobi kantor.",
        "Mereka menjawab semua tudingan dengan menyetujui permintaan itu.",
        "Dosen itu menjabarkan alasan mengapa lagu sedih bisa sangat populer.",
        "Menteri juga menyampaikan ketertarikan terhadap sistem magang yang dinilai berhasil membangun jembatan.",
        "Dalam laporan itu, Rudi melaporkan adanya tindakan penganiayaan sebagaimana tertuang dalam pasal itu.",
    ],
)
def test_a_noun_object_with_verbs_in_its_phrases_is_no_statement(sentence: str) -> None:
    assert warta.analyze(sentence).quotes == []


@pytest.mark.parametrize("cue", ["bertuliskan", "bertulis", "berbunyi"])
def test_the_words_on_a_banner_are_no_quote(cue: str) -> None:
    a = warta.analyze(
        f'Suporter membentangkan spanduk protes. Salah satu spanduk {cue}, "mainmu kurang garang."'
    )
    assert a.quotes == []


def test_a_minute_mark_in_a_line_up_is_no_quote_mark() -> None:
    a = warta.analyze(
        "Susunan pemain: Rudi Hartono, Budi Santoso (66 'Agus Salim), Dedi Kurnia; Andi Wijaya (72 'Eko Prasetyo), "
        "Fajar Nugroho. Menit 48 'Dedi melepaskan tendangan jarak jauh."
    )
    assert a.quotes == []


def test_a_role_the_article_never_names_speaks_unnamed_and_is_who_nya_means() -> None:
    a = warta.analyze(
        "Dinas Kesehatan pun turun tangan. Kepala bidang kesehatan masyarakat mengatakan pihaknya telah "
        'mengunjungi keluarga itu. Warga bernama Anita Sari ikut menyambut. "Kalau lama-lama ada efeknya," '
        "jelasnya."
    )
    first, second = a.quotes
    assert first.speaker is not None and first.speaker.anonymous and first.speaker.name is None
    assert first.speaker.description == "Kepala bidang kesehatan masyarakat"
    assert second.speaker is not None and second.speaker.description == first.speaker.description


def test_a_capitalised_commoner_opening_the_sentence_is_a_description_not_a_name() -> None:
    a = warta.analyze(
        "Polisi menangkap seorang muncikari di Semarang. Pelaku mengaku tidak merekrut siapa pun."
    )
    q = _quote(a, "tidak merekrut")
    assert q.speaker is not None and q.speaker.name != "Pelaku"


def test_a_name_right_after_a_nya_cue_is_the_speaker() -> None:
    text = (
        'Bupati Rina Wulandari membuka acara itu. "Kami selalu mendukung program pemerintah," ujarnya '
        "Mamun Hidayat. Sebelumnya ia hadir."
    )
    assert _speaker_of(text, "Kami selalu mendukung") == "Mamun Hidayat"


def test_a_day_after_a_nya_cue_is_no_name() -> None:
    a = warta.analyze('Bupati Rina Wulandari membuka acara itu. "Kami siap," ujarnya Senin (3/3).')
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Rina Wulandari"


def test_a_description_in_commas_after_a_name_describes_that_person() -> None:
    a = warta.analyze(
        "Tommaso Rinaldi, seorang staf legendaris klub itu, mengungkapkan bahwa sang gelandang awalnya "
        "meragukan kopi buatannya."
    )
    sp = a.quotes[0].speaker
    assert sp is not None and sp.name == "Tommaso Rinaldi" and not sp.anonymous
    assert [r.text for r in sp.roles] == ["seorang staf legendaris klub itu"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Sementara itu, warga lain bernama Difa Rahmani menyampaikan, dari 17 warga itu, 12 sudah pulang.",
            "Difa Rahmani",
        ),
        (
            "Halimah akan dilantik besok setelah Komisi Pemilu menyatakan, hanya dialah calon yang memenuhi syarat.",
            "Komisi Pemilu",
        ),
    ],
)
def test_the_subject_after_a_subordinator_or_bernama_speaks(sentence: str, speaker: str) -> None:
    a = warta.analyze(sentence)
    assert len(a.quotes) == 1 and a.quotes[0].speaker is not None and a.quotes[0].speaker.name == speaker


def test_reported_speech_glued_by_a_full_stop_to_the_next_quote() -> None:
    a = warta.analyze(
        "Rudi Hartono mengatakan, regulasi kenaikan tarif masih akan berproses panjang."
        '"Kami tidak hanya melihat satu sisi," ujarnya.'
    )
    assert [q.kind for q in a.quotes] == ["indirect", "direct"]


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        (
            "Sementara itu, Rudi Hartono secara tidak langsung mengatakan bahwa kota itu adalah miniatur negeri.",
            "kota itu adalah",
            "Rudi Hartono",
        ),
        (
            "Gubernur Rudi Hartono malah mempertegas bahwa provinsinya akan menutup jalan itu.",
            "provinsinya akan",
            "Rudi Hartono",
        ),
        (
            "Aktor Rudi Hartono baru saja mengonfirmasi ia masih akan bermain di film ketiga.",
            "ia masih akan",
            "Rudi Hartono",
        ),
        (
            "Menurut, Rudi Hartono, bagi mitra yang berminat bisa langsung mengisi formulir.",
            "bagi mitra yang",
            "Rudi Hartono",
        ),
        (
            "Menurut media setempat, nilai kontrak ini mencapai 10 miliar dolar.",
            "nilai kontrak in",
            "media setempat",
        ),
    ],
)
def test_more_ways_to_put_speaker_and_statement(sentence: str, content: str, speaker: str) -> None:
    a = warta.analyze(sentence)
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert a.text[q.start : q.end].startswith(content) or content in a.text[q.start : q.end]
    assert q.speaker is not None and speaker in (q.speaker.name, q.speaker.description)


@pytest.mark.parametrize(
    "sentence",
    ["Menurut rencana, jalan itu dibuka pekan depan untuk umum.", "Menurut saya, harga itu terlalu mahal."],
)
def test_menurut_a_plan_or_the_writer_is_no_source(sentence: str) -> None:
    assert warta.analyze(sentence).quotes == []


def test_a_nya_cue_after_a_connective_keeps_the_whole_sentence() -> None:
    a = warta.analyze("Namun, menurutnya hal tersebut bisa terwujud dengan kerja sama banyak pihak.")
    assert [a.text[q.start : q.end] for q in a.quotes] == [
        "Namun, menurutnya hal tersebut bisa terwujud dengan kerja sama banyak pihak"
    ]


def test_a_second_cue_left_in_is_skipped() -> None:
    a = warta.analyze(
        '"Tentu kami akan memanggil semua pihak," ujar kata Deputi Penindakan Asep Rahmat di Jakarta.'
    )
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Asep Rahmat"


@pytest.mark.parametrize("noun", ["data", "survei", "laporan"])
def test_data_and_surveys_speak_for_who_issued_them(noun: str) -> None:
    a = warta.analyze(f'"Ekonomi negara itu tumbuh kuat tahun ini," papar {noun} Bank Dunia.')
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Bank Dunia"


def test_a_demonstrative_shaped_like_a_verb_makes_no_clause() -> None:
    a = warta.analyze(
        "Rina kehilangan ponsel. Korban lalu melaporkan peristiwa tersebut kepada pihak kepolisian."
    )
    assert a.quotes == []


def test_a_reporting_verb_in_a_relative_clause_is_no_statement() -> None:
    a = warta.analyze("Kapten tim mengkritik Hakan, yang telah meminta untuk dijual ke klub lain.")
    assert a.quotes == []


def test_demikian_after_a_quote_names_its_speaker() -> None:
    a = warta.analyze('"Hormati ketuamu, hormati tetuamu," demikian Megawati.')
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Megawati"


def test_a_nominal_object_with_a_predicate_after_it_is_a_clause() -> None:
    a = warta.analyze(
        "Aktor Rudi Hartono memastikan hubungannya dengan ketua lembaga itu tetap baik-baik saja."
    )
    assert [a.text[q.start : q.start + 11] for q in a.quotes] == ["hubungannya"]
    assert warta.analyze("Budi menegaskan dukungannya terhadap program yang sudah berjalan itu.").quotes == []


def test_a_newspaper_is_an_organisation_not_a_letter() -> None:
    a = warta.analyze('"Harga beras naik lagi pekan ini," tulis surat kabar Harian Sukamaju.')
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Harian Sukamaju"


def test_a_nickname_after_the_name_is_not_the_speaker_phrase() -> None:
    a = warta.analyze(
        "Dalam pidatonya, Lai Mingde atau akrab disapa William Lai menyebut tantangan terbesar berasal dari oposisi."
    )
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Lai Mingde"


@pytest.mark.parametrize("verb", ["merincikan", "bersaksi"])
def test_more_reporting_verbs(verb: str) -> None:
    a = warta.analyze(f"Rina Wulandari {verb} para korban saat itu tidak berani melapor ke polisi.")
    assert [a.text[q.start : q.start + 10] for q in a.quotes] == ["para korba"]


def test_a_relative_clause_that_reports_a_clause_is_speech_of_its_head() -> None:
    a = warta.analyze(
        "Kabar itu datang dari bos pemasaran Rudi Hartono yang juga mengungkapkan bahwa konsol itu terlaris."
    )
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Rudi Hartono"


def test_a_description_with_a_relative_clause_after_menurut_runs_to_the_comma() -> None:
    a = warta.analyze(
        "Menurut pelatih yang akrab disapa Djanur ini, banyak yang harus dibenahi setelah kekalahan itu."
    )
    assert [a.text[q.start : q.start + 12] for q in a.quotes] == ["banyak yang "]


def test_a_cue_in_commas_before_a_reporting_verb_keeps_the_whole_sentence() -> None:
    a = warta.analyze("Sebagai aktivis, kata Mercy, ia mengaku ditekan saat mendokumentasikan kasus itu.")
    assert [a.text[q.start : q.start + 15] for q in a.quotes] == ["Sebagai aktivis"]


def test_dinas_is_no_verb() -> None:
    assert warta.analyze("Wali kota menyampaikan beberapa hal melalui dinas terkait.").quotes == []


def test_a_reduplicated_head_is_a_plural_anonymous_source() -> None:
    a = warta.analyze("Pejabat-pejabat kementerian mengatakan aturan itu segera terbit.")
    sp = a.quotes[0].speaker
    assert sp is not None and sp.anonymous and sp.description == "Pejabat-pejabat kementerian"


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        (
            "warga asal Klaten yang melintas, Bowo (41), saat ditemui",
            "Bowo",
            "warga asal Klaten yang melintas",
        ),
        ("seorang pedagang, Sri Lestari, di Jakarta", "Sri Lestari", "seorang pedagang"),
        ("kurator tamu pameran, Rina Wulandari.", "Rina Wulandari", "kurator tamu pameran"),
    ],
)
def test_a_description_a_comma_and_a_name_is_that_person(phrase: str, name: str, role: str) -> None:
    from warta.stages.quotes.speakers import parse_after

    text = f'"Airnya setinggi lutut sejak pagi," kata {phrase}'
    p = parse_after(text, text.index("kata") + 5)
    assert p is not None and p.kind == "person" and p.name is not None
    assert text[p.name[0] : p.name[1]] == name
    assert [text[s:e] for s, e in p.roles] == [role]


def test_an_adverb_before_a_list_of_names_is_no_description() -> None:
    from warta.stages.quotes.speakers import parse_after

    text = "Sebut saja Rudi Hartono, Bowo Santoso, hingga Andi Wijaya."
    p = parse_after(text, text.index("saja"))
    assert p is None or p.kind != "person" or text[p.name[0] : p.name[1]] != "Bowo Santoso"


def test_a_name_runs_on_over_its_particles() -> None:
    a = warta.analyze(
        "Peneliti Belanda Maria van den Berg menyebut sedih adalah emosi yang paling umum. "
        "Dalam jurnal itu, van den Berg menyebut musik membantu orang pulih dari duka. "
        "Menurut Ludwig van Beethoven, musik itu indah sekali."
    )
    assert [q.speaker.name if q.speaker else None for q in a.quotes] == [
        "Maria van den Berg",
        "Maria van den Berg",
        "Ludwig van Beethoven",
    ]


def test_juga_marks_the_predicate_of_a_clause_after_a_noun_object_verb() -> None:
    a = warta.analyze(
        "Rudi menyebut kegiatan bakti sosial ini juga sejalan dengan program pemerintah daerah."
    )
    assert [a.text[q.start : q.start + 12] for q in a.quotes] == ["kegiatan bak"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            'Ribuan orang berkumpul di alun-alun. "Upacara penghormatan telah dimulai," lapor televisi pemerintah.',
            "Upacara",
        ),
        (
            "Ratusan warga tewas di sekitar lokasi pembagian makanan, kata rumah sakit dan pejabat setempat.",
            "Ratusan",
        ),
        ("Harga cabai di pasar itu naik dua kali lipat, kata pedagang setempat, Senin.", "Harga"),
    ],
)
def test_a_short_lower_case_description_after_the_cue_is_an_unnamed_source(text: str, start: str) -> None:
    a = warta.analyze(text)
    assert [q.text.split()[0] for q in a.quotes] == [start]
    sp = a.quotes[0].speaker
    assert sp is not None and sp.anonymous


def test_a_keyword_after_kata_is_no_source() -> None:
    assert (
        warta.analyze(
            "Harga cabai di pasar itu naik dua kali lipat, kata kunci utamanya adalah pasokan."
        ).quotes
        == []
    )


def test_a_name_ending_in_an_organisations_head_word_is_an_organisation() -> None:
    from warta.stages.quotes.speakers import parse_after

    text = "menurut World Health Organization, Indonesia akan mengalami ledakan kasus depresi."
    p = parse_after(text, text.index("World"))
    assert p is not None and p.name is None and p.kind == "org"
    assert [text[s:e] for s, e in p.affiliations] == ["World Health Organization"]


def test_menurut_inside_a_clause_leaves_the_whole_sentence_as_what_was_said() -> None:
    a = warta.analyze(
        "Film ini menurut Lola demikian inspiratif karena menceritakan perjuangan seorang atlet."
    )
    assert [a.text[q.start : q.start + 8] for q in a.quotes] == ["Film ini"]
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Lola"


def test_a_second_reporting_verb_of_the_same_subject_is_a_second_statement() -> None:
    a = warta.analyze(
        "Setelah itu, Rudi mengakui dirinya menyesal dan menyebut kritiknya kepada wali kota sudah keterlaluan."
    )
    assert [a.text[q.start : q.end] for q in a.quotes] == [
        "dirinya menyesal",
        "kritiknya kepada wali kota sudah keterlaluan",
    ]
    assert all(q.speaker is not None and q.speaker.name == "Rudi" for q in a.quotes)


def test_a_clause_with_its_own_subject_after_dan_is_part_of_the_statement() -> None:
    a = warta.analyze(
        "Budi mengatakan harga beras naik dan pedagang mengeluhkan penurunan omzet sejak pekan lalu."
    )
    assert len(a.quotes) == 1 and a.quotes[0].text.endswith("pekan lalu")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rudi menyampaikan hal tersebut di akun media sosialnya pada Rabu, seraya menegaskan bahwa desa itu aman.",
        "Rudi telah buka suara soal ini dengan menyatakan bahwa nama barunya sah dan sudah terdaftar.",
    ],
)
def test_a_verb_joined_to_the_clause_before_shares_its_subject(sentence: str) -> None:
    a = warta.analyze(sentence)
    assert [q.speaker.name if q.speaker else None for q in a.quotes] == ["Rudi"]


def test_dengan_and_a_verb_with_no_bahwa_is_how_not_what_was_said() -> None:
    a = warta.analyze(
        "Pengelola terus merawat candi itu dengan memastikan pengelolaannya tetap mengedepankan nilai budaya."
    )
    assert a.quotes == []


@pytest.mark.parametrize(
    "back",
    [
        "Hal ini juga ditegaskan juru bicara pemerintah kota Rudi Hartono.",
        "Demikian disampaikan Kepala Dinas Perhubungan Rudi Hartono di Bandung, Senin.",
        "Hal itu diutarakan oleh Rudi Hartono kepada wartawan.",
    ],
)
def test_a_sentence_that_names_who_said_the_one_before_attributes_it(back: str) -> None:
    a = warta.analyze(
        f"Pembangunan jalan itu molor dua bulan. Tarif parkir akan naik mulai bulan depan. {back}"
    )
    assert [a.text[q.start : q.start + 11] for q in a.quotes] == ["Tarif parki"]
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Rudi Hartono"


def test_a_back_reference_after_a_quote_adds_nothing() -> None:
    a = warta.analyze(
        '"Tarif parkir akan naik," kata Rudi Hartono. Hal itu disampaikan Rudi di Bandung, Senin.'
    )
    assert len(a.quotes) == 1


def test_a_mark_after_a_comma_before_a_pronoun_and_its_verb_closes_the_quote() -> None:
    a = warta.analyze(
        'Ketua panitia Rudi Hartono belum mau menilai. "Nanti saja bicaranya setelah acara selesai, "ia menambahkan.\n\n'
        'Sementara Ani Lestari mengaku siap bertahan. "Saya senang berada di sini," ujarnya.'
    )
    assert [q.text.split()[0] for q in a.quotes if q.kind == "direct"] == ["Nanti", "Saya"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dalam perbincangan singkat, Rudi sempat bertanya langsung pada Sari tentang cita-citanya.",
        "Dalam studi itu, Rudi menyebut salah satu upaya agar tubuh bisa beradaptasi dengan cuaca panas.",
        "Ia mengkritik partai oposisi yang menolak usulan anggaran itu di tengah meningkatnya ancaman di kawasan.",
    ],
)
def test_a_noun_object_with_a_purpose_or_a_verb_made_a_noun_is_no_statement(sentence: str) -> None:
    assert warta.analyze(sentence).quotes == []


def test_agar_after_the_object_of_a_directive_verb_opens_what_was_asked() -> None:
    a = warta.analyze("Ketua panitia mengingatkan para pengawas agar tidak menggadaikan kepercayaan publik.")
    assert [a.text[q.start : q.start + 11] for q in a.quotes] == ["para pengaw"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sejumlah staf klub kebugaran itu mengaku gaji mereka belum dibayar sejak tiga bulan lalu.",
        "Sumber-sumber kepolisian mengeklaim pelaku sudah meninggalkan kota itu sejak pekan lalu.",
    ],
)
def test_several_unnamed_people_are_a_plural_anonymous_source(sentence: str) -> None:
    sp = warta.analyze(sentence).quotes[0].speaker
    assert sp is not None and sp.anonymous and sp.name is None


def test_a_ministers_title_alone_with_two_ministers_named_stays_unresolved() -> None:
    a = warta.analyze(
        "Menteri Keuangan Sri Mulyani membuka festival itu. Menteri Perdagangan Budi Santoso juga hadir. "
        '"Festival ini terbuka untuk umum," jelas Menaker.'
    )
    sp = a.quotes[0].speaker
    assert sp is None or sp.name not in ("Budi Santoso", "Sri Mulyani")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Adaptasi dari daerah panas ke dingin dinilai Rina lebih mudah dilakukan.", "Rina"),
        ("Peresmian nama grup itu pun diakui Henry belum dapat dikatakan sah.", "Henry"),
    ],
)
def test_a_judgement_in_the_passive_with_its_agent_is_the_agents_statement(sentence: str, name: str) -> None:
    a = warta.analyze(sentence)
    assert len(a.quotes) == 1 and a.quotes[0].start == 0
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Rumah itu disebut sebagai rumah tertua di kota ini.",
        "Kebijakan itu dinilai Presiden Joko Widodo, Senin.",
    ],
)
def test_a_passive_with_no_agent_or_nothing_after_it_is_no_statement(sentence: str) -> None:
    assert warta.analyze(sentence).quotes == []


def test_a_second_banner_right_after_one_is_no_quote() -> None:
    a = warta.analyze(
        'Massa membawa spanduk bertuliskan "Dukung Revisi Demi Kinerja Lembaga" '
        '"Dewan Jangan Mau Diintervensi Pihak Manapun Dalam Menjalankan Agenda Revisi Undang-Undang Itu". '
        "Aksi berlangsung damai."
    )
    assert a.quotes == []


def test_dengan_and_a_verb_that_only_says_reports_what_follows() -> None:
    a = warta.analyze(
        "Di bagian yang sama, Carragher memberikan penerawangannya dengan mengatakan Leicester berpeluang juara."
    )
    assert [a.text[q.start : q.start + 9] for q in a.quotes] == ["Leicester"]


def test_a_long_quote_inside_a_reported_clause_is_part_of_it() -> None:
    a = warta.analyze(
        "Menurut Rina, orang memilih musik sedih karena fungsi musik dalam "
        '"memvalidasi emosi, memberikan penghiburan, memberikan pengalaman yang bermanfaat, dan membantu '
        'refleksi juga relaksasi." Lanjut ke bagian berikutnya.'
    )
    assert [q.kind for q in a.quotes] == ["mixed", "partial"]
    assert all(q.speaker is not None and q.speaker.name == "Rina" for q in a.quotes)


def test_a_capital_menurut_after_words_with_no_sentence_end_opens_a_sentence() -> None:
    a = warta.analyze(
        "Video itu diunggah di akun resmi kementerian Menurut media setempat, nilai kontrak ini mencapai 10 miliar dolar."
    )
    assert [a.text[q.start : q.start + 5] for q in a.quotes] == ["nilai"]
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.anonymous


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        pytest.param(
            "Dewan Pers meminta media mendaftar. "
            '"Nantinya hanya media terverifikasi yang mendapat kode," ujar anggota Dewan Pers, Imam Santoso, Jumat.',
            "Nantinya",
            "Imam Santoso",
            id="a role word opening a name after a comma is a given name",
        ),
        pytest.param(
            "Pelatih Persebaya Surabaya, Angel Alfredo Vera membeber kunci kemenangan timnya di Madiun.\n\n"
            "Menurut pelatih asal Argentina tersebut, para pemain bermain disiplin dari awal hingga akhir.",
            "para pemain",
            "Angel Alfredo Vera",
            id="a role, its organisation, a comma and a name introduce the subject",
        ),
        pytest.param(
            "Suporter kembali berunjuk rasa. Salah seorang suporter, Ahmad Fauzi, mengaku kecewa dengan hasil itu.\n\n"
            '"Saya sudah bilang pelatih itu tidak cocok," ujar koordinator suporter wilayah timur ini, kepada wartawan.',
            "Saya sudah",
            "Ahmad Fauzi",
            id="a demonstrative further on closes a definite description",
        ),
        pytest.param(
            "Persija mendatangkan dua pemain. Pelatih Persija Budi Santoso mengaku puas. "
            "Pemain timnas U-23 Andi Wijaya justru dilepas.\n\n"
            '"Untuk Andi Wijaya, kami tidak pertahankan dia karena saya ingin striker petarung," '
            "kata mantan pelatih timnas U-23 itu.",
            "Untuk Andi",
            "Budi Santoso",
            id="a definite description is never someone the quote names",
        ),
        pytest.param(
            "Pelatih Persija Budi Santoso memimpin latihan pagi itu. Sang pengusaha konstruksi itu mengatakan ia "
            "akan menemui pemain itu untuk menyelesaikan masalah.",
            "menemui",
            "Budi Santoso",
            id="sang and a description before the verb",
        ),
        pytest.param(
            "Pelatih Persija Budi Santoso memimpin latihan pagi itu. Mantan kapten timnas Indonesia itu juga "
            "menyatakan membatalkan niat merekrut pemain asing.",
            "membatalkan",
            "Budi Santoso",
            id="a description with an adverb before the verb",
        ),
        pytest.param(
            "Aktor Budi Santoso hadir di acara itu. "
            "Bintang film laga itu kemudian memastikan hubungannya dengan produser tetap baik-baik saja.",
            "hubungannya",
            "Budi Santoso",
            id="a clause before a demonstrative is no description",
        ),
        pytest.param(
            "Mengutip Presiden, Luhut berujar pemerintah meminta revisi itu dirampungkan bulan depan.",
            "pemerintah",
            "Luhut",
            id="a participle opening the sentence is no part of the subject",
        ),
        pytest.param(
            "Menteri Ketenagakerjaan Hanif Dhakiri membuka festival itu di Jakarta. "
            '"Dengan festival ini, peringatan Hari Buruh bisa dinikmati masyarakat luas," jelas Menaker.',
            "Dengan festival",
            "Hanif Dhakiri",
            id="a minister's abbreviated title alone is the one minister named",
        ),
        pytest.param(
            "Sementara itu penasehat hukum terdakwa Rudi Hartono usai persidangan mengatakan pihaknya masih "
            "pikir-pikir.",
            "pihaknya",
            "Rudi Hartono",
            id="penasehat hukum is a role",
        ),
        pytest.param(
            "Direktur Utama Rudi Hartono mengundurkan diri. "
            '"Secepatnya kita diganti generasi mendatang," kata paparnya, Senin.',
            "Secepatnya",
            "Rudi Hartono",
            id="a second cue with -nya is a -nya cue, not a speaker",
        ),
        pytest.param(
            "Menurut van den Berg, seseorang memilih musik sedih karena ingin merasa dipahami.",
            "seseorang",
            "van den Berg",
            id="a name opening on a particle after menurut",
        ),
        pytest.param(
            "Lembaga filantropi Bantuan Medis Darurat (BMD) melaporkan, sistem kesehatan di kota itu telah lumpuh.",
            "sistem kesehatan",
            "Bantuan Medis Darurat",
            id="an organisation's head and its kind in lower case before its name",
        ),
        pytest.param(
            "Menko Polhukam Rudi Hartono menerima para ulama. "
            "Menko Polhukam juga mengatakan para ulama diminta menyerukan kedamaian kepada umat.",
            "para ulama diminta",
            "Rudi Hartono",
            id="the field of a coordinating minister's office is no name",
        ),
        pytest.param(
            "Pelatih Persija Budi Santoso memimpin latihan pagi itu. "
            '"Saya berharap tim bisa juara musim depan," kata pelatih berumur 51 tahun itu.',
            "Saya berharap",
            "Budi Santoso",
            id="an age inside a definite description",
        ),
        pytest.param(
            "Selepas pertandingan, Rudi dengan tegas mengatakan para pemain yang tidak betah harus segera pergi.",
            "para pemain",
            "Rudi",
            id="a manner adverb with dengan between subject and verb",
        ),
        pytest.param(
            '"Semua kendaraan diarahkan ke timur," ujar Dirjen Hubdat, Rudi Hartono Iskandar, di Jakarta.',
            "Semua kendaraan",
            "Rudi Hartono Iskandar",
            id="dirjen is a role",
        ),
        pytest.param(
            "Yayasan Kemanusiaan Nusantara menjalankan pusat distribusi bantuan. "
            '"Kami tidak mengetahui adanya insiden ini," kata kelompok itu dalam sebuah unggahan.',
            "Kami tidak",
            "Yayasan Kemanusiaan Nusantara",
            id="a definite description of a group is the organisation named last",
        ),
        pytest.param(
            "Kementerian Kesehatan Papua mencatat 40 kasus baru pekan ini. Wabah itu menyebar ke tiga distrik. "
            '"Semua puskesmas diminta siaga penuh selama sebulan," kata kementerian tersebut dalam pernyataannya.',
            "Semua puskesmas",
            "Kementerian Kesehatan Papua",
            id="a definite description is the organisation whose name it opens",
        ),
        pytest.param(
            "Walikota Tegal Hadi Santoso meresmikan gedung sekolah baru di Tegal, Senin. "
            '"Sekolah ini harus menjadi kebanggaan warga," ujar walikota.',
            "Sekolah ini",
            "Hadi Santoso",
            id="walikota is a role",
        ),
        pytest.param(
            "Hakim bertanya soal izin ekspor itu. Lagi-lagi, Gunawan mengatakan tidak tahu siapa yang mengurusnya.",
            "tidak tahu",
            "Gunawan",
            id="a reduplicated adverb before a comma is no name",
        ),
        pytest.param(
            "Pasalnya, Ratna menilai bahwa aturan baru itu memberatkan pedagang kecil.",
            "aturan baru",
            "Ratna",
            id="a -nya adverb before a comma is no name",
        ),
        pytest.param(
            "Jaksa Agung Burhanudin Salim menerima surat dari tersangka. "
            "Jaksa Agung juga menegaskan tidak akan mencampuri proses hukum di lembaga lain.",
            "tidak akan mencampuri",
            "Burhanudin Salim",
            id="jaksa agung is an office, not a person called Agung",
        ),
        pytest.param(
            "Serikat Tani Nusantara menyampaikan usulan tentang harga pupuk kepada panitia. "
            "Dalam rapat itu, Ketua Panitia Agus Wijaya menerima usulan tersebut. "
            "Menurut dia, usulan itu cukup baik untuk dikaji.",
            "usulan itu cukup",
            "Agus Wijaya",
            id="the person who opens a sentence after an organisation spoke is who dia means",
        ),
        pytest.param(
            "Pertemuan itu dihadiri Menteri Dalam Negeri Suharyanto Wibisono dan para bupati. "
            "Mendagri mengatakan, semua daerah sudah menyetujui rencana tersebut.",
            "semua daerah",
            "Suharyanto Wibisono",
            id="a minister's abbreviated title is the person the article gave the full title",
        ),
        pytest.param(
            '"Laporan itu harus segera ditindaklanjuti," kata peneliti ICW Dimas Pratama. '
            "Hendro Susilo diketahui telah melaporkan kasus ini ke kejaksaan sejak Mei. "
            '"Pelapor wajib dilindungi oleh negara," ungkapnya.',
            "Pelapor wajib",
            "Dimas Pratama",
            id="the subject of a passive is talked about, not who a later -nya means",
        ),
        pytest.param(
            "Garuda Indonesia menunda tiga penerbangan ke Bali pada Senin pagi. "
            "Maskapai penerbangan tersebut merilis pernyataan yang mengatakan mereka menunggu cuaca membaik.",
            "mereka menunggu",
            "Garuda Indonesia",
            id="who issued a statement that says something is the organisation described",
        ),
        pytest.param(
            "Jung Min Ho terpilih lagi sebagai anggota parlemen. "
            "Presdir yang lihai berbisnis itu pun menyebutkan karier politik putranya bisa terganggu.",
            "karier politik",
            "Jung Min Ho",
            id="a title before a relative clause is a description, not a name",
        ),
        pytest.param(
            "Belum jelas apa yang memicu kebakaran gudang itu. Kementerian Pertanian Jepang menyebut ada 20 pekerja "
            'di dalamnya. "Semua pekerja berhasil keluar dengan selamat," kata kementerian tersebut, Selasa.',
            "Semua pekerja",
            "Kementerian Pertanian Jepang",
            id="a definite description before an anonymous source is the organisation it names",
        ),
        pytest.param(
            'Direktur Perum Bulog Sari Wulandari meninjau gudang beras. "Stok aman sampai Lebaran," kata Sari. '
            "Pihaknya menambahkan, distribusi ke pasar akan dipercepat pekan depan.",
            "distribusi ke pasar",
            "Sari Wulandari",
            id="pihaknya opening a sentence is the speaker before",
        ),
    ],
)
def test_who_a_phrase_or_a_reference_names(text: str, words: str, name: str) -> None:
    assert _speaker_of(text, words) == name


def test_an_institution_named_by_a_common_noun_speaks_as_an_organisation() -> None:
    a = warta.analyze(
        "Menanggapi laporan itu, militer Israel mengonfirmasi bahwa mereka sedang menyelidiki insiden tersebut."
    )
    sp = a.quotes[0].speaker
    assert sp is not None and sp.name == "militer Israel" and not sp.anonymous


def test_a_one_word_subject_before_a_cue_in_commas_is_part_of_the_statement() -> None:
    a = warta.analyze(
        "Ketua DPR Rudi Hartono hadir. DPR, ia melanjutkan, juga mempersilakan warga mengajukan uji materi."
    )
    assert [a.text[q.start : q.start + 4] for q in a.quotes] == ["DPR,"]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Rudi memandang, putusan itu merupakan amanat undang-undang dasar.", "putusan"),
        ("Kepala Humas Polres Rudi Hartono memerinci keempat pelaku adalah DS, AR, ZF dan MA.", "keempat"),
        ("Polisi setempat mensinyalir seluruh penumpang kapal itu selamat.", "seluruh"),
    ],
)
def test_more_reporting_verbs_of_session_10(sentence: str, start: str) -> None:
    a = warta.analyze(sentence)
    assert [q.text.split()[0] for q in a.quotes] == [start]


def test_memandang_with_a_noun_object_is_no_statement() -> None:
    assert (
        warta.analyze("Kalender ini memandang seluruh bumi sebagai satu zona penetapan awal bulan.").quotes
        == []
    )


def test_an_unprefixed_verb_of_need_is_a_predicate() -> None:
    a = warta.analyze("Namun, ia menilai tim nasional butuh proses yang panjang.")
    assert [a.text[q.start : q.start + 4] for q in a.quotes] == ["tim "]


def test_a_statement_described_after_its_issuer_is_the_issuers() -> None:
    text = (
        "Penyanyi Rudi Hartono membatalkan tur keliling Jawa. Hal itu diketahui dari pernyataan resmi "
        "PT Sinar Harmoni Musik yang menjadi promotor tur tersebut. "
        '"Kami tidak akan melanjutkan penjualan tiket tur itu," demikian pernyataan itu menegaskan.\n'
    )
    assert _speaker_of(text, "penjualan tiket") == "PT Sinar Harmoni Musik"


def test_a_speaker_after_a_leading_phrase_with_no_comma() -> None:
    text = (
        "Komedian Rudi Hartono akhirnya mengakui tuduhan itu. Para penonton itu menuturkan bahwa ia kerap "
        "menghina mereka di panggung.\n"
        'Dalam pernyataannya Rudi menuturkan, "Cerita itu benar."\n'
    )
    assert _speaker_of(text, "Cerita itu benar") == "Rudi Hartono"


def test_sources_described_by_a_relative_clause_stay_unnamed() -> None:
    text = (
        "Juru bicara kelompok itu, Bassam Harun, mengatakan pihaknya menolak usulan tersebut. "
        "Menurut dua sumber yang dekat dengan perundingan tersebut, usulan baru itu mencakup jeda tiga bulan.\n"
    )
    q = _quote(warta.analyze(text), "jeda tiga bulan")
    assert q.speaker is not None and q.speaker.anonymous and q.speaker.name is None


def test_a_description_that_ends_in_its_persons_name() -> None:
    text = (
        "Para ilmuwan meneliti kawah itu. Seorang profesor dari Universitas Gadjah Mada Budi Hartono yang "
        'tidak terlibat dalam riset ini, mengatakan, "Itu hari yang penting bagi sejarah kehidupan."\n'
    )
    assert _speaker_of(text, "hari yang penting") == "Budi Hartono"


def test_someones_aide_stays_unnamed() -> None:
    text = (
        "Presiden Budi Hartono selamat dari serangan itu. "
        '"Saat itu presiden berada di dekat lokasi, namun tidak terluka," kata seorang pembantu Presiden Budi.\n'
    )
    q = _quote(warta.analyze(text), "tidak terluka")
    assert q.speaker is not None and q.speaker.anonymous


def test_a_collective_description_takes_the_organisation_that_spoke() -> None:
    text = (
        'Badai mereda, tetapi Biro Cuaca Nusantara memperingatkan bahaya angin kencang dengan hujan "intens". '
        '"Hujan ini sangat mungkin memicu banjir di daerah yang luas," kata institusi tersebut.\n'
        "Beberapa daerah diguyur hujan lebat selama dua hari, kata biro cuaca itu.\n"
    )
    assert _speaker_of(text, "memicu banjir") == "Biro Cuaca Nusantara"
    assert _speaker_of(text, "hujan lebat") == "Biro Cuaca Nusantara"


def test_an_abbreviated_directors_title_is_its_holder() -> None:
    text = (
        "Direktur Utama PT SLN Budi Hartono menyerahkan beasiswa kepada 200 pelajar. "
        "Dirut SLN menyampaikan bahwa program itu merupakan bentuk kepedulian perusahaan.\n"
    )
    assert _speaker_of(text, "bentuk kepedulian") == "Budi Hartono"


def test_a_description_after_the_cue_stands_for_the_statements_subject() -> None:
    text = (
        "Petenis Maria Sharapova kalah pekan lalu. Pelatihnya, Budi Hartono, kecewa. "
        "Sharapova mundur dari turnamen Cincinnati akibat cedera lengan, kata mantan juara itu pada Minggu.\n"
    )
    assert _speaker_of(text, "mundur dari turnamen") == "Maria Sharapova"


def test_a_verb_missing_from_the_cue_list_after_a_quote_and_a_known_name() -> None:
    text = (
        "Anggota Komisi XI Dedi Pratama mempertanyakan anggaran itu. Menteri Sri Wahyuni hadir. "
        '"Ini belum dijelaskan kepada kami," tuntut Dedi.\n'
    )
    assert _speaker_of(text, "belum dijelaskan") == "Dedi Pratama"


def test_a_nya_word_after_a_quote_that_ends_in_a_comma_is_a_cue() -> None:
    a = warta.analyze(
        'Penyanyi Rina Lestari menjaga pola makan. "Kadang aku makan mi instan," bocornya. Ia tertawa.'
    )
    q = _quote(a, "mi instan")
    assert q.cue is not None and q.cue.text == "bocornya"
    assert q.speaker is not None and q.speaker.name == "Rina Lestari"


@pytest.mark.parametrize(
    "text",
    [
        '"Tidak ada baju murah lagi?" perempuan AS itu bertanya dalam video.',
        '"Kapal Nusantara," sebuah nama yang dipilih Budi Santoso.',
        '"Kita lihat nanti," sehingga Budi Santoso pulang.',
    ],
)
def test_no_unlisted_cue_without_a_known_name(text: str) -> None:
    a = warta.analyze(text)
    assert all(q.cue is None or q.cue.text not in ("perempuan", "sebuah", "sehingga") for q in a.quotes)


def test_the_agent_of_a_passive_cue_is_who_a_later_pronoun_means() -> None:
    text = (
        '"Saya sudah antre sejak pagi, tapi tidak kebagian," ujar Rudi (35) warga Cileungsi.\n\n'
        "Hal senada diungkapkan Dodi Saputra (25) warga Ciawi. Ia mengaku kecewa penjualan tiket dibatasi.\n"
    )
    assert _speaker_of(text, "penjualan tiket") == "Dodi Saputra"


def test_the_agent_in_a_relative_clause_is_no_subject() -> None:
    text = (
        "Hakim Jootje Santoso membacakan poin keberatan yang disampaikan Ahmad Basuki dalam permohonan itu. "
        "Namun, menurutnya, terdapat fakta yang bertentangan dalam putusan terdahulu.\n"
    )
    assert _speaker_of(text, "fakta yang bertentangan") == "Jootje Santoso"


def test_a_role_word_left_where_a_scrape_lost_the_name_is_no_name() -> None:
    text = "Konser itu ramai.,Pelantun,ini mengutarakan bahwa ia akan tampil lagi tahun depan."
    q = _quote(warta.analyze(text), "tampil lagi")
    assert q.speaker is None or q.speaker.name != "Pelantun"


@pytest.mark.parametrize("noun", ["pengakuan", "penuturan", "penjelasan", "kesaksian"])
def test_menurut_and_a_statement_noun_before_a_name(noun: str) -> None:
    text = f"Budi Santoso hadir di balai kota. Menurut {noun} Budi, kunjungannya hanyalah pertemuan biasa."
    assert _speaker_of(text, "pertemuan biasa") in ("Budi", "Budi Santoso")


def test_a_name_set_off_after_its_role_holds_it_whatever_the_tagger_found_in_the_role() -> None:
    text = (
        "Menteri Kehakiman Turki, Yilmaz Tunc, sebelumnya mengatakan bahwa kartun itu merupakan penghinaan."
    )
    assert _speaker_of(text, "kartun itu") == "Yilmaz Tunc"


def test_a_role_after_a_name_and_a_comma_leaves_the_name() -> None:
    text = '"Krisis ini sudah darurat," kata Imam Malik Mujahid, Kepala Gugus Tugas Burma yang hadir di sidang itu.'
    assert _speaker_of(text, "sudah darurat") in ("Imam Malik Mujahid", "Malik Mujahid")


def test_a_described_organisation_is_the_one_introduced_with_that_noun() -> None:
    text = (
        "Seorang kartunis yang bekerja untuk majalah satir Leman ditahan polisi. "
        "Menteri Budi Santoso mengecam karikatur itu. "
        '"Kartun itu tidak dibuat untuk mengejek agama," kata majalah itu.\n'
    )
    assert _speaker_of(text, "mengejek agama") == "Leman"


def test_a_nya_cue_skips_a_body_that_spoke_by_its_one_word_name() -> None:
    text = (
        "Direktur Penempatan Tenaga Kerja Sunardi Hutapea menilai job fair harus tertib. "
        '"Penyelenggaraannya harus dirancang secara baik," ujarnya. '
        "Kemnaker mencatat bahwa angkatan kerja Indonesia terus bertambah setiap tahunnya. "
        '"Pertumbuhan ini disumbang oleh lulusan baru," tuturnya.\n'
    )
    a = warta.analyze(text)
    assert any(e.name == "Kemnaker" and e.label == "ORG" for e in a.entities)
    q = _quote(a, "lulusan baru")
    assert q.speaker is not None and q.speaker.name == "Sunardi Hutapea"


def test_a_word_before_the_speaker_after_a_quote_leaves_the_verb_as_the_cue() -> None:
    a = warta.analyze(
        'Wali Kota Rina Wulandari menelepon warga. "Bagaimana kondisinya sekarang," begitu Rina menyapa seorang warga.'
    )
    q = _quote(a, "kondisinya sekarang")
    assert q.cue is not None and q.cue.text == "menyapa"
    assert q.speaker is not None and q.speaker.name == "Rina Wulandari"


def test_an_unnamed_description_with_ini_is_the_person_just_named() -> None:
    text = (
        '"Kami senang usaha kuliner ini ramai," ujar Karim, warga RT 13 Kelurahan Pasar Manggis.\n\n'
        "Warga asli Jakarta ini menuturkan, sebelumnya jalan itu disesaki pedagang kaki lima.\n"
    )
    assert _speaker_of(text, "disesaki pedagang") == "Karim"


def test_a_time_adjunct_with_per_is_no_part_of_the_subject() -> None:
    text = "Per Juni 2025, Bank Dunia mencatat ada 838 juta orang yang hidup di bawah garis kemiskinan."
    assert _speaker_of(text, "838 juta") == "Bank Dunia"


def test_keduanya_is_a_pronoun_not_a_name() -> None:
    a = warta.analyze(
        "Dua tersangka ditangkap polisi. Keduanya mengaku sabu itu dibeli dari seorang bandar di Surabaya."
    )
    assert all(q.speaker is None or q.speaker.name != "Keduanya" for q in a.quotes)


def test_an_epithet_with_sang_is_the_person_named_before() -> None:
    text = (
        "Menteri Keuangan Sri Wahyuni ditanya soal blokir anggaran. Ia mengatakan blokir itu sudah dibuka. "
        "Sang Bendahara mengakui dirinya sudah membuka blokir anggaran tersebut.\n"
    )
    assert _speaker_of(text, "membuka blokir") == "Sri Wahyuni"


def test_toh_opens_the_sentence_before_its_subject() -> None:
    text = "Pemerintah berencana mengimpor gas. Toh, Anggota Komisi VII DPR Rofi Munawar menyebut bahwa pasokan gas dalam negeri masih cukup."
    assert _speaker_of(text, "pasokan gas") == "Rofi Munawar"


@pytest.mark.parametrize("verb", ["berhasil ditemukan", "akan dipanggil", "sudah dibebaskan"])
def test_the_subject_of_a_passive_after_an_auxiliary_does_not_take_the_nya(verb: str) -> None:
    text = (
        '"Kami terus mencari di sekitar sungai," ucap Kapolsek Tanah Merah Iptu Dodi Saputra.\n\n'
        f'Rangga Wijaya {verb} Sabtu kemarin. "Kondisinya baik dan sehat," tuturnya.'
    )
    assert _speaker_of(text, "Kondisinya baik") == "Dodi Saputra"
