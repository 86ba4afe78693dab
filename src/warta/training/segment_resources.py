#!/usr/bin/env python3
"""Rebuild the derived word lists of the segmentation stage.

Writes, under ``src/warta/stages/segment/resources/``:

- ``abbreviations.txt``: the shared abbreviation lexicon
  (``lexicon-abbreviations/abbreviations.txt``) without the entries that the news
  corpora mostly use as plain words (``di``, ``para``, ``siap``, ``usia`` ...), plus
  the additions below.
- ``sentence_starters.txt``: words that often open a sentence in the news corpora
  and are seldom capitalised inside one (``Namun``, ``Ia``, ``Pada`` ...). After an
  initial or a name-like abbreviation, such a word signals a new sentence.
- ``tlds.txt``: top-level domains for domain-name tokens (``detik.com``), without the
  ones that are also Indonesian function words.
- ``hyphenated_words.txt``: hyphenated words that the KBBI-derived word lists hold
  (``asal-usul``, ``bolak-balik``, ``e-mail``): one token each.

``titles.txt``, ``name_abbreviations.txt`` and ``hyphen_affixes.txt`` are written by hand.

Usage: warta build resources segment [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path


def _out() -> Path:
    import warta.stages.segment

    return Path(warta.stages.segment.__file__).resolve().parent / "resources"


OUT = _out()
CORPORA = (
    "news-2025-cnn-detik-kompas-tempo/articles.jsonl.gz",
    "news-indosum/indosum_articles.jsonl.gz",
    "news-clickid/clickid_articles.jsonl.gz",
    "news-detik-aspect-sum/detik_aspect_sum.jsonl.gz",
)

# Abbreviations written with a period that the shared lexicon lacks or that the corpus
# filter would drop because they are also often written without one (dkk, dll).
ADDITIONS = """
dll dsb dst dkk tsb sda yth ybs ttd tgl bln thn hlm jkt cs yoy al
tbk ltd inc corp bhd plc llc co pte gmbh
kol mayjen letjen brigjen laksda laksma marsda marsma irjen kombes kompol akbp iptu ipda aiptu bripka
jend kapt serda sertu serka pratu prada kopda praka
pdt ust ustz sdri ny nn tn bpk
kec kab kel prov ds dsn dk dkh kp gg rt rw blk kav kompl perum
tlp telp hp fax faks ext
mr mrs ms dr drs dra drg prof ir h hj kh
sept okt nov nop des jan feb apr agu agt ags
vol ed no nmr psl
s.h m.h s.e m.m m.si s.sos s.pd m.pd s.kom s.t m.t s.ip s.ag m.ag s.ked sp.pd sp.og sp.a
s.ikom s.farm apt s.hum m.hum s.psi m.psi m.kes s.kep ph.d m.sc b.sc m.a m.b.a
a.n u.p u.b s.d d.a c.q q.q u.s p.s
""".split()  # a word block reads better than a quoted list

MIN_PLAIN = 5  # lowercase uses without a period before a lexicon entry counts as a word at all
STARTER_MIN = 10  # sentence-initial uses before a word counts as a sentence starter
STARTER_CAPITAL_RATE = 0.05  # at most this share of mid-sentence uses may be capitalised


def texts(data: Path) -> Iterator[str]:
    for name in CORPORA:
        path = data / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    yield text


def lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def build(data: Path) -> None:
    lexicon = lines(data / "lexicon-abbreviations" / "abbreviations.txt")
    stopwords = set(lines(data / "lexicon-stopwords" / "stopwords-id.txt"))
    kbbi_path = data / "lexicon-kbbi-wordlists" / "geovedi_01-kbbi3-2001-sort-alpha.lst.gz"
    with gzip.open(kbbi_path, "rt", encoding="utf-8") as fh:
        kbbi = {w.strip().lower() for w in fh if w.strip()}

    # Entries of the lexicon usable as abbreviation: letters/digits with internal periods only.
    entries = {e.rstrip(".") for e in lexicon}
    entries = {e for e in entries if re.fullmatch(r"[a-z0-9]+(?:\.[a-z0-9]+)*", e)}

    plain: Counter[str] = Counter()  # lowercase, not followed by a period
    dotted: Counter[str] = Counter()  # followed by a period
    start: Counter[str] = Counter()  # capitalised right after a sentence-final period
    lower: Counter[str] = Counter()  # lowercase inside a sentence
    capital: Counter[str] = Counter()  # capitalised inside a sentence
    word_re = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z.]*[A-Za-z]|[A-Za-z])(\.?)(?=[\s,;:)\"”]|$)")
    start_re = re.compile(r"(?<=[a-z]{3}\.) ([A-Z][a-z]+)\b")
    mid_re = re.compile(r"(?<=[a-z]{2} )([A-Za-z][a-z]+)\b")
    for text in texts(data):
        for m in word_re.finditer(text):
            w = m.group(1)
            lw = w.lower()
            if lw in entries:
                if m.group(2):
                    dotted[lw] += 1
                elif w.islower():
                    plain[lw] += 1
        for m in start_re.finditer(text):
            start[m.group(1).lower()] += 1
        for m in mid_re.finditer(text):
            w = m.group(1)
            if w[0].isupper():
                capital[w.lower()] += 1
            else:
                lower[w] += 1

    # A lexicon entry that the corpora use as a plain word more often than as an
    # abbreviation is a word that happens to be spelled like an acronym (di, siap, usia).
    def is_word(e: str) -> bool:
        if "." in e:
            return False
        if e in stopwords:
            return True
        return plain[e] >= MIN_PLAIN and plain[e] >= 2 * dotted[e]

    abbreviations = sorted({e for e in entries if not is_word(e)} | set(ADDITIONS))
    dropped = sorted(e for e in entries if is_word(e) and e not in ADDITIONS)

    starters = sorted(
        w
        for w, n in start.items()
        if n >= STARTER_MIN
        and (w in kbbi or lower[w] >= 30)
        and capital[w] <= STARTER_CAPITAL_RATE * (lower[w] + n)
    )

    tlds = sorted({t.strip(".") for t in lines(data / "lexicon-abbreviations" / "tld.txt")} - stopwords)

    hyphenated = sorted(
        row.split("\t")[0]
        for row in lines(data / "lexicon-kbbi-wordlists" / "hyphenated_words.tsv")[1:]
        if len(row.split("\t")) > 3 and row.split("\t")[3]  # listed in a KBBI-derived word list
    )

    header = "# Derived by warta build resources segment (warta/training/segment_resources.py); edit that, not this file.\n"
    (OUT / "abbreviations.txt").write_text(
        header
        + "# Abbreviations (lower case, without the final period). A word in this list that ends\n"
        + "# in a period ends a sentence only when the next word starts one.\n"
        + "\n".join(abbreviations)
        + "\n",
        encoding="utf-8",
    )
    (OUT / "sentence_starters.txt").write_text(
        header
        + "# Words that often open a sentence and are seldom capitalised inside one (lower case).\n"
        + "\n".join(starters)
        + "\n",
        encoding="utf-8",
    )
    (OUT / "tlds.txt").write_text(
        header + "# Top-level domains (without the dot).\n" + "\n".join(tlds) + "\n", encoding="utf-8"
    )
    (OUT / "hyphenated_words.txt").write_text(
        header
        + "# Hyphenated words of the KBBI-derived word lists (lower case): one token each.\n"
        + "\n".join(hyphenated)
        + "\n",
        encoding="utf-8",
    )
    print(f"hyphenated words: {len(hyphenated)}")
    print(f"abbreviations: {len(abbreviations)} (dropped {len(dropped)} plain words: {' '.join(dropped)})")
    print(f"sentence starters: {len(starters)}; tlds: {len(tlds)}")


def main(argv: list[str] | None = None) -> None:
    from warta.paths import data_root

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="the shared data folder (default: $WARTA_DATA, else ../shared/data)",
    )
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    build(data_root(args.data))


if __name__ == "__main__":
    main()
