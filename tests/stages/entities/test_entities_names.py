"""Name comparisons: folding, acronyms, initials, subsequences and the typo guards."""

from __future__ import annotations

import pytest

from warta.stages.entities import edit_distance, fold, initials, is_acronym, is_typo_of, name_tokens
from warta.stages.entities.names import subsequence_of


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Istana Élysée", "istana elysee"), ("  Ma’ruf   Amin ", "ma'ruf amin"), ("JAKARTA", "jakarta")],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_name_tokens_drop_edge_punctuation() -> None:
    assert name_tokens("(Susilo B. Yudhoyono),") == ["susilo", "b", "yudhoyono"]


@pytest.mark.parametrize(
    ("form", "expected"),
    [("KPK", True), ("A.S.", True), ("PBB", True), ("Kemenlu", False), ("Biden", False), ("X", False)],
)
def test_is_acronym(form: str, expected: bool) -> None:
    assert is_acronym(form) is expected


@pytest.mark.parametrize(
    ("full", "acr"),
    [
        ("Amerika Serikat", "AS"),
        ("Komisi Pemberantasan Korupsi", "KPK"),
        ("Perserikatan Bangsa-Bangsa", "PBB"),
        ("Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"),
    ],
)
def test_initials(full: str, acr: str) -> None:
    assert initials(full) == acr


def test_edit_distance_counts_a_swap_once() -> None:
    assert edit_distance("hartley", "hatrley") == 1
    assert edit_distance("abc", "abcdefgh", limit=2) == 3


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("larov", "lavrov"),  # a letter dropped inside a long enough name
        ("rusi", "rusia"),  # a cut-off end
        ("hartly", "hartley"),
        ("prabwoo", "prabowo"),  # two neighbours swapped
        ("kuswandari", "kuswandri"),
        ("sulistyowati", "sulistiowaty"),  # two edits in a long name
    ],
)
def test_typos_that_merge(a: str, b: str) -> None:
    assert is_typo_of(a, b) and is_typo_of(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rina", "rini"),  # different names, one letter apart
        ("putra", "putri"),
        ("andi", "andri"),
        ("budi", "rudi"),  # first letter differs
        ("ani", "ana"),  # too short
        ("sergey", "sergei"),  # a substitution in six letters: rather missed than wrong
        ("susanto", "susanti"),  # a final vowel makes another name, even at seven letters
        ("hartono", "hartini"),
    ],
)
def test_names_that_stay_apart(a: str, b: str) -> None:
    assert not is_typo_of(a, b)


@pytest.mark.parametrize(
    ("short", "long_", "expected"),
    [
        (["biden"], ["joe", "biden"], True),
        (["joe"], ["joe", "biden"], True),
        (["susilo", "b", "yudhoyono"], ["susilo", "bambang", "yudhoyono"], True),
        (["jill", "biden"], ["joe", "biden"], False),
        (["b"], ["bambang", "wijaya"], False),  # an initial alone is no name
        (["biden", "joe"], ["joe", "biden"], False),  # order matters
    ],
)
def test_subsequence_of(short: list[str], long_: list[str], expected: bool) -> None:
    assert subsequence_of(short, long_) is expected


def test_fuzzy_subsequence_needs_the_flag() -> None:
    assert not subsequence_of(["larov"], ["sergey", "lavrov"])
    assert subsequence_of(["larov"], ["sergey", "lavrov"], fuzzy=True)
