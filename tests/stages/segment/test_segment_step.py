"""The segmentation step, the whole-text function and properties over any text."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.article import Article
from warta.pipeline import Pipeline
from warta.registry import make_step
from warta.stages.segment import SegmentStep, segment_text

BERITA = (
    "Banjir merendam tiga kecamatan di Kab. Bekasi, Senin (3/3/2025). Air mencapai 1,5 meter.\n"
    '"Kami sudah mengungsi sejak subuh. Rumah kami terendam," kata Siti (40), warga setempat.\n'
    "\n"
    "BPBD mencatat 2.000 warga mengungsi. Info lengkap di bpbd.contoh.go.id."
)


def test_step_fills_paragraphs_and_sentences() -> None:
    article = SegmentStep()(Article(id="b1", raw=BERITA, text=BERITA))
    assert [article.text[p.start : p.end][:12] for p in article.paragraphs] == [
        "Banjir meren",
        '"Kami sudah ',
        "BPBD mencata",
    ]
    assert [(s.paragraph, article.text[s.start : s.end][:10]) for s in article.sentences] == [
        (0, "Banjir mer"),
        (0, "Air mencap"),
        (1, '"Kami suda'),
        (2, "BPBD menca"),
        (2, "Info lengk"),
    ]


def test_step_is_registered_and_follows_its_contract() -> None:
    step = make_step("warta.segment.v1")
    assert isinstance(step, SegmentStep)
    assert (step.name, step.requires, step.provides) == ("segment", ("text",), ("paragraphs", "sentences"))
    pipeline = Pipeline([step], initial=("raw", "text"))
    article = pipeline(Article(id="b2", raw="Hujan turun.", text="Hujan turun."))
    assert article.provided == ["paragraphs", "sentences"]
    assert [t.text for t in article.tokens] == ["Hujan", "turun", "."]


def test_empty_text_gives_nothing() -> None:
    assert segment_text("") == ([], [])
    assert segment_text(" \n ") == ([], [])


def test_word_lists_load_lazily() -> None:
    code = (
        "import warta.stages.segment as seg, warta.stages.segment.resources as r; "
        "before = r.load_resources.cache_info().currsize; seg.segment_text('Hujan turun.'); "
        "print(before, r.load_resources.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "1"]


# Text built from pieces that stress the rules: abbreviations, numbers, quotes, URLs.
_PIECES = st.sampled_from(
    [
        "Hujan",
        "turun",
        "Jl.",
        "No.",
        "5",
        "Prof.",
        "B.",
        "dll.",
        "S.H.",
        "14.30",
        "Rp10.000",
        "3,5",
        "(20/2/2022)",
        "detik.com",
        "https://contoh.id/a",
        "#banjir",
        "@warga",
        "...",
        "…",
        '"',
        "“",
        "”",
        "(",
        ")",
        ".",
        "?",
        "!",
        ",",
        "anak-anak",
        "selesai.Kemudian",
        "Namun",
        "ia",
        "--",
        "'",
        "a.n.",
        "Tbk.",
        "\n",
        "\n\n",
    ]
)
_SEPARATORS = st.sampled_from([" ", "", "  ", "\t"])


@st.composite
def berita(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(_PIECES, max_size=40))
    return "".join(p + draw(_SEPARATORS) for p in pieces)


@settings(max_examples=300, deadline=None)
@given(berita())
def test_spans_are_consistent_for_any_text(text: str) -> None:
    paragraphs, sentences = segment_text(text)
    assert "".join(t.text for s in sentences for t in s.tokens) == "".join(text.split())
    previous_end = 0
    per_paragraph = [sum(s.paragraph == i for s in sentences) for i in range(len(paragraphs))]
    for s in sentences:
        p = paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        assert s.start >= previous_end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        # Only a paragraph of punctuation alone may give a sentence without a word.
        assert any(c.isalnum() for c in text[s.start : s.end]) or per_paragraph[s.paragraph] == 1
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
        previous_end = s.end
