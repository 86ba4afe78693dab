from __future__ import annotations

import pytest

from warta.stages.clean.clean import clean_text
from warta.stages.clean.misspellings import find_misspelt_verbs, one_edit


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        ("Rudi Hartawan mengtakan, stok pupuk aman.", "mengtakan", "mengatakan"),
        ("Lurah itu menjelasakan bahwa jalan ditutup.", "menjelasakan", "menjelaskan"),
        ("Warga menyampaikam keluhan soal air.", "menyampaikam", "menyampaikan"),
        ("Pasar sepi. Menueut dia, harga naik.", "Menueut", "Menurut"),
    ],
)
def test_a_reporting_verb_misspelt_by_one_letter_is_put_right(text: str, before: str, after: str) -> None:
    assert [(f.before, f.after) for f in find_misspelt_verbs(text)] == [(before, after)]


@pytest.mark.parametrize(
    "text",
    [
        "Band itu mendebutkan lagu baru.",  # a word of its own, written often in the news
        "Ia menghimbau warga tetap tenang.",  # a variant spelling, written often
        "Polisi menegakan aturan lalu lintas.",  # one edit from two common words
        "Benjamin mengatakan rapat ditunda.",  # a capital: a name, not "Menjamin"
        "Ia mengakatakan rapat ditunda.",  # two edits
    ],
)
def test_words_that_may_be_meant_are_left_alone(text: str) -> None:
    assert find_misspelt_verbs(text) == []


def test_one_edit_counts_a_swap_as_one() -> None:
    assert one_edit("mejnelaskan", "menjelaskan")
    assert not one_edit("mengatakan", "menyatakannya")


def test_the_repair_is_recorded_and_the_quote_stage_reads_the_verb() -> None:
    r = clean_text("Rudi Hartawan mengtakan, stok pupuk aman sampai Lebaran.")
    assert "mengatakan, stok" in r.text
    (change,) = [c for c in r.cleaning.repaired if c.kind == "spelling"]
    assert (change.before, change.after, change.rule) == ("mengtakan", "mengatakan", "misspelt-verb")
    assert r.text[change.start : change.end] == "mengatakan"
