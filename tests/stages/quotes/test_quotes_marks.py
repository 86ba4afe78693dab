from __future__ import annotations

import pytest

from warta.stages.quotes.marks import find_marked


def _quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Kami siap,” kata Budi.", ["Kami siap,"]),
        ("”Kami siap,” kata Budi.", ["Kami siap,"]),  # Kompas: the same mark opens and closes
        ('"Kami siap," kata Budi.', ["Kami siap,"]),
        ('“Kami siap," kata Budi.', ["Kami siap,"]),
        ('"Kami siap,” kata Budi.', ["Kami siap,"]),
        ("‘Kami siap,’ kata Budi.", ["Kami siap,"]),
        ("Budi berkata: 'Kami siap.'", ["Kami siap."]),
        ("Harga naik . ” Kami siap . ” kata Budi .", ["Kami siap ."]),  # marks with spaces on both sides
    ],
)
def test_quote_mark_styles(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def test_quote_over_sentences_and_paragraphs() -> None:
    text = "”Stok beras aman. Harga stabil.\n”Distribusi lancar,” kata Budi."
    assert _quoted(text) == ["Stok beras aman. Harga stabil.\n”Distribusi lancar,"]


def test_apostrophe_is_not_a_mark() -> None:
    assert _quoted("Wakil Presiden Ma’ruf Amin hadir di Jum'at itu.") == []


@pytest.mark.parametrize(
    "text",
    ["Ia mengatakan: “tidak ada", "tidak ada,” kata dia.", "”", "“”", '"a" "', "“Satu “dua” tiga"],
)
def test_unbalanced_marks_never_raise(text: str) -> None:
    for m in find_marked(text):
        assert 0 <= m.start <= m.end <= len(text)


def test_unbalanced_opener_is_flagged() -> None:
    (m,) = find_marked("Ia mengatakan: “tidak ada yang berubah")
    assert not m.balanced and m.close == -1


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # A detokenised source: the closing mark glued to the cue, or alone at a paragraph's end.
        (
            'Budi hadir.\n\n"Kami siap menghadapi banjir tahun ini, "kata Budi.',
            ["Kami siap menghadapi banjir tahun ini,"],
        ),
        (
            'Budi hadir.\n\n"Kami siap menghadapi banjir tahun ini. "\n\nLalu hujan turun.',
            ["Kami siap menghadapi banjir tahun ini."],
        ),
        # One sentence per line (a tokenised corpus): a mark ending a line opens the next one.
        ("Harga naik . ”\nKami siap . ” kata Budi .", ["Kami siap ."]),
    ],
)
def test_marks_around_stray_spaces(text: str, quoted: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_marked(text)] == quoted


def test_a_quote_that_opens_with_hearsay_katanya() -> None:
    text = "Ia belum menerima naskah final. “Katanya sudah 80 persen. Tapi saya belum tahu pasti,” ujarnya."
    (m,) = find_marked(text)
    assert text[m.start : m.end].startswith("Katanya sudah 80 persen")


def test_a_tokenised_opener_glued_to_the_word_before_a_title() -> None:
    text = (
        '"Maaf, saya belum bisa beri bocoran. Dua minggu lagi saya kabari ya, "kata pemeran utama '
        'dalam film" Laga Terakhir " itu.'
    )
    spans = [text[m.start : m.end] for m in find_marked(text)]
    assert spans[0].startswith("Maaf") and spans[0].endswith("kabari ya,")
    assert "Laga Terakhir" in spans[1:] and not any("kata pemeran" in s for s in spans)


def test_a_closer_before_lower_case_words_stays_a_closer() -> None:
    text = '"Presiden "menekankan dukungan penuh" dan menyerukan gencatan senjata," kata Istana.'
    assert any("dukungan penuh" in text[m.start : m.end] for m in find_marked(text))


@pytest.mark.parametrize("after", ['"(2016) itu.', '"pada 2016.'])
def test_a_title_between_marks_spaced_the_wrong_way_round(after: str) -> None:
    # The second mark has a space before it and a word glued after it, like an opener; with
    # the turned closer before the title it closes the title, and opens no quote that runs
    # over the next paragraphs.
    text = (
        '"Maaf, saya belum bisa beri bocoran," kata dia.\n\nIa pernah bermain dalam film" Laga '
        f"Terakhir Episode II {after}\n\nUntuk perannya kali ini, Raka mengaku sering berlatih.\n\n"
        '" Saya berlatih tiap pagi. " kata Raka.'
    )
    spans = [text[m.start : m.end] for m in find_marked(text) if m.balanced]
    assert "Laga Terakhir Episode II" in spans
    assert not any("Untuk perannya" in s for s in spans)
