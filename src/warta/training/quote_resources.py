"""Derive the quote stage's corpus-learnt word lists from ../shared/data into the package.

Usage: warta build resources quotes [--data ../shared/data]

Writes, under src/warta/stages/quotes/resources/:
- opening_words.txt: Indonesian words that open a sentence as an adverbial before a comma
  ("Teranyar,", "Alhasil,", "Konon,"), learnt from the unlabelled news corpora: a capitalised
  word at a sentence's start, that the KBBI-derived word list knows (so no name of its own),
  followed by a comma at least ``MIN_COMMA`` times and in at least ``MIN_SHARE`` of its
  sentence openings. Role and relation words are left out ("Kekasih, Budi" in a scrape that
  lost a name is a description). A speaker phrase never takes such a word for a name
  ("Teranyar, Aan menyatakan" is Aan's statement).

The file starts with a header naming its sources and their sha256, so the build is reproducible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.training.clean_resources import sha

__all__ = ["main", "opening_words"]

CORPORA = (
    "news-2025-cnn-detik-kompas-tempo/articles.jsonl.gz",
    "news-clickid/clickid_articles.jsonl.gz",
    "news-indosum/indosum_articles.jsonl.gz",
)
MIN_COMMA = 5
MIN_SHARE = 0.5
# A capitalised word opening a sentence (after a full stop, a line break or the text's
# start), and whether a comma follows it.
_OPENING = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z]+)(\s*,)?", re.MULTILINE)


def _out() -> Path:
    import warta.stages.quotes

    return Path(warta.stages.quotes.__file__).resolve().parent / "resources"


def _texts(paths: Iterable[Path]) -> Iterator[str]:
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    yield text


def opening_words(
    texts: Iterable[str],
    known: frozenset[str],
    *,
    exclude: frozenset[str] = frozenset(),
    min_comma: int = MIN_COMMA,
    min_share: float = MIN_SHARE,
) -> list[tuple[str, int, int]]:
    """(word, openings before a comma, openings) for the words that open sentences as
    adverbials, most frequent first.

    Example:
        >>> texts = ["Alhasil, harga naik. Budi datang.", "Alhasil, stok habis."] * 3
        >>> opening_words(texts, frozenset({"alhasil", "budi"}))
        [('alhasil', 6, 6)]
    """
    opened: Counter[str] = Counter()
    comma: Counter[str] = Counter()
    for text in texts:
        for m in _OPENING.finditer(text):
            word = m.group(1).lower()
            opened[word] += 1
            if m.group(2):
                comma[word] += 1
    rows = [
        (w, comma[w], opened[w])
        for w in opened
        if comma[w] >= min_comma and comma[w] / opened[w] >= min_share and w in known and w not in exclude
    ]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def main(argv: list[str] | None = None) -> None:
    from warta.paths import data_root
    from warta.stages.clean.resources import id_words
    from warta.stages.quotes.resources import relations, role_words

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="The shared data folder.")
    args = ap.parse_args(argv)
    data = args.data or data_root()
    sources = [data / c for c in CORPORA]
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        raise SystemExit(f"warta build resources quotes: missing corpus file(s): {', '.join(missing)}")
    rows = opening_words(_texts(sources), id_words(), exclude=role_words() | relations())
    head = [
        "# Words that open a sentence as an adverbial before a comma (see warta.training.quote_resources).",
        f"# derived by warta build resources quotes from ../shared/data (min {MIN_COMMA} before a comma,"
        f" share >= {MIN_SHARE}); columns: word, openings before a comma, openings",
        *[f"# source {p.relative_to(data)} sha256={sha(p)}" for p in sources],
    ]
    body = [f"{w}\t{c}\t{n}" for w, c, n in rows]
    (_out() / "opening_words.txt").write_text("\n".join([*head, *body]) + "\n", encoding="utf-8")
    print(f"opening_words {len(rows)}")
