"""Rebuild the summary stage's shipped artefacts from ``../shared/data``.

    python -m warta.training.summary lexicon   # stopwords.txt, stems.tsv, idf.tsv
    python -m warta.training.summary ranker    # ranker.json (IndoSum reference summaries)
    python -m warta.training.summary topic     # topic.json + topic.bin

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
    "ujarnya",
    "katanya",
    "tuturnya",
    "imbuhnya",
    "tambahnya",
    "jelasnya",
    "ungkapnya",
    "sebutnya",
    "terangnya",
    "paparnya",
    "pungkasnya",
    "lanjutnya",
    "kata",
    "mengatakan",
    "menuturkan",
    "ucapnya",
    "kemarin",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "wib",
    "nya",
    "pun",
    "pula",
    "tersebut",
    "yakni",
    "ya",
    "sih",
    "deh",
    "kok",
    "lho",
    "dll",
    "dsb",
    "tsb",
)


def default_data_dir() -> Path:
    """The data root (``--data``, ``$WARTA_DATA`` or ``../shared/data``: :func:`warta.paths.data_root`)."""
    from warta.paths import data_root

    return data_root()


def resources_dir() -> Path:
    """The summary stage's resources folder, where the built artefacts go."""
    import warta.stages.summary

    return Path(warta.stages.summary.__file__).resolve().parent / "resources"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _command(args: list[str]) -> str:
    return "warta build summary " + " ".join(args)


def build_lexicon(data: Path, out: Path, *, command: str) -> dict[str, Any]:
    """Stop words, a Sastrawi stem table and an idf table from the IndoSum train split.

    The stem table lists words seen at least 3 times, with their stem where it differs; idf is
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
        for d in _jsonl(indosum)
        if indosum_split(str(d["id"])) == "train"
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
            # A word that is its own stem is listed too (as a bare word): otherwise the
            # step would ask Sastrawi again in every process.
            stems[w] = s or w
    df: Counter[str] = Counter()
    for d in docs:
        df.update({stems.get(t, t) for t in d if t not in words and any(c.isalnum() for c in t)})
    n = len(docs)
    idf = {t: math.log(n / c) for t, c in df.items() if c >= 3}
    src = f"# From {INDOSUM} (train split, sha256 {_sha256(indosum)}); built by: {command}\n"
    corpora = ", ".join(f"{rel} (sha256 {_sha256(data / rel)})" for rel in TOPIC_CORPORA[1:])
    (out / "stems.tsv").write_text(
        src
        + f"# Vocabulary also from {corpora}\n# word<TAB>stem, or a bare word that is its own stem\n"
        + "".join(f"{w}\t{s}\n" if s != w else f"{w}\n" for w, s in sorted(stems.items())),
        encoding="utf-8",
    )
    (out / "idf.tsv").write_text(
        src
        + f"# {n} articles; idf = ln(N / df)\n"
        + "".join(f"{t}\t{v:.3f}\n" for t, v in sorted(idf.items())),
        encoding="utf-8",
    )
    return {
        "stopwords": len(words),
        "stems": sum(s != w for w, s in stems.items()),
        "own_stems": sum(s == w for w, s in stems.items()),
        "idf": len(idf),
        "articles": n,
    }


# Gradient-boosted trees: enough to learn how position, length and centrality interact,
# small enough to ship (about 12k nodes) and to score a whole article in one numpy walk.
_TREES = {"max_iter": 200, "learning_rate": 0.1, "max_leaf_nodes": 31, "random_state": 0}
# Reference lengths (words) the selection is tuned over.
_REFERENCE_WORDS = (30, 35, 40, 45, 50, 55, 60, 70)
# One train article in five (by a hash of "tune:" + id) tunes the reference length.
_TUNE_MODULUS = 5


def _tune_split(article_id: str) -> bool:
    return int(hashlib.sha1(f"tune:{article_id}".encode()).hexdigest(), 16) % _TUNE_MODULUS == 0


class _RankerDoc:
    """One IndoSum article as the ranker sees it: features, words and the reference."""

    def __init__(
        self, doc_id: str, feats: list[dict[str, float]], words: list[list[str]], reference: Counter[str]
    ) -> None:
        self.id = doc_id
        self.feats = feats
        self.words = words
        self.reference = reference
        self.ref_len = sum(reference.values())
        self.precision = [self._precision(w) for w in words]

    def _precision(self, words: list[str]) -> float:
        """Share of a sentence's words found in the reference (counts clipped)."""
        if not words:
            return 0.0
        counts = Counter(words)
        return sum(min(c, self.reference[w]) for w, c in counts.items()) / len(words)

    def rouge1(self, chosen: list[int]) -> float:
        counts: Counter[str] = Counter(w for i in chosen for w in self.words[i])
        n = sum(counts.values())
        overlap = sum(min(c, self.reference[w]) for w, c in counts.items())
        if not n or not self.ref_len or not overlap:
            return 0.0
        return 2 * overlap / (n + self.ref_len)


def _ranker_docs(docs: list[dict[str, Any]]) -> list[_RankerDoc]:
    from warta.evaluation.indosum import indosum_article, rouge_tokens
    from warta.stages.summary.step import SummaryStep

    step = SummaryStep()
    out = []
    for doc in docs:
        article = indosum_article(doc)
        words = [rouge_tokens(t.text for t in s.tokens) for s in article.sentences]
        reference: Counter[str] = Counter(w for s in doc["summary_tokens"] for w in rouge_tokens(s))
        out.append(_RankerDoc(str(doc.get("id", "")), step.features(article), words, reference))
    return out


def _export_trees(model: Any) -> dict[str, Any]:
    """Flatten a fitted HistGradientBoostingRegressor into the arrays of a TreeRanker."""
    roots: list[int] = []
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    depth = 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        offset = len(feature)
        roots.append(offset)
        for j, node in enumerate(nodes):
            if bool(node["is_leaf"]):
                feature.append(-1)
                threshold.append(0.0)
                left.append(offset + j)
                right.append(offset + j)
                value.append(round(float(node["value"]), 9))
            else:
                if bool(node["is_categorical"]):
                    raise ValueError("categorical splits are not supported")
                feature.append(int(node["feature_idx"]))
                threshold.append(float(node["num_threshold"]))
                left.append(offset + int(node["left"]))
                right.append(offset + int(node["right"]))
                value.append(0.0)
            depth = max(depth, int(node["depth"]))
    return {
        "roots": roots,
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
        "depth": depth,
    }


def _fit_trees(docs: list[_RankerDoc], names: list[str]) -> Any:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingRegressor

    from warta.stages.summary.resources import TreeRanker

    probe = TreeRanker(
        features=names,
        base=0.0,
        roots=[0],
        feature=[-1],
        threshold=[0.0],
        left=[0],
        right=[0],
        value=[0.0],
        depth=0,
        reference_words=0,
        meta={},
    )
    x = probe.matrix([f for d in docs for f in d.feats])
    y = np.array([p for d in docs for p in d.precision])
    return HistGradientBoostingRegressor(**_TREES).fit(x, y)


def _ranker_from(model: Any, names: list[str], reference_words: float) -> Any:
    from warta.stages.summary.resources import TreeRanker

    trees = _export_trees(model)
    return TreeRanker(
        features=names,
        base=float(model._baseline_prediction.ravel()[0]),
        reference_words=reference_words,
        meta={},
        **trees,
    )


def _mean_rouge1(
    docs: list[_RankerDoc], scores: list[list[float]], reference_words: float, k: int = 3
) -> float:
    from warta.stages.summary.rank import select_budget

    total = 0.0
    for d, s in zip(docs, scores, strict=True):
        lengths = [len(w) for w in d.words]
        blocked = [n < 4 for n in lengths]
        if all(blocked):
            blocked = [False] * len(lengths)
        chosen = select_budget(
            s,
            lengths,
            k=k,
            units=[[i] for i in range(len(lengths))],
            blocked=blocked,
            reference_words=reference_words,
        )
        total += d.rouge1(chosen)
    return total / max(len(docs), 1)


def train_ranker(data: Path, out: Path, *, command: str) -> dict[str, Any]:
    """Gradient-boosted trees over sentence features on IndoSum's train split.

    Each sentence's target is the share of its words found in the human reference summary
    (clipped unigram precision, the words ROUGE compares); the selection then picks the
    ``k`` sentences of best expected ROUGE-1 F1 against a reference of ``reference_words``
    words (:func:`warta.stages.summary.rank.select_budget`). ``reference_words`` is tuned on
    one train article in five with trees fitted on the other four; the shipped trees are
    then fitted on the whole train split. The dev split (sha1(id) % 5 == 0) is never read.
    """
    import numpy as np

    from warta.evaluation.indosum import read_indosum

    indosum = data / INDOSUM
    raw = read_indosum(indosum, split="train")
    docs = _ranker_docs(raw)
    names = sorted({k for d in docs for f in d.feats for k in f if not k.startswith("first=")})
    fit_docs = [d for d in docs if not _tune_split(d.id)]
    tune_docs = [d for d in docs if _tune_split(d.id)]
    logger.info("tuning on %d of %d train articles", len(tune_docs), len(docs))
    tuner = _ranker_from(_fit_trees(fit_docs, names), names, 0.0)
    tune_scores = [tuner.predict(d.feats) for d in tune_docs]
    tuning = {str(w): round(_mean_rouge1(tune_docs, tune_scores, w), 5) for w in _REFERENCE_WORDS}
    reference_words = float(max(_REFERENCE_WORDS, key=lambda w: (tuning[str(w)], -w)))
    logger.info("reference words %s: %s", reference_words, tuning)
    model = _fit_trees(docs, names)
    ranker = _ranker_from(model, names, reference_words)
    # The exported arrays must score exactly as scikit-learn does.
    sample = [f for d in docs[:200] for f in d.feats]
    diff = np.abs(np.array(ranker.predict(sample)) - model.predict(ranker.matrix(sample))).max()
    if diff > 1e-5:
        raise RuntimeError(f"exported trees disagree with scikit-learn by {diff}")
    meta = {
        "data": {INDOSUM: _sha256(indosum)},
        "split": "train (sha1(id) % 5 != 0); reference length tuned on sha1('tune:' + id) % 5 == 0 of it",
        "articles": len(docs),
        "sentences": sum(len(d.feats) for d in docs),
        "target": "share of the sentence's words in the reference summary (clipped unigram precision)",
        "trees": {k: v for k, v in _TREES.items()},
        "tuning_rouge1": tuning,
        "command": command,
    }
    payload = {
        "kind": "trees",
        "features": names,
        "base": round(ranker.base, 9),
        "select": {"reference_words": reference_words},
        "trees": _export_trees(model),
        "meta": meta,
    }
    (out / "ranker.json").write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return {**meta, "reference_words": reference_words, "nodes": len(payload["trees"]["feature"])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="warta build summary",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("what", choices=("lexicon", "ranker", "topic"))
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder (default ../shared/data)")
    ap.add_argument(
        "--output", type=Path, default=None, help="folder for the artefacts (default: package resources)"
    )
    args = ap.parse_args(argv)
    from warta.paths import data_root

    data = data_root(args.data)
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
    keys = [
        str(record.get("sub_category") or ""),
        *path,
        str(record.get("category") or ""),
        str(record.get("aspect") or ""),
        host.split(".")[0],
    ]
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


# Chosen by macro-F1 on a validation fifth of the training part (sha1("val:" + text key)
# % 5 == 0), never the test fifth: C=1 0.7136, 4 0.7451, 16 0.7555, 32 0.768, 64 0.7648.
_TOPIC_C = 32.0


def train_topic(data: Path, out: Path, *, command: str, c: float = _TOPIC_C) -> dict[str, Any]:
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
    report = classification_report(
        y_arr[test_arr], pred, target_names=labels, output_dict=True, zero_division=0
    )
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
        "test": {
            "macro_f1": round(macro, 4),
            "accuracy": round(float(report["accuracy"]), 4),
            "per_label_f1": {lab: round(float(report[lab]["f1-score"]), 4) for lab in labels},
        },
        "split": "deduplicated by normalised text; test = sha1(text key) % 5 == 0",
        "C": c,
        "C_selection": "macro-F1 on sha1('val:' + text key) % 5 == 0 of the training part: "
        "1: 0.7136, 4: 0.7451, 16: 0.7555, 32: 0.768, 64: 0.7648",
        "command": command,
    }
    (out / "topic.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {k: meta[k] for k in ("labels", "articles", "test")}


if __name__ == "__main__":
    sys.exit(main())
