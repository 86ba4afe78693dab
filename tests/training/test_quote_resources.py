from __future__ import annotations

from warta.stages.quotes.resources import opening_words as shipped
from warta.training.quote_resources import opening_words


def test_words_that_open_sentences_before_a_comma_are_learnt() -> None:
    texts = [
        "Alhasil, harga naik. Rina, warga Depok, datang. Rina lalu pulang.",
        "Alhasil, stok habis. Konon ia pergi.",
    ] * 3
    rows = opening_words(texts, frozenset({"alhasil", "konon"}), min_comma=3)
    # "Rina" opens with a comma only once in two and is no word of the lexicon; "Konon" never
    # takes a comma here.
    assert rows == [("alhasil", 6, 6)]


def test_excluded_words_are_not_learnt() -> None:
    texts = ["Kekasih, Rina datang."] * 6
    assert opening_words(texts, frozenset({"kekasih"}), exclude=frozenset({"kekasih"})) == []


def test_the_shipped_list_holds_adverbials_and_no_role_word() -> None:
    words = shipped()
    assert {"alhasil", "teranyar", "sebelumnya"} <= words
    assert not {"kekasih", "ketua", "warga"} & words
