"""The shipped default field mapping reads the news corpora in ../shared/data as they are."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from iohelpers import SHARED_DATA

from warta.article import Article
from warta.config import Settings
from warta.io import Reject, read_path

CORPORA = sorted(SHARED_DATA.glob("news-*/*.jsonl.gz")) if SHARED_DATA.exists() else []

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not CORPORA, reason=f"no news corpora under {SHARED_DATA}"),
]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.parent.name)
def test_default_fields_read_the_corpus(settings: Settings, corpus: Path) -> None:
    items = list(itertools.islice(read_path(corpus, settings=settings), 300))
    found = [i for i in items if isinstance(i, Article)]
    assert len(found) > 250
    # Only empty texts are refused; corpora have some.
    assert {r.code for r in items if isinstance(r, Reject)} <= {"W101"}
    for article in found:
        assert article.raw.strip()
        assert ":" not in article.id  # the corpus id, not one derived from the path
        assert article.source.outlet and article.source.url and article.source.site
        assert article.published.raw and article.published.method == "metadata"
