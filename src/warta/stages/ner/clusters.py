"""Word classes learned from unlabelled news text, used as NER features.

Built once (``warta build resources ner``) from the ~8 M tokens of news in
``../shared/data``: word2vec (gensim, skip-gram) vectors of lower-cased words are
grouped by spherical k-means at several granularities, so that a name never seen
in the labelled data ("Sumbawa", "Nadiem") still shares a feature with names that
were. Beside the cluster ids each word keeps its *capitalisation ratio* in news
(how often it is written with a capital letter away from the start of a sentence):
it tells a lower-cased benchmark such as NERP that ``manado`` is usually a name.

The shipped table ``resources/clusters.tsv.gz`` has one row per word:
``word<TAB>k1<TAB>k2<TAB>k3<TAB>cap<TAB>freq`` where ``cap`` is the ratio in tenths
(0-10) and ``freq`` a log2 frequency bucket. Building needs ``gensim`` and
``numpy`` (``pip install warta[ner-build]``); loading needs neither.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.stages.ner.tokens import NAME_TOKEN

__all__ = [
    "NEWS_CORPORA",
    "WordClasses",
    "build_clusters",
    "iter_news_sentences",
    "load_word_classes",
    "read_word_classes",
    "train_word2vec",
]

logger = logging.getLogger(__name__)

# The unlabelled news files (relative to ../shared/data), field "text".
NEWS_CORPORA: tuple[str, ...] = (
    "news-clickid/clickid_articles.jsonl.gz",
    "news-indosum/indosum_articles.jsonl.gz",
    "news-2025-cnn-detik-kompas-tempo/articles.jsonl.gz",
    "news-detik-aspect-sum/detik_aspect_sum.jsonl.gz",
)

# Words, numbers with inner punctuation (1.500, 3-0), and single punctuation marks:
# close to how the NER benchmarks tokenise.
_TOKEN = NAME_TOKEN
# A capital after these is not evidence of a name (sentence or quote start).
_OPENERS = frozenset({".", "!", "?", '"', "“", "”", ":", "(", "-", "'", ","})


@dataclass(frozen=True, slots=True)
class WordClasses:
    """Per lower-cased word: cluster ids per granularity, cap ratio and frequency bucket."""

    granularities: tuple[int, ...]
    table: dict[str, tuple[str, ...]]  # word -> (k1, k2, k3, cap, freq) as strings


def iter_news_sentences(data_dir: Path, corpora: Iterable[str] = NEWS_CORPORA) -> Iterator[list[str]]:
    """Tokens (original case) of each line of each news text, split on sentence ends."""
    for rel in corpora:
        with gzip.open(data_dir / rel, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                # CLICK-ID joins paragraphs with commas (",Konsul"); a space keeps them apart.
                for para in text.replace(".,", ". ").splitlines():
                    tokens = _TOKEN.findall(para)
                    sent: list[str] = []
                    for tok in tokens:
                        sent.append(tok)
                        if tok in (".", "!", "?") and len(sent) > 3:
                            yield sent
                            sent = []
                    if sent:
                        yield sent


def _case_counts(sentences: Iterable[list[str]]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    total: Counter[str] = Counter()
    eligible: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for sent in sentences:
        prev = "."
        for tok in sent:
            low = tok.lower()
            total[low] += 1
            if prev not in _OPENERS and tok[:1].isalpha():
                eligible[low] += 1
                if tok[:1].isupper():
                    capital[low] += 1
            prev = tok
    return total, eligible, capital


def _spherical_kmeans(vectors: Any, k: int, *, iterations: int, seed: int) -> Any:
    import numpy as np

    rng = np.random.default_rng(seed)
    x = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    centres = x[rng.choice(len(x), size=k, replace=False)]
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.concatenate(
            [np.argmax(x[i : i + 20000] @ centres.T, axis=1) for i in range(0, len(x), 20000)]
        )
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        empty = np.bincount(assign, minlength=k) == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    return assign


def train_word2vec(
    lowered: list[list[str]], *, dim: int, min_count: int, epochs: int, workers: int, seed: int
) -> Any:
    """The skip-gram word2vec both the word classes and the neural tagger's vectors come from
    (window 5, 5 negative samples)."""
    from gensim.models import Word2Vec

    return Word2Vec(
        lowered,
        vector_size=dim,
        window=5,
        min_count=min_count,
        sg=1,
        negative=5,
        epochs=epochs,
        workers=workers,
        seed=seed,
    )


def build_clusters(
    data_dir: Path,
    output: Path,
    *,
    granularities: tuple[int, ...] = (64, 256, 1024),
    dim: int = 100,
    min_count: int = 5,
    epochs: int = 5,
    workers: int = 2,
    seed: int = 13,
) -> dict[str, Any]:
    """Learn word classes from the news corpora and write ``clusters.tsv.gz``.

    Returns:
        Metadata (corpus sizes, vocabulary, parameters) for the resource's JSON.
    """
    sentences = list(iter_news_sentences(data_dir))
    total, eligible, capital = _case_counts(sentences)
    lowered = [[t.lower() for t in s] for s in sentences]
    n_tokens = sum(total.values())
    logger.info("corpus: %d sentences, %d tokens", len(lowered), n_tokens)
    model = train_word2vec(lowered, dim=dim, min_count=min_count, epochs=epochs, workers=workers, seed=seed)
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors
    assignments = [_spherical_kmeans(vectors, k, iterations=15, seed=seed) for k in granularities]
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(output, "wt", encoding="utf-8", compresslevel=9) as fh:
        for i, word in enumerate(words):
            if "\t" in word or "\n" in word:
                continue
            n_elig = eligible[word]
            # Too few non-initial uses say nothing about case; "-" marks that.
            cap = str(round(10 * capital[word] / n_elig)) if n_elig >= 3 else "-"
            freq = str(min(int(math.log2(total[word])), 16))
            ids = "\t".join(str(int(a[i])) for a in assignments)
            fh.write(f"{word}\t{ids}\t{cap}\t{freq}\n")
    return {
        "corpora": list(NEWS_CORPORA),
        "sentences": len(lowered),
        "tokens": n_tokens,
        "vocabulary": len(words),
        "granularities": list(granularities),
        "word2vec": {
            "dim": dim,
            "window": 5,
            "min_count": min_count,
            "sg": 1,
            "epochs": epochs,
            "seed": seed,
        },
    }


def read_word_classes(path: Path | None = None, *, text: str | None = None) -> WordClasses:
    """Parse a clusters table (a path to the ``.tsv.gz`` or its decompressed text)."""
    if text is None:
        if path is None:
            raise ValueError("read_word_classes needs a path or text")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
    table: dict[str, tuple[str, ...]] = {}
    width = 0
    for line in text.splitlines():
        cols = line.split("\t")
        width = len(cols) - 3
        table[cols[0]] = tuple(cols[1:])
    return WordClasses(granularities=tuple(range(max(width, 0))), table=table)


def load_word_classes() -> WordClasses:
    """The shipped word classes (read from the package on each call: cache the result)."""
    from importlib import resources

    from warta.errors import ResourceError

    ref = resources.files("warta.stages.ner").joinpath("resources", "clusters.tsv.gz")
    try:
        data = ref.read_bytes()
    except FileNotFoundError as exc:
        raise ResourceError("packaged resource missing: stages/ner/resources/clusters.tsv.gz") from exc
    return read_word_classes(text=gzip.decompress(data).decode("utf-8"))
