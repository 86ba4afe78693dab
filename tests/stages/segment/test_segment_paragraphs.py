"""Paragraphs: non-blank lines, trimmed."""

from __future__ import annotations

import pytest

from warta.stages.segment import split_paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hujan turun.\nJalan banjir.", ["Hujan turun.", "Jalan banjir."]),
        ("Hujan turun.\n\n\nJalan banjir.\n", ["Hujan turun.", "Jalan banjir."]),
        ("  Hujan turun.  \r\n \t\n  Jalan banjir. ", ["Hujan turun.", "Jalan banjir."]),
        ("Satu paragraf saja", ["Satu paragraf saja"]),
        ("", []),
        (" \n\n ", []),
    ],
)
def test_paragraphs_are_trimmed_non_blank_lines(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_paragraphs(text)] == expected
