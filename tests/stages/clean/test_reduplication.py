from __future__ import annotations

import pytest

from warta.stages.clean.reduplication import find_reduplications, reduplicated_form


def repaired(text: str) -> list[str]:
    return [f.after for f in find_reduplications(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warga benar benar kecewa.", ["benar-benar"]),
        ("Para petani sama sama menunggu hujan.", ["sama-sama"]),
        ("Harga pangan di negara negara tetangga naik.", ["negara-negara"]),
        ("Polisi meminta warga bertindak dengan kehati hatian.", ["kehati-hatian"]),
        ("Anak anak bermain di lapangan.", ["Anak-anak"]),
        ("Ia berjalan mondar mandir di depan gedung.", ["mondar-mandir"]),
        ("Mereka saling tolong menolong saat banjir.", ["tolong-menolong"]),
        ("Bupati-bupati hadir. Gubernur mengundang bupati bupati baru.", ["bupati-bupati"]),
        ("Mereka berlari lari kecil di taman.", ["berlari-lari"]),
        ("Itu satu satunya jalan keluar.", ["satu-satunya"]),
        ("Anak-anak dan anak anak muda datang.", ["anak-anak"]),
    ],
)
def test_restores_dropped_hyphen(text: str, expected: list[str]) -> None:
    assert repaired(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kedua tim bermain back to back pekan ini.",  # English phrase
        "Konflik Rusia-Ukraina belum reda.",  # already hyphenated
        "Ia datang ke ke kantor itu.",  # typo repetition of a function word
        "Surat itu yang yang dikirim kemarin.",
        "Pilihannya hanya negara, negara lain menolak.",  # clause boundary
        "Harga naik terus.\nTerus naik harganya.",  # line boundary
        "Ia berlibur ke Bora Bora tahun lalu.",  # a name, not Indonesian
        "She said bye bye to the the crowd.",  # English
        "Anak anak anak itu berlari.",  # a triple is left alone
        "Kata kata-kata itu.",  # hyphenated neighbour
        "Kami berharap berharap semua lancar.",  # an affixed verb typed twice
        "Ia dijerat Pasal Pasal 340 KUHP.",  # followed by a number
        "Konflik di Timur Tengah tengah memanas.",  # a name boundary
        "Ia mencoba dua kali kali ini.",  # after a numeral
        "Seorang orang tua datang.",  # se- without -nya
        "Warga pakai pakaian adat.",  # "pakaian" is a word of its own
        'Lagu "Ayun Ayun" diputar.',  # a quoted title
        "Wakil Ketua DPR RI menolak.",  # acronyms
        "Warga bergotong royong membersihkan selokan.",  # KBBI writes it with a space
        "Anak-anak membawakan lagu lagu daerah.",  # hyphens intact elsewhere: a doubled word
        "Gubernur mengundang bupati bupati baru.",  # a plural outside the lexicon needs evidence
    ],
)
def test_leaves_non_reduplications_alone(text: str) -> None:
    assert repaired(text) == []


def test_repair_keeps_length_and_position() -> None:
    text = "Mereka benar benar siap."
    (fix,) = find_reduplications(text)
    assert text[fix.start : fix.end] == "benar benar"
    assert len(fix.after) == fix.end - fix.start


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("kupu", "kupu", "lexicon"),
        ("bupati", "bupati", "full"),
        ("yang", "yang", None),
        ("Ratu", "Ratu", None),
    ],
)
def test_reduplicated_form_rules(a: str, b: str, rule: str | None) -> None:
    names_likely = a[0].isupper()
    assert reduplicated_form(a, b, names_likely=names_likely) == rule
