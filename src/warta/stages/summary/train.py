"""Rebuild the summary stage's shipped artefacts from ``../shared/data``.

    python -m warta.stages.summary.train lexicon   # stopwords.txt, stems.tsv, idf.tsv
    python -m warta.stages.summary.train ranker    # ranker.json (IndoSum extractive labels)
    python -m warta.stages.summary.train topic     # topic.json + topic.bin

Each artefact's JSON (or header) records the sha256 of the data it was built from and
the exact command. Training needs the ``summary-train`` extra (scikit-learn, numpy).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["build_lexicon", "default_data_dir", "resources_dir", "train_ranker", "train_topic"]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
INDOSUM = "news-indosum/indosum_articles.jsonl.gz"
STOPWORDS = "lexicon-stopwords/stopwords-id.txt"
# Reporting verbs and news fillers missing from the general list: they recur in every
# article and would otherwise dominate centrality and keyphrases.
_EXTRA_STOPWORDS = (
    "ujarnya", "katanya", "tuturnya", "imbuhnya", "tambahnya", "jelasnya", "ungkapnya", "sebutnya",
    "terangnya", "paparnya", "pungkasnya", "lanjutnya", "kata", "mengatakan", "menuturkan", "ucapnya",
    "kemarin", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "wib", "nya", "pun",
    "pula", "tersebut", "yakni", "ya", "sih", "deh", "kok", "lho", "dll", "dsb", "tsb",
)


def default_data_dir() -> Path:
    """``../shared/data`` next to the repository."""
    return Path(__file__).resolve().parents[5] / "shared" / "data"


def resources_dir() -> Path:
    return Path(__file__).resolve().parent / "resources"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _command(args: list[str]) -> str:
    return "python -m warta.stages.summary.train " + " ".join(args)


def build_lexicon(data: Path, out: Path, *, command: str) -> dict[str, Any]:
    """Stop words, a Sastrawi stem table and an idf table from the IndoSum train split.

    The stem table lists words seen at least 3 times whose stem differs; idf is
    ``log(N / df)`` over articles, for stems in at least 3 articles.
    """
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from warta.evaluation.indosum import indosum_split

    stop_path = data / STOPWORDS
    words = {w.strip().lower() for w in stop_path.read_text(encoding="utf-8").splitlines() if w.strip()}
    words.update(_EXTRA_STOPWORDS)
    header = f"# Derived from lexicon-stopwords/stopwords-id.txt (sha256 {_sha256(stop_path)}) plus news fillers.\n"
    header += f"# Built by: {command}\n"
    (out / "stopwords.txt").write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")

    indosum = data / INDOSUM
    docs = [
        [t.lower() for para in d["paragraphs_tokens"] for s in para for t in s]
        for d in _jsonl(indosum) if indosum_split(str(d["id"])) == "train"
    ]
    freq: Counter[str] = Counter(t for d in docs for t in d)
    # The stem table also covers the vocabulary of the other news corpora, so that the
    # step rarely falls back to (slow) Sastrawi; idf stays IndoSum-only.
    vocab: Counter[str] = Counter(freq)
    for rel in TOPIC_CORPORA[1:]:
        for rec in _jsonl(data / rel):
            vocab.update(w.lower() for w in _WORD.findall(str(rec.get("text") or "")))
    stemmer: Any = StemmerFactory().create_stemmer()
    stems: dict[str, str] = {}
    for w, c in vocab.items():
        if c >= 3 and len(w) >= 5 and w.isalpha() and w not in words:
            s = stemmer.stem(w)
            if s and s != w:
                stems[w] = s
    df: Counter[str] = Counter()
    for d in docs:
        df.update({stems.get(t, t) for t in d if t not in words and any(c.isalnum() for c in t)})
    n = len(docs)
    idf = {t: math.log(n / c) for t, c in df.items() if c >= 3}
    src = f"# From {INDOSUM} (train split, sha256 {_sha256(indosum)}); built by: {command}\n"
    corpora = ", ".join(f"{rel} (sha256 {_sha256(data / rel)})" for rel in TOPIC_CORPORA[1:])
    (out / "stems.tsv").write_text(
        src + f"# Vocabulary also from {corpora}\n" + "".join(f"{w}\t{s}\n" for w, s in sorted(stems.items())), encoding="utf-8")
    (out / "idf.tsv").write_text(
        src + f"# {n} articles; idf = ln(N / df)\n" + "".join(f"{t}\t{v:.3f}\n" for t, v in sorted(idf.items())),
        encoding="utf-8")
    return {"stopwords": len(words), "stems": len(stems), "idf": len(idf), "articles": n}


def _ranker_rows(docs: list[dict[str, Any]]) -> Iterator[tuple[dict[str, float], int]]:
    from warta.evaluation.indosum import indosum_article
    from warta.stages.summary.step import SummaryStep

    step = SummaryStep()
    for doc in docs:
        labels = [int(bool(x)) for para in doc["gold_labels"] for x in para]
        article = indosum_article(doc)
        if len(labels) != len(article.sentences):
            continue
        feats = step.features(article)
        yield from zip(feats, labels, strict=True)


def train_ranker(data: Path, out: Path, *, command: str, c: float = 1.0, min_count: int = 20) -> dict[str, Any]:
    """Logistic regression over sentence features on IndoSum's train split (gold_labels)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from warta.evaluation.indosum import read_indosum

    indosum = data / INDOSUM
    docs = read_indosum(indosum, split="train")
    rows = list(_ranker_rows(docs))
    # Lexical "first=word" features only for words that open enough sentences.
    counts: Counter[str] = Counter(k for f, _ in rows for k in f if k.startswith("first="))
    feats = [{k: v for k, v in f.items() if not k.startswith("first=") or counts[k] >= min_count} for f, _ in rows]
    y = [label for _, label in rows]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 1e-4}
    meta = {
        "data": {INDOSUM: _sha256(indosum)},
        "split": "train (sha1(id) % 5 != 0)",
        "articles": len(docs),
        "sentences": len(y),
        "positives": sum(y),
        "C": c,
        "min_count": min_count,
        "command": command,
    }
    payload = {"bias": round(float(model.intercept_[0]), 5), "weights": dict(sorted(weights.items())), "meta": meta}
    (out / "ranker.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.stages.summary.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("lexicon", "ranker", "topic"))
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--output", type=Path, default=None, help="folder for the artefacts (default: package resources)")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    out = args.output or resources_dir()
    out.mkdir(parents=True, exist_ok=True)
    command = _command([args.what])
    logging.basicConfig(level=logging.INFO)
    if args.what == "lexicon":
        result = build_lexicon(data, out, command=command)
    elif args.what == "ranker":
        result = train_ranker(data, out, command=command)
    else:
        result = train_topic(data, out, command=command)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


TOPIC_CORPORA = (
    INDOSUM,
    "news-clickid/clickid_articles.jsonl.gz",
    "news-2025-cnn-detik-kompas-tempo/articles.jsonl.gz",
    "news-detik-aspect-sum/detik_aspect_sum.jsonl.gz",
)
_TOPIC_DIM = 1 << 15
# Bodies shorter than this are teasers or scraping failures, not articles.
_MIN_TOPIC_CHARS = 200
# One article in five (by a hash of its deduplicated text) is held out for the report.
_TOPIC_TEST_MODULUS = 5


def _sections() -> dict[str, str]:
    from warta.resources import resource_lines

    return dict(tuple(ln.split("\t", 1)) for ln in resource_lines("summary", "topic_sections.tsv"))  # type: ignore[misc]


def topic_label(record: dict[str, Any], sections: dict[str, str]) -> str | None:
    """The harmonised topic of a corpus record, or None when its sections say nothing.

    Precedence, most specific first: sub-category, URL path sections, category (or
    ``aspect``), then the URL's subdomain ("money.kompas.com", "inet.detik.com").
    """
    from urllib.parse import urlparse

    url = urlparse(str(record.get("url") or ""))
    path = [p.lower() for p in url.path.split("/") if p][:2]
    host = url.netloc.lower().removeprefix("www.")
    keys = [str(record.get("sub_category") or ""), *path, str(record.get("category") or ""),
            str(record.get("aspect") or ""), host.split(".")[0]]
    if host.startswith("dailysocial"):
        keys.append("dailysocial")
    for key in keys:
        label = sections.get(key.strip().lower())
        if label:
            return label
    return None


def _topic_records(data: Path) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """(dedup key, text, label) per labelled article, deduplicated by normalised text."""
    sections = _sections()
    seen: set[str] = set()
    out = []
    hashes = {}
    for rel in TOPIC_CORPORA:
        path = data / rel
        hashes[rel] = _sha256(path)
        for rec in _jsonl(path):
            if str(rec.get("doc_type") or "news") != "news":
                continue
            text = f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
            if len(text) < _MIN_TOPIC_CHARS:
                continue
            label = topic_label(rec, sections)
            if label is None:
                continue
            key = hashlib.sha1(" ".join(_WORD.findall(text.lower()))[:400].encode("utf-8")).hexdigest()
            if key in seen:
                continue
            seen.add(key)
            out.append((key, text, label))
    return out, hashes


def train_topic(data: Path, out: Path, *, command: str, c: float = 4.0) -> dict[str, Any]:
    """Train the topic classifier on harmonised corpus sections; report held-out macro-F1.

    Texts are tokenised with a word regex, reduced to the step's stemmed content terms and
    hashed into ``2**15`` buckets (:func:`warta.stages.summary.topic.hashed_features`); a
    balanced multinomial logistic regression is trained on four fifths (by text hash) and
    scored on the rest. The shipped model is the one scored.
    """
    import zlib
    from array import array

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report, f1_score

    from warta.stages.summary.terms import Stemmer, content_terms
    from warta.stages.summary.topic import hashed_features

    records, hashes = _topic_records(data)
    labels = sorted({lab for _, _, lab in records})
    stem = Stemmer()
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    y: list[int] = []
    test: list[bool] = []
    for i, (key, text, label) in enumerate(records):
        feats = hashed_features(content_terms(_WORD.findall(text), stem), _TOPIC_DIM)
        rows.extend([i] * len(feats))
        cols.extend(feats)
        vals.extend(feats.values())
        y.append(labels.index(label))
        test.append(int(key, 16) % _TOPIC_TEST_MODULUS == 0)
    x = csr_matrix((vals, (rows, cols)), shape=(len(records), _TOPIC_DIM), dtype=np.float32)
    y_arr, test_arr = np.array(y), np.array(test)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(x[~test_arr], y_arr[~test_arr])
    pred = model.predict(x[test_arr])
    macro = float(f1_score(y_arr[test_arr], pred, average="macro"))
    report = classification_report(y_arr[test_arr], pred, target_names=labels, output_dict=True, zero_division=0)
    weights = array("f", np.ascontiguousarray(model.coef_.T, dtype=np.float32).ravel().tolist())
    (out / "topic.bin").write_bytes(zlib.compress(weights.tobytes(), 9))
    meta = {
        "labels": labels,
        "dim": _TOPIC_DIM,
        "bias": [round(float(b), 6) for b in model.intercept_],
        "features": "crc32 of stemmed content terms (title + text), 1 + ln(tf), L2-normalised",
        "data": hashes,
        "articles": {"train": int((~test_arr).sum()), "test": int(test_arr.sum())},
        "label_counts": {lab: int((y_arr == j).sum()) for j, lab in enumerate(labels)},
        "test": {"macro_f1": round(macro, 4),
                 "accuracy": round(float(report["accuracy"]), 4),
                 "per_label_f1": {lab: round(float(report[lab]["f1-score"]), 4) for lab in labels}},
        "split": "deduplicated by normalised text; test = sha1(text key) % 5 == 0",
        "C": c,
        "command": command,
    }
    (out / "topic.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {k: meta[k] for k in ("labels", "articles", "test")}


if __name__ == "__main__":
    sys.exit(main())
