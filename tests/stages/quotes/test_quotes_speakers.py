from __future__ import annotations

import pytest

from warta.stages.quotes.speakers import parse_after, parse_before


def _parts(text: str, start: int) -> tuple[str | None, list[str], list[str]]:
    p = parse_after(text, start)
    assert p is not None
    name = text[p.name[0] : p.name[1]] if p.name else None
    return name, [text[s:e] for s, e in p.roles], [text[s:e] for s, e in p.affiliations]


@pytest.mark.parametrize(
    ("phrase", "name", "roles", "affiliations"),
    [
        ("Ketua KPU Papua Theodorus Kossay, Senin.", "Theodorus Kossay", ["Ketua"], ["KPU Papua"]),
        ("Menteri Sosial Juliari P Batubara.", "Juliari P Batubara", ["Menteri Sosial"], []),
        (
            "Kepala Bidang Humas Polda Metro Jaya Komisaris Besar Yusri Yunus di Jakarta.",
            "Komisaris Besar Yusri Yunus",
            ["Kepala Bidang Humas"],
            ["Polda Metro Jaya"],
        ),
        (
            "juru bicara Satgas Covid-19 Kota Bogor, Dedie Rachim, Rabu.",
            "Dedie Rachim",
            ["juru bicara"],
            ["Satgas Covid-19 Kota Bogor"],
        ),
        ("Ani Lestari, peneliti senior, saat dihubungi.", "Ani Lestari", ["peneliti senior"], []),
    ],
)
def test_speaker_phrase_after_cue(phrase: str, name: str, roles: list[str], affiliations: list[str]) -> None:
    assert _parts(phrase, 0) == (name, roles, affiliations)


def test_short_name_known_in_article_marks_the_name() -> None:
    text = "Ketua DPRD Kota Balikpapan Abdulloh."
    p = parse_after(text, 0, known={"Abdulloh"})
    assert p is not None and p.name is not None
    assert text[p.name[0] : p.name[1]] == "Abdulloh"


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("dia.", "pronoun"),
        ("seorang pejabat AS yang hadir", "anonymous"),
        ("pernyataan itu.", "statement"),
        ("Presiden di Istana", "role"),
    ],
)
def test_speaker_kinds(phrase: str, kind: str) -> None:
    p = parse_after(phrase, 0)
    assert p is not None and p.kind == kind


def test_anonymous_keeps_description() -> None:
    text = "kata seorang pejabat AS yang enggan disebut namanya."
    p = parse_after(text, 5)
    assert p is not None and text[p.start : p.end] == "seorang pejabat AS"


def test_subject_before_verb_skips_lead_and_adverb() -> None:
    text = "Sementara itu, Gubernur Banten Wahidin Halim juga mengatakan"
    p = parse_before(text, 0, text.index(" mengatakan"))
    assert p is not None and p.name is not None
    assert text[p.name[0] : p.name[1]] == "Wahidin Halim"


def test_organisation_as_speaker() -> None:
    text = "Istana Elysee mengatakan"
    p = parse_before(text, 0, text.index(" mengatakan"))
    assert p is not None and p.kind == "org"


@pytest.mark.parametrize(
    ("phrase", "name", "roles", "affiliations"),
    [
        # An office inside an organisation: the unit goes with the role.
        (
            "Kepala Biro Hukum Kementerian Pertanian Sari Utami, Senin.",
            "Sari Utami",
            ["Kepala Biro Hukum"],
            ["Kementerian Pertanian"],
        ),
        (
            "Kepala Seksi Operasi Polres Kudus Agus Salim.",
            "Agus Salim",
            ["Kepala Seksi Operasi"],
            ["Polres Kudus"],
        ),
        # "dan" continues an organisation's name.
        (
            "Sekretaris Kementerian Pemuda dan Olahraga Rina Dewi.",
            "Rina Dewi",
            ["Sekretaris"],
            ["Kementerian Pemuda dan Olahraga"],
        ),
        # A body's level ends the body; the organisation follows.
        (
            "Ketua Dewan Pimpinan Daerah Federasi Nelayan Jepara Umar Said.",
            "Umar Said",
            ["Ketua Dewan Pimpinan Daerah"],
            ["Federasi Nelayan Jepara"],
        ),
        # A preposition between role and organisation belongs to neither.
        (
            "pengamat ekonomi dari Universitas Brawijaya, Dodi Hermawan, Kamis.",
            "Dodi Hermawan",
            ["pengamat ekonomi"],
            ["Universitas Brawijaya"],
        ),
        # Short forms of ministries are organisations.
        (
            "Direktur Jenderal Bea Cukai Kemenkeu Hadi Santoso.",
            "Hadi Santoso",
            ["Direktur Jenderal Bea Cukai"],
            ["Kemenkeu"],
        ),
    ],
)
def test_role_and_affiliation_split(
    phrase: str, name: str, roles: list[str], affiliations: list[str]
) -> None:
    assert _parts(phrase, 0) == (name, roles, affiliations)


def test_a_short_rank_stays_with_a_short_name() -> None:
    assert _parts("Komjen Darto, Selasa.", 0) == ("Komjen Darto", [], [])


def test_a_place_between_organisation_and_name_is_neither() -> None:
    phrase = "dosen hukum dari Universitas Tadulako, Palu, Sri Wahyuni, Senin."
    assert _parts(phrase, 0) == ("Sri Wahyuni", ["dosen hukum"], ["Universitas Tadulako"])


def test_english_connectors_stay_inside_an_organisation() -> None:
    phrase = "Direktur Riset Institute on Energy Policy Andi Saputra mengatakan"
    assert _parts(phrase, 0) == ("Andi Saputra", ["Direktur Riset"], ["Institute on Energy Policy"])


@pytest.mark.parametrize(
    ("phrase", "name", "roles", "affiliations"),
    [
        # A role abbreviation is no organisation.
        ("CEO Warungku Dimas Pratama dalam jumpa pers.", "Dimas Pratama", ["CEO"], ["Warungku"]),
        # A party's central board is part of the role; the party is the affiliation.
        (
            "Ketua DPP Partai Harapan Rakyat Yusuf Hamid.",
            "Yusuf Hamid",
            ["Ketua DPP"],
            ["Partai Harapan Rakyat"],
        ),
        # A minister's title names the ministry.
        (
            "Menteri Badan Usaha Milik Negara Hendra Wijaya.",
            "Hendra Wijaya",
            ["Menteri Badan Usaha Milik Negara"],
            [],
        ),
        # A name first, then the role, then a place.
        ("Rudi, Direktur RSUD Bahagia, Kendari, Selasa.", "Rudi", ["Direktur"], ["RSUD Bahagia"]),
        # Words that open names keep a three-word name whole.
        (
            "Kepala BPS Provinsi Jambi Muhammad Rizal Fauzi, Senin.",
            "Muhammad Rizal Fauzi",
            ["Kepala"],
            ["BPS Provinsi Jambi"],
        ),
    ],
)
def test_role_and_affiliation_more(phrase: str, name: str, roles: list[str], affiliations: list[str]) -> None:
    assert _parts(phrase, 0) == (name, roles, affiliations)


def test_a_dateline_is_not_part_of_the_subject() -> None:
    text = "PALU, KOMPAS — Gubernur Sulteng Anwar Hadi mengatakan"
    p = parse_before(text, 0, text.index(" mengatakan"))
    assert p is not None and p.name is not None
    assert text[p.start : p.end] == "Gubernur Sulteng Anwar Hadi"


@pytest.mark.parametrize(
    ("phrase", "name", "roles", "affiliations"),
    [
        (
            "Chief Operating Officer Kopiku Lina Marlina, Rabu.",
            "Lina Marlina",
            ["Chief Operating Officer"],
            ["Kopiku"],
        ),
        (
            "Ketua Paguyuban Nelayan Teluk Ambon Hasan Latif, Senin.",
            "Hasan Latif",
            ["Ketua"],
            ["Paguyuban Nelayan Teluk Ambon"],
        ),
        (
            "Vice President of Sales Tokoku Budi Hartono, Senin.",
            "Budi Hartono",
            ["Vice President of Sales"],
            ["Tokoku"],
        ),
        # An office named in full stays one role.
        (
            "Direktur Jenderal Perikanan Tangkap Rudi Salim, Senin.",
            "Rudi Salim",
            ["Direktur Jenderal Perikanan Tangkap"],
            [],
        ),
    ],
)
def test_titles_that_head_an_unmarked_organisation(
    phrase: str, name: str, roles: list[str], affiliations: list[str]
) -> None:
    assert _parts(phrase, 0) == (name, roles, affiliations)


def test_a_title_with_a_field_ends_before_the_organisation() -> None:
    phrase = "Head of Corporate Affairs and Communications Warungku Sinta Dewi, Senin."
    assert _parts(phrase, 0) == ("Sinta Dewi", ["Head of Corporate Affairs and Communications"], ["Warungku"])


def test_a_roman_numeral_is_no_organisation() -> None:
    phrase = "Wakil Ketua Komisi VII DPR Rudi Hartawan, Kamis."
    assert _parts(phrase, 0) == ("Rudi Hartawan", ["Wakil Ketua Komisi VII"], ["DPR"])


@pytest.mark.parametrize(
    ("phrase", "name", "roles", "affiliations"),
    [
        (
            "Kepala Dinas Kelautan, Perikanan, dan Peternakan Kota Bitung Yusuf Amir, Senin.",
            "Yusuf Amir",
            ["Kepala"],
            ["Dinas Kelautan, Perikanan, dan Peternakan Kota Bitung"],
        ),
        (
            "Menteri Pariwisata, Seni, dan Budaya Ratna Sari, Selasa.",
            "Ratna Sari",
            ["Menteri Pariwisata, Seni, dan Budaya"],
            [],
        ),
    ],
)
def test_listed_fields_stay_in_one_name(
    phrase: str, name: str, roles: list[str], affiliations: list[str]
) -> None:
    assert _parts(phrase, 0) == (name, roles, affiliations)


def test_listed_fields_before_a_reporting_verb() -> None:
    text = "Kepala Biro Hukum, Humas, dan Protokol Pemprov Jambi Dani Saputra mengatakan"
    p = parse_before(text, 0, text.index(" mengatakan"))
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Dani Saputra"
    assert [text[s:e] for s, e in p.roles] == ["Kepala Biro Hukum, Humas, dan Protokol"]


def test_a_list_of_people_keeps_the_first() -> None:
    text = "Bupati Bantul Rudi Hartono, Wali Kota Yogyakarta Ani Lestari, dan Kepala Dinas Pariwisata Budi Santoso."
    p = parse_after(text, 0)
    assert p is not None and p.name is not None
    assert text[p.name[0] : p.name[1]] == "Rudi Hartono"
    assert [text[s:e] for s, e in p.roles] == ["Bupati Bantul"]
    assert text[p.start : p.end] == "Bupati Bantul Rudi Hartono"


def test_a_sentence_opener_before_a_known_name_is_no_role() -> None:
    text = "Bagi Rahmat, pasar itu sudah sepi."
    p = parse_after(text, 0, known={"Rahmat"})
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Rahmat"
    assert p.roles == []


def test_a_short_ministerial_title_is_a_role() -> None:
    assert _parts("Mensos Budiman, Senin.", 0) == ("Budiman", ["Mensos"], [])


def test_selaku_opens_an_apposition() -> None:
    assert _parts("Rina Sari selaku Ketua Koperasi Tani Makmur, Senin.", 0) == (
        "Rina Sari",
        ["Ketua"],
        ["Koperasi Tani Makmur"],
    )
    text = "Rina Sari selaku Ketua Koperasi Tani Makmur mengatakan"
    p = parse_before(text, 0, text.index(" mengatakan"))
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Rina Sari"


@pytest.mark.parametrize(
    ("phrase", "name", "roles", "affiliations"),
    [
        (
            "Kepala Perwakilan Komnas HAM Sulawesi Tengah Rudi Lapu, Senin.",
            "Rudi Lapu",
            ["Kepala Perwakilan"],
            ["Komnas HAM Sulawesi Tengah"],
        ),
        (
            "Kepala Ombudsman RI Perwakilan Bali Made Arta, Senin.",
            "Made Arta",
            ["Kepala"],
            ["Ombudsman RI Perwakilan Bali"],
        ),
        (
            "Direktur Eksekutif Institute for Fiscal Studies Nusantara Anton Wijaya, Senin.",
            "Anton Wijaya",
            ["Direktur Eksekutif"],
            ["Institute for Fiscal Studies Nusantara"],
        ),
        (
            "Direktur Eksekutif Pusat Kajian Pangan Darmawan Putra, Senin.",
            "Darmawan Putra",
            ["Direktur Eksekutif"],
            ["Pusat Kajian Pangan"],
        ),
        ("Rektor Unmul Hendra Kusuma, Senin.", "Hendra Kusuma", ["Rektor"], ["Unmul"]),
    ],
)
def test_branches_and_unmarked_organisations(
    phrase: str, name: str, roles: list[str], affiliations: list[str]
) -> None:
    assert _parts(phrase, 0) == (name, roles, affiliations)


def test_a_dated_citation_in_brackets_is_no_part_of_the_speaker() -> None:
    text = "kata Gubernur ( Warta Kota , 3 / 5 / 2021 ) ."
    p = parse_after(text, 5)
    assert p is not None and text[p.start : p.end] == "Gubernur"


def test_pusat_after_a_place_is_part_of_the_place() -> None:
    assert _parts("Kapolres Metro Jakarta Pusat Kombes Andi Wijaya, Senin.", 0) == (
        "Kombes Andi Wijaya",
        ["Kapolres Metro Jakarta Pusat"],
        [],
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The reporting verb sits in a subordinate clause with a subject of its own.
        ("Warga kecewa ketika Bupati Agus mengatakan", "Bupati Agus"),
        ("Rina pun terkejut saat Dimas mengatakan", "Dimas"),
        ("Hal itu disampaikan setelah kelompok Hamas mengatakan", "kelompok Hamas"),
        # A clause with no subject of its own leaves the main clause's subject speaking.
        ("Budi saat ditemui wartawan mengatakan", "Budi"),
        ("Budi, ketika ditemui di kantornya, mengatakan", "Budi"),
    ],
)
def test_the_subject_of_a_subordinate_clause_speaks(text: str, speaker: str) -> None:
    p = parse_before(text, 0, text.rindex(" "))
    assert p is not None and text[p.start : p.end] == speaker


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # Initials with their full stops are part of the name.
        ("B.J. Habibie di Jakarta.", "B.J. Habibie"),
        ("Direktur Utama Telkom, Alex J. Sinaga, kepada wartawan.", "Alex J. Sinaga"),
        # A rank before a place is an office's title ("the police commissioner of the city"),
        # and the name follows it.
        ("Komisaris Polisi Kota Medan, Komisaris R.T. Sinaga, kepada wartawan.", "R.T. Sinaga"),
    ],
)
def test_names_with_initials_and_ranks(phrase: str, name: str) -> None:
    assert _parts(phrase, 0)[0] == name


def test_a_party_name_is_no_person() -> None:
    text = "Politis Partai Gerindra menambahkan"
    p = parse_before(text, 0, text.rindex(" "))
    assert p is not None and p.name is None


def test_sebut_saja_names_no_speaker() -> None:
    assert parse_after("sebut saja si O. Laki-laki ini datang lagi.", 6) is None


@pytest.mark.parametrize("text", ["Sumber Hamas mengatakan", "Pejabat Israel mengatakan"])
def test_a_capitalised_unnamed_source_opening_a_sentence(text: str) -> None:
    p = parse_before(text, 0, text.rindex(" "))
    assert p is not None and p.kind == "anonymous" and p.name is None


def test_a_description_with_a_short_form_in_brackets() -> None:
    text = "Saat itu, alumnus Magister Manajemen (MM) UGM ini mengabarkan"
    p = parse_before(text, 0, text.rindex(" "))
    assert p is not None and p.kind == "role" and p.definite


def test_a_role_phrase_before_an_adjunct_after_a_stray_lead() -> None:
    text = "Pelaksanaan tugas Gubernur Riau Hendra Lubis di Pekanbaru, Selasa, menyebutkan"
    p = parse_before(text, 0, text.rindex(" "))
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Hendra Lubis"


@pytest.mark.parametrize("mark", ["'", '"'])
def test_a_nickname_in_quote_marks_stays_inside_the_name(mark: str) -> None:
    text = f"Wali Kota Makassar Munafri {mark}Appi{mark} Arifuddin"
    p = parse_before(text, 0, len(text), known=set())
    assert p is not None and p.name is not None
    assert text[p.name[0] : p.name[1]] == f"Munafri {mark}Appi{mark} Arifuddin"
    assert [text[a:b] for a, b in p.roles] == ["Wali Kota Makassar"]


@pytest.mark.parametrize(
    ("phrase", "rest"),
    [
        ("Pasalnya artis berusia 37 tahun tersebut", "artis berusia 37 tahun tersebut"),
        ("Nyatanya Agnes", "Agnes"),
    ],
)
def test_a_nya_adverb_opening_the_sentence_without_a_comma_is_no_part_of_the_subject(
    phrase: str, rest: str
) -> None:
    p = parse_before(phrase, 0, len(phrase), known=set())
    assert p is not None and phrase[p.start : p.end] == rest


def test_a_role_of_a_body_after_dari_then_the_name_after_a_comma() -> None:
    t = "anggota Komisi III dari PPP, Arsul Sani di Kompleks Parlemen."
    p = parse_after(t, 0, known=set())
    assert p is not None and p.name is not None and t[p.name[0] : p.name[1]] == "Arsul Sani"
    assert [t[a:b] for a, b in p.affiliations] == ["PPP"]


@pytest.mark.parametrize("phrase", ["Sang Bendahara", "sang pelatih", "Namun, Sang Bendahara juga"])
def test_sang_makes_an_epithet(phrase: str) -> None:
    p = parse_before(phrase, 0, len(phrase), known={"Sang", "Bendahara"})
    assert p is not None and p.kind == "role" and p.definite and p.name is None


@pytest.mark.parametrize(
    "text",
    [
        '"Stok aman," kata Ajudan Sadewo, Kompol Raka Pradipta, kepada wartawan.',
        '"Stok aman," kata Istri Sadewo, Laras Wening, kepada wartawan.',
    ],
)
def test_a_capitalised_relation_before_a_comma_is_no_name(text: str) -> None:
    p = parse_after(text, text.index("kata") + 5, known=set())
    assert p is not None and p.name is not None
    assert text[p.name[0] : p.name[1]].endswith(("Raka Pradipta", "Laras Wening"))


def test_the_place_of_a_post_stays_inside_the_role() -> None:
    t = "Dubes RI di Seoul Wira Adikusuma"
    p = parse_before(t, 0, len(t), known=set())
    assert p is not None and p.name is not None and t[p.name[0] : p.name[1]] == "Wira Adikusuma"
    # A name before "di" ends the run: the place is where the person spoke.
    t = "Menko Sadewo di Bandung"
    p = parse_before(t, 0, len(t), known=set())
    assert p is not None and p.name is not None and t[p.name[0] : p.name[1]] == "Sadewo"


@pytest.mark.parametrize("opening", ["Teranyar", "Alhasil", "Konon"])
def test_a_word_the_news_opens_sentences_with_is_no_name(opening: str) -> None:
    t = f"{opening}, Wira"
    p = parse_before(t, 0, len(t), known=set())
    assert p is not None and p.name is not None and t[p.name[0] : p.name[1]] == "Wira"
