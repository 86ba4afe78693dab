"""Structural checks of cleaning on the shared HTML pages and news corpora (skipped without them)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from warta.config import Settings
from warta.io import read_path
from warta.pipeline import Pipeline
from warta.registry import make_step
from warta.stages.clean.clean import clean_text

pytestmark = pytest.mark.data

# Shapes that must never survive cleaning (navigation, ads, comment forms, related lists).
LEFTOVER = re.compile(
    r"Tinggalkan Balasan|Alamat email Anda|ADVERTISEMENT|SCROLL TO CONTINUE|Baca [Jj]uga\s*:|\[Gambas:"
    r"|Load More|^(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2}/\d{1,2}/\d{4} \d{2}:\d{2} WIB",
    re.MULTILINE,
)


def _article_pages(shared_data: Path) -> list[Path]:
    manifest = shared_data / "news-html" / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [shared_data / "news-html" / r["file"] for r in rows if r["page_type"] == "article"]


def test_html_article_pages_give_clean_bodies(shared_data: Path) -> None:
    pipe = Pipeline([make_step("warta.clean.v1"), make_step("warta.segment.v1")])
    pages = _article_pages(shared_data)
    assert len(pages) >= 10
    for page in pages:
        (article,) = [a for a in read_path(page, settings=Settings()) if not hasattr(a, "code")]
        article = pipe(article)
        assert not article.errors, (page.name, article.errors)
        assert len(article.text.split()) >= 40, page.name
        assert LEFTOVER.search(article.text) is None, (page.name, LEFTOVER.search(article.text))
        assert len(article.sentences) >= 2, page.name


@pytest.mark.slow
def test_corpus_cleaning_never_fails_and_keeps_offsets(shared_data: Path) -> None:
    path = shared_data / "news-detik-aspect-sum" / "detik_aspect_sum.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:300]
    for raw in texts:
        r = clean_text(raw, detect_headline=False)
        assert "SCROLL TO CONTINUE WITH CONTENT" not in r.text
        changed = {i for c in r.cleaning.repaired for i in range(c.start, c.end)}
        for i in range(0, len(r.text), 97):
            if i not in changed:
                assert raw[r.offsets(i)] == r.text[i]
