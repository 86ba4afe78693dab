"""Tagged spans that ran past the name: brackets, slashes, dashes, trailing and inner lower-case words."""

from __future__ import annotations

import pytest
from entityhelpers import article, tag

from warta.article import EntityLabel
from warta.stages.entities import EntityStep, bracketed_names, load_resources, name_forms, tidy_mention


def tidied(text: str, surface: str, label: EntityLabel) -> list[tuple[str, str]]:
    (m,) = tag(text, [(surface, label)])
    return [(x.text, x.label) for x in tidy_mention(text, m, load_resources())]


def entities(text: str, tagged: list[tuple[str, EntityLabel]]) -> list[tuple[str, str, list[str]]]:
    a = EntityStep()(article(text, tagged))
    return [(e.name, e.label, [a.mentions[j].text for j in e.mentions]) for e in a.entities]


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        (
            "Badan Cuaca Nasional (BCN) memperingatkan warga.",
            "Badan Cuaca Nasional (BCN",
            "ORG",
            [("Badan Cuaca Nasional", "ORG"), ("BCN", "ORG")],
        ),
        (
            "Badan Cuaca Nasional (BCN) memperingatkan warga.",
            "Badan Cuaca Nasional (BCN)",
            "ORG",
            [("Badan Cuaca Nasional", "ORG"), ("BCN", "ORG")],
        ),
        # the tail of a bracket opened before the span
        (
            "Pasien dirujuk ke Rumah Sakit Umum Daerah (RSUD) dr Hasan Kota Baru.",
            "RSUD) dr Hasan Kota Baru",
            "LOC",
            [("dr Hasan Kota Baru", "LOC")],
        ),
        # a long name and its acronym after a slash
        (
            "Lembaga Sensor Nasional/LSN menolak film itu.",
            "Lembaga Sensor Nasional/LSN",
            "ORG",
            [("Lembaga Sensor Nasional", "ORG"), ("LSN", "ORG")],
        ),
        # a company's legal form in brackets is no name of its own
        (
            "Saham PT Kapal Laut Nusantara (Persero) naik.",
            "PT Kapal Laut Nusantara (Persero",
            "ORG",
            [("PT Kapal Laut Nusantara", "ORG")],
        ),
        # lower-case words after the name
        (
            "Karyawan PT Sinar Terang selalu lembur.",
            "PT Sinar Terang selalu",
            "ORG",
            [("PT Sinar Terang", "ORG")],
        ),
        (
            "Ia dirawat di RS Kasih Ibu sejak 3 hari lalu.",
            "RS Kasih Ibu sejak 3",
            "LOC",
            [("RS Kasih Ibu", "LOC")],
        ),
        # a dash glued to a word opens a clause
        (
            "Lokasi Uji Gurun Merah—tempat uji coba rudal itu.",
            "Lokasi Uji Gurun Merah—tempat",
            "LOC",
            [("Lokasi Uji Gurun Merah", "LOC")],
        ),
        # a person span run across a verb into a second name
        (
            "Unggahan itu menyebut Budi Hartono menemui Rina Susanti di Solo.",
            "Budi Hartono menemui Rina Susanti",
            "PER",
            [("Budi Hartono", "PER"), ("Rina Susanti", "PER")],
        ),
        # ... and a single capitalised word after it is no second name (often a place)
        (
            "Hal itu dikatakan Konsul Dewi Lestari si Kairo.",
            "Dewi Lestari si Kairo",
            "PER",
            [("Dewi Lestari", "PER")],
        ),
    ],
)
def test_spans_cut_back_to_names(
    text: str, surface: str, label: EntityLabel, expected: list[tuple[str, str]]
) -> None:
    assert tidied(text, surface, label) == expected


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Mohammed bin Salman menerima tamu.", "Mohammed bin Salman", "PER"),
        ("Lukisan Leonardo da Vinci dipamerkan.", "Leonardo da Vinci", "PER"),
        (
            "Pondok Pesantren (Ponpes) Nurul Huda menggelar doa.",
            "Pondok Pesantren (Ponpes) Nurul Huda",
            "LOC",
        ),
        ("Siswa SMK Negeri 4 juara lomba.", "SMK Negeri 4", "ORG"),
        ("Banjir melanda Jawa barat bagian selatan.", "Jawa barat", "LOC"),  # a place word, badly cased
        (
            "Ketua Badan Meteorologi, Klimatologi, dan Geofisika hadir.",
            "Badan Meteorologi, Klimatologi, dan Geofisika",
            "ORG",
        ),
    ],
)
def test_names_left_whole(text: str, surface: str, label: EntityLabel) -> None:
    assert tidied(text, surface, label) == [(surface, label)]


def test_bracketed_acronym_becomes_an_alias() -> None:
    text = "Lembaga Sensor Nasional (LSN) menolak film itu. LSN juga menegur stasiun televisi."
    got = entities(text, [("Lembaga Sensor Nasional (LSN", "ORG"), ("LSN", "ORG")])
    assert got == [("Lembaga Sensor Nasional", "ORG", ["Lembaga Sensor Nasional", "LSN", "LSN"])]


def test_bracketed_acronym_of_only_the_end_of_a_name_stays_apart() -> None:
    # the short form spells only the end of the name: another body
    text = "Sayap Persatuan Tani Nasional (PTN) menggelar rapat. PTN lalu bubar."
    got = entities(text, [("Sayap Persatuan Tani Nasional", "ORG"), ("PTN", "ORG"), ("PTN", "ORG")])
    assert [g[0] for g in got] == ["Sayap Persatuan Tani Nasional", "PTN"]


def test_a_persons_nickname_in_brackets_joins_the_person() -> None:
    text = "Gubernur Bambang Wicaksono (Bamwi) meninjau pasar. Bamwi lalu menemui pedagang."
    got = entities(text, [("Bambang Wicaksono (Bamwi", "PER"), ("Bamwi", "PER")])
    assert got == [("Bambang Wicaksono", "PER", ["Bambang Wicaksono", "Bamwi", "Bamwi"])]


def test_a_persons_initials_in_brackets_join_the_person() -> None:
    text = "Mantan presiden Hadi Surya Pratama (HSP) hadir. HSP tersenyum."
    got = entities(text, [("Hadi Surya Pratama", "PER"), ("HSP", "PER"), ("HSP", "PER")])
    assert got == [("Hadi Surya Pratama", "PER", ["Hadi Surya Pratama", "HSP", "HSP"])]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        # an actor after the character they play: two people
        (
            "Tokoh Rangga Putra (Dimas Aditya) jatuh cinta.",
            [("Rangga Putra", "PER"), ("Dimas Aditya", "PER")],
        ),
        ("Tokoh Rangga Putra (Dimas) jatuh cinta.", [("Rangga Putra", "PER"), ("Dimas", "PER")]),
        # a party in brackets is tagged as such
        (
            "Anggota dewan Sri Handayani (Partai Maju) menolak.",
            [("Sri Handayani", "PER"), ("Partai Maju", "ORG")],
        ),
    ],
)
def test_other_names_in_brackets_stay_apart(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    ms = tag(text, tagged)
    assert bracketed_names(text, ms, name_forms(text, ms, resources=load_resources())) == []
    assert len(entities(text, tagged)) == 2


def test_two_people_in_one_span_are_not_merged() -> None:
    text = (
        "Video itu berjudul Budi Hartono menemui Rina Susanti. Budi Hartono membantah. "
        "Rina Susanti juga membantah."
    )
    got = entities(
        text, [("Budi Hartono menemui Rina Susanti", "PER"), ("Budi Hartono", "PER"), ("Rina Susanti", "PER")]
    )
    assert [(name, len(ms)) for name, _, ms in got] == [("Budi Hartono", 2), ("Rina Susanti", 2)]


def test_a_school_in_brackets_after_a_person_is_no_person() -> None:
    text = "Medali emas diraih Rudi Hartanto (SMA Bina Bangsa 2) dari Jakarta."
    assert tidied(text, "Rudi Hartanto (SMA Bina Bangsa 2", "PER") == [("Rudi Hartanto", "PER")]


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ('"Dokumen itu sah," papar Wira di Bandung.', '" papar Wira', "PER", [("Wira", "PER")]),
        (
            "Harga naik, kata Wira Adikusuma kemarin.",
            "kata Wira Adikusuma",
            "PER",
            [("Wira Adikusuma", "PER")],
        ),
        # a name particle or a role word may open a name in lower case
        ("Lukisan itu milik van Dijk.", "van Dijk", "PER", [("van Dijk", "PER")]),
    ],
)
def test_dictionary_words_before_a_name_go(
    text: str, surface: str, label: EntityLabel, expected: list
) -> None:
    assert tidied(text, surface, label) == expected


def test_a_citing_verb_opening_the_span_goes_whatever_its_case() -> None:
    text = "Diberitakan Kantor Berita Nusa, Minggu, surat kabar itu memuat pidato panjang."
    assert tidied(text, "Diberitakan Kantor Berita Nusa", "ORG") == [("Kantor Berita Nusa", "ORG")]
