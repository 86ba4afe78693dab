"""Derive the cleaner's word lists from ../shared/data into the package.

Usage: python scripts/build_clean_resources.py [--data ../shared/data]

Writes, under src/warta/stages/clean/resources/:
- redup_lexicon.tsv: hyphenated reduplications (full, affixed, rhyming) that a scraper may have
  split with a space, from lexicon-kbbi-wordlists/hyphenated_words.tsv, kept when a KBBI-derived
  list has them or the news corpora use them at least 3 times;
- id_words.txt: Indonesian word forms from the KBBI-derived lists (wikidepia, geovedi 01 KBBI3,
  Sastrawi roots), lower case, alphabetic, used to tell Indonesian words from names and English;
- function_words.txt: the merged Indonesian stopword list (never reduplicated by the generic rule).
Each file starts with a header naming its sources and their sha256, so the build is reproducible.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "stages" / "clean" / "resources"
ALPHA = re.compile(r"^[a-z]+$")
ALPHA_HYPHEN = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        return [ln.strip() for ln in fh if ln.strip()]


def header(sources: list[Path], data: Path) -> str:
    rows = [f"# derived by scripts/build_clean_resources.py from ../shared/data"]
    rows += [f"# source {p.relative_to(data)} sha256={sha(p)}" for p in sources]
    return "\n".join(rows) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    data: Path = args.data
    kb = data / "lexicon-kbbi-wordlists"
    OUT.mkdir(parents=True, exist_ok=True)

    # Indonesian words: KBBI-derived lists only (geovedi 00/02 mix in English crawl words).
    word_sources = [kb / "wikidepia_kbbi_wordlist.txt.gz", kb / "geovedi_01-kbbi3-2001-sort-alpha.lst.gz",
                    kb / "sastrawi_kata-dasar.txt"]
    words: set[str] = set()
    for src in word_sources:
        for w in lines(src):
            w = w.lower()
            if ALPHA.match(w) and len(w) >= 2:
                words.add(w)
    (OUT / "id_words.txt").write_text(header(word_sources, data) + "\n".join(sorted(words)) + "\n", encoding="utf-8")

    stop_src = data / "lexicon-stopwords" / "stopwords-id.txt"
    stops = sorted({w.lower() for w in lines(stop_src) if ALPHA.match(w.lower())})
    (OUT / "function_words.txt").write_text(header([stop_src], data) + "\n".join(stops) + "\n", encoding="utf-8")

    table = kb / "hyphenated_words.tsv"
    stop_set = set(stops)
    keep: list[tuple[str, str]] = []
    with open(table, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            word, kind = row["word"].lower(), row["redup_type"]
            if not ALPHA_HYPHEN.match(word):
                continue
            in_kbbi = bool(row["in_kbbi_lists"].strip())
            freq = int(row["corpus_freq"] or 0)
            # "other" rows are mostly compounds and names ("a-rod"); only the KBBI ones
            # (bolak-balik, ulang-alik) are words whose hyphen a scraper may drop.
            if kind not in {"full", "affixed", "rhyming"} and not (kind == "other" and in_kbbi):
                continue
            # Corpus-only rows below 3 uses are often scraper or tokenizer noise.
            if not in_kbbi and freq < 3:
                continue
            # A repeated function word is far more often a typo ("yang yang") than the rare
            # dictionary reduplication; keep it only when the news actually writes it.
            first = word.split("-")[0]
            if kind == "full" and first in stop_set and freq < 3:
                continue
            keep.append((word, kind))
    body = "\n".join(f"{w}\t{k}" for w, k in sorted(keep))
    (OUT / "redup_lexicon.tsv").write_text(header([table], data) + body + "\n", encoding="utf-8")
    print(f"id_words {len(words)}, function_words {len(stops)}, redup_lexicon {len(keep)}")


if __name__ == "__main__":
    main()
