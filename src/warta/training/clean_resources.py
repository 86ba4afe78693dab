"""Derive the cleaner's word lists from ../shared/data into the package.

Usage: warta build resources clean [--data ../shared/data]

Writes, under src/warta/stages/clean/resources/:
- redup_lexicon.tsv: hyphenated reduplications (full, affixed, rhyming) that a scraper may have
  split with a space, from lexicon-kbbi-wordlists/hyphenated_words.tsv, kept when a KBBI-derived
  list has them or the news corpora use them at least 3 times;
- id_words.txt: Indonesian word forms from the KBBI-derived lists (wikidepia, geovedi 01 KBBI3,
  Sastrawi roots), lower case, alphabetic, used to tell Indonesian words from names and English;
- lang/id/function_words.txt: the merged Indonesian stopword list (never reduplicated by the generic rule);
- news_word_counts.tsv: how often the news corpora (news-2025, CLICK-ID, IndoSum, detik aspect-sum)
  write each lower-case word form of five letters or more, for the forms written at least
  ``MIN_COUNT`` times (the misspelt-verb repair tells a slip of the keyboard, rare, from a
  variant or a word of its own, frequent).
Each file starts with a header naming its sources and their sha256, so the build is reproducible.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
from collections import Counter
from pathlib import Path


def _out() -> Path:
    import warta.stages.clean

    return Path(warta.stages.clean.__file__).resolve().parent / "resources"


OUT = _out()


def _lang() -> Path:
    import warta.lang.id

    return Path(warta.lang.id.__file__).resolve().parent


LANG = _lang()
ALPHA = re.compile(r"^[a-z]+$")
NEWS = (
    "news-2025-cnn-detik-kompas-tempo/articles.jsonl.gz",
    "news-clickid/clickid_articles.jsonl.gz",
    "news-indosum/indosum_articles.jsonl.gz",
    "news-detik-aspect-sum/detik_aspect_sum.jsonl.gz",
)
MIN_COUNT = 5
_FORM = re.compile(r"\b[a-z]{5,}\b")
ALPHA_HYPHEN = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


# Function words whose reduplication is ordinary Indonesian (masing-masing, sama-sama).
FUNCTION_REDUP = frozenset(
    [
        "masing",
        "sama",
        "lain",
        "apa",
        "tiba",
        "benar",
        "betul",
        "kira",
        "rata",
        "baik",
        "lama",
        "kadang",
        "hati",
        "mudah",
        "sangat",
        "jauh",
        "bagi",
        "kata",
        "hal",
        "siapa",
        "mana",
    ]
)
# Rows that are wrong as hyphenated forms: "satu per satu" is the standard spelling,
# Parepare is a city, and "makan makanan" is usually a verb and its object.
EXCLUDE = frozenset({"satu-persatu", "pare-pare", "makan-makanan", "minum-minuman", "tanam-tanaman"})


def redup_shape(a: str, b: str) -> bool:
    """Does a hyphenated pair look like a reduplication (not a coordination)?"""
    return (
        a == b
        or b.startswith(a)
        or a.endswith(b)
        or (re.match(r"^(me|ber|be)", b) is not None and b.endswith(a[-3:]))
        or a[:-1] == b[:-1]
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        return [ln.strip() for ln in fh if ln.strip()]


def header(sources: list[Path], data: Path) -> str:
    rows = ["# derived by warta build resources clean from ../shared/data"]
    rows += [f"# source {p.relative_to(data)} sha256={sha(p)}" for p in sources]
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> None:
    from warta.paths import data_root

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=None,
        help="the shared data folder (default: $WARTA_DATA, else ../shared/data)",
    )
    args = ap.parse_args(argv)
    data: Path = data_root(args.data)
    kb = data / "lexicon-kbbi-wordlists"
    OUT.mkdir(parents=True, exist_ok=True)

    # Indonesian words: KBBI-derived lists only (geovedi 00/02 mix in English crawl words).
    word_sources = [
        kb / "wikidepia_kbbi_wordlist.txt.gz",
        kb / "geovedi_01-kbbi3-2001-sort-alpha.lst.gz",
        kb / "sastrawi_kata-dasar.txt",
    ]
    words: set[str] = set()
    for src in word_sources:
        for w in lines(src):
            w = w.lower()
            if ALPHA.match(w) and len(w) >= 2:
                words.add(w)
    (OUT / "id_words.txt").write_text(
        header(word_sources, data) + "\n".join(sorted(words)) + "\n", encoding="utf-8"
    )

    stop_src = data / "lexicon-stopwords" / "stopwords-id.txt"
    stops = sorted({w.lower() for w in lines(stop_src) if ALPHA.match(w.lower())})
    # Shared language data: the clean stage and the HTML reader read it (warta.lang.id).
    (LANG / "function_words.txt").write_text(
        header([stop_src], data) + "\n".join(stops) + "\n", encoding="utf-8"
    )

    table = kb / "hyphenated_words.tsv"
    stop_set = set(stops)
    # Multi-word KBBI entries: a pair the dictionary writes with a space ("gotong royong",
    # "simpang siur") must not be hyphenated even when the news often does.
    spaced_kbbi = {ln.lower() for ln in lines(kb / "wikidepia_kbbi_wordlist.txt.gz") if " " in ln}
    keep: list[tuple[str, str]] = []
    with open(table, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            word, kind = row["word"].lower(), row["redup_type"]
            if not ALPHA_HYPHEN.match(word) or word in EXCLUDE:
                continue
            parts = word.split("-")
            # Only the KBBI list proper counts as the dictionary: the crawl lists and the
            # stemmer's roots carry forms the dictionary writes with a space (hiruk pikuk).
            in_kbbi = "wikidepia_kbbi" in row["in_kbbi_lists"]
            freq = int(row["corpus_freq"] or 0)
            # "other" rows are mostly compounds and names ("a-rod"); only the KBBI ones
            # (bolak-balik, ulang-alik) are words whose hyphen a scraper may drop.
            if kind not in {"full", "affixed", "rhyming"} and not (kind == "other" and in_kbbi):
                continue
            # Acronym and letter pairs ("dpr-ri", "pdi-p", "dobel-l") are not reduplications.
            if len(parts) != 2 or min(map(len, parts)) <= 2:
                continue
            if " ".join(parts) in spaced_kbbi and not in_kbbi:
                continue
            # Corpus-only rows below 3 uses are often scraper or tokenizer noise, and
            # pairs without a reduplication shape are coordinations ("visi-misi").
            if not in_kbbi and (freq < 3 or not redup_shape(*parts)):
                continue
            # A repeated function word is far more often a typo ("yang yang", "itu itu")
            # than a reduplication; only the ones that really reduplicate are kept.
            if parts[0] == parts[1] and parts[0] in stop_set and parts[0] not in FUNCTION_REDUP:
                continue
            keep.append((word, kind))
    body = "\n".join(f"{w}\t{k}" for w, k in sorted(keep))
    (OUT / "redup_lexicon.tsv").write_text(
        header([table, kb / "wikidepia_kbbi_wordlist.txt.gz"], data) + body + "\n", encoding="utf-8"
    )
    news = [data / n for n in NEWS]
    counts = word_counts(news)
    (OUT / "news_word_counts.tsv").write_text(
        header(news, data) + "\n".join(f"{w}\t{n}" for w, n in sorted(counts.items())) + "\n",
        encoding="utf-8",
    )
    print(
        f"id_words {len(words)}, function_words {len(stops)}, redup_lexicon {len(keep)}, "
        f"news_word_counts {len(counts)}"
    )


def word_counts(paths: list[Path], min_count: int = MIN_COUNT) -> dict[str, int]:
    """Lower-case word forms of five letters or more in the records' ``text``, with how
    often they are written, for those written at least ``min_count`` times."""
    seen: Counter[str] = Counter()
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    seen.update(_FORM.findall(text.lower()))
    return {w: n for w, n in seen.items() if n >= min_count}


if __name__ == "__main__":
    main()
