"""One mention: the name inside it, the title before it, or why it is no entity."""

from __future__ import annotations

import pytest

from warta.article import EntityLabel
from warta.stages.entities import load_resources, name_form


def form(
    text: str, surface: str, label: EntityLabel = "PER", **known: list[tuple[str, ...]]
) -> tuple[str, str]:
    start = text.index(surface)
    f = name_form(
        text,
        start,
        start + len(surface),
        label,
        resources=load_resources(),
        affiliations=known.get("affiliations", []),
        people=known.get("people", []),
    )
    role = text[f.role[0] : f.role[1]] if f.role else ""
    return f.text, role


@pytest.mark.parametrize(
    ("text", "surface", "name", "role"),
    [
        ("Presiden Jokowi meresmikan jalan tol.", "Presiden Jokowi", "Jokowi", "Presiden"),
        (
            "Kata Menteri Keuangan Sri Mulyani di Jakarta.",
            "Menteri Keuangan Sri Mulyani",
            "Sri Mulyani",
            "Menteri Keuangan",
        ),
        ("Wakil Presiden Ma'ruf Amin hadir.", "Wakil Presiden Ma'ruf Amin", "Ma'ruf Amin", "Wakil Presiden"),
        ("Ketua DPR Puan Maharani memimpin sidang.", "Ketua DPR Puan Maharani", "Puan Maharani", "Ketua DPR"),
        ("Pak Budi menjawab singkat.", "Pak Budi", "Budi", ""),  # an honorific is no role
        ("Prof. Dr. Siti Aminah menjelaskan.", "Prof. Dr. Siti Aminah", "Siti Aminah", ""),
        ("Namun Psaki tidak menjawab.", "Namun Psaki", "Psaki", ""),  # a conjunction glued on
        (
            "Presiden Prancis Emmanuel Macron menelepon.",
            "Presiden Prancis Emmanuel Macron",
            "Emmanuel Macron",
            "Presiden Prancis",
        ),
    ],
)
def test_title_and_name(text: str, surface: str, name: str, role: str) -> None:
    assert form(text, surface, affiliations=[("prancis",)]) == (name, role)


def test_unknown_affiliation_comes_off_a_name_spelled_out_elsewhere() -> None:
    text = "Gubernur Jawa Tengah Budi Santoso meninjau banjir."
    surface = "Gubernur Jawa Tengah Budi Santoso"
    assert form(text, surface) == ("Jawa Tengah Budi Santoso", "Gubernur")
    assert form(text, surface, people=[("budi", "santoso")]) == ("Budi Santoso", "Gubernur Jawa Tengah")


def test_one_word_always_stays() -> None:
    assert form("Presiden menolak.", "Presiden")[0] == "Presiden"


def test_titles_come_off_persons_only() -> None:
    assert form("Kantor Presiden menolak.", "Kantor Presiden", "ORG") == ("Kantor Presiden", "")


@pytest.mark.parametrize(
    ("surface", "label", "reason"),
    [
        ("Dia", "PER", "pronoun"),
        ("Beliau", "PER", "pronoun"),
        ("Mereka", "ORG", "pronoun"),
        ("Minggu", "PER", "date"),
        ("Ahad", "LOC", "date"),
        ("Juni", "PER", "date"),
        ("Pada Senin", "ORG", "date"),
        ("Hari Minggu", "EVT", "date"),
        ("Namun", "PER", "function word"),
        ("Sementara", "ORG", "function word"),
        ("Presiden", "PER", "title without a name"),
        ("pejabat", "PER", "no capital letter"),
    ],
)
def test_no_entity(surface: str, label: EntityLabel, reason: str) -> None:
    text = f"{surface} lalu pergi."
    f = name_form(text, 0, len(surface), label, resources=load_resources())
    assert f.dropped == reason


@pytest.mark.parametrize("surface", ["Budi", "Minggu Raya Purba", "Senin Harahap", "Rusia", "KPK"])
def test_names_are_kept(surface: str) -> None:
    text = f"{surface} lalu pergi."
    assert name_form(text, 0, len(surface), "PER", resources=load_resources()).dropped is None


def test_trailing_punctuation_is_not_the_name() -> None:
    text = "Ia bertemu Biden, lalu pulang."
    start = text.index("Biden")
    f = name_form(text, start, start + 6, "PER", resources=load_resources())
    assert (f.text, f.tokens) == ("Biden", ("biden",))


@pytest.mark.parametrize(
    ("surface", "label", "reason"),
    [
        ("Beliaupun", "PER", "pronoun"),
        ("Merekapun", "PER", "pronoun"),
        ("Hmmm", "ORG", "interjection"),
        ("Wooow", "PER", "interjection"),
        ("KAMI SUDAH LELAH MENUNGGU DI SINI", "ORG", "shouted clause"),
        ("AYO DAFTAR SEKARANG JUGA HARI INI", "ORG", "shouted clause"),
        ("JADILAH BAGIAN DARI KELUARGA BESAR KAMI", "ORG", "shouted clause"),
    ],
)
def test_more_non_entities(surface: str, label: EntityLabel, reason: str) -> None:
    f = name_form(surface, 0, len(surface), label, resources=load_resources())
    assert f.dropped == reason


@pytest.mark.parametrize(
    ("surface", "label"),
    [
        ("Kamilah", "PER"),  # a given name, not "kami" + "-lah"
        ("PPP", "ORG"),  # an acronym may repeat a letter
        ("PT SINAR TERANG ABADI SENTOSA", "ORG"),
        ("BADAN PENGAWAS OBAT DAN MAKANAN", "ORG"),
        ("Anna", "PER"),
    ],
)
def test_names_that_look_like_those_stay(surface: str, label: EntityLabel) -> None:
    assert name_form(surface, 0, len(surface), label, resources=load_resources()).dropped is None


@pytest.mark.parametrize(
    ("surface", "label", "name"),
    [
        ("Hartono Wibisono Ketua RT", "PER", "Hartono Wibisono"),
        ("Siti Rahayu Presiden Direktur", "PER", "Siti Rahayu"),
        ("Sleman AKBP", "LOC", "Sleman"),
        ("Polres Metro Bekasi Kombes", "ORG", "Polres Metro Bekasi"),
        # a title that is also a given name or part of a place name stays
        ("Budi Santoso Raja", "PER", "Budi Santoso Raja"),
        # other titles may end the name of a body
        ("Kantor Staf Presiden", "ORG", "Kantor Staf Presiden"),
        ("Rumah Dinas Bupati", "LOC", "Rumah Dinas Bupati"),
    ],
)
def test_a_title_after_the_name_is_cut_off(surface: str, label: EntityLabel, name: str) -> None:
    assert name_form(surface, 0, len(surface), label, resources=load_resources()).text == name
