"""Build the NER word classes and gazetteer from ../shared/data into stages/ner/resources.

Usage:
    pip install -e ".[ner-build]"
    warta build resources ner            # both
    warta build resources ner --only gazetteer
    warta build resources ner --only embeddings

Writes ``clusters.tsv.gz`` + ``clusters.json`` (word2vec + k-means over the news
corpora; ~10 minutes on two cores), ``embeddings.npz`` (word2vec vectors for the
neural tagger; ~3 minutes) and ``gazetteer.tsv`` + ``gazetteer.json``. The JSON files
(``embeddings.npz`` keeps its metadata inside) record the input files' sha256 and this command. The CRF models are
trained afterwards with ``warta train ner`` (they depend on these resources).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any


def _out() -> Path:
    import warta.stages.ner

    return Path(warta.stages.ner.__file__).resolve().parent / "resources"


OUT = _out()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_embeddings(
    data_dir: Path,
    output: Path,
    *,
    dim: int = 100,
    min_count: int = 3,
    epochs: int = 5,
    workers: int = 2,
    seed: int = 13,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Learn the word vectors the neural tagger reads and write ``embeddings.npz``.

    The same skip-gram word2vec as :func:`build_clusters` over lower-cased news text,
    keeping words seen ``min_count`` times; stored as int8 unit vectors
    (:meth:`~warta.stages.ner.neural.Embeddings.write`) with their metadata, ``extra``
    (the command, the data's hashes) included.
    """
    import numpy as np

    from warta.stages.ner.clusters import NEWS_CORPORA, iter_news_sentences, train_word2vec
    from warta.stages.ner.neural import Embeddings

    lowered = [[t.lower() for t in s] for s in iter_news_sentences(data_dir)]
    model = train_word2vec(lowered, dim=dim, min_count=min_count, epochs=epochs, workers=workers, seed=seed)
    words = [w for w in model.wv.index_to_key if "\n" not in w]
    meta = {
        "corpora": list(NEWS_CORPORA),
        "sentences": len(lowered),
        "vocabulary": len(words),
        "word2vec": {
            "dim": dim,
            "window": 5,
            "min_count": min_count,
            "sg": 1,
            "epochs": epochs,
            "seed": seed,
        },
        **(extra or {}),
    }
    Embeddings.write(output, words, np.stack([model.wv[w] for w in words]), meta)
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["clusters", "embeddings", "gazetteer"])
    ap.add_argument(
        "--data",
        type=Path,
        default=None,
        help="the shared data folder (default: $WARTA_DATA, else ../shared/data)",
    )
    args = ap.parse_args(argv)
    from warta.paths import data_root

    args.data = data_root(args.data)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from warta.stages.ner.clusters import NEWS_CORPORA, build_clusters
    from warta.stages.ner.gazetteer import build_gazetteer

    command = "warta build resources ner" + (f" --only {args.only}" if args.only else "")
    if args.only in (None, "gazetteer"):
        rows = build_gazetteer(args.data)
        (OUT / "gazetteer.tsv").write_text(
            "# phrase<TAB>type; built by warta build resources ner\n"
            + "".join(f"{p}\t{t}\n" for p, t in rows),
            encoding="utf-8",
        )
        sources = [
            *sorted((args.data / "gazetteer-wilayah").glob("*.csv")),
            *sorted((args.data / "gazetteer-politics").glob("*.csv")),
        ]
        gaz: dict[str, Any] = {
            "command": command,
            "types": dict(Counter(t for _, t in rows)),
            "data": {str(p.relative_to(args.data.parent)): sha256(p) for p in sources},
            "cldr": "babel Locale('id').territories",
        }
        (OUT / "gazetteer.json").write_text(json.dumps(gaz, indent=2) + "\n", encoding="utf-8")
    if args.only in (None, "clusters"):
        began = time.perf_counter()
        meta: dict[str, Any] = dict(build_clusters(args.data, OUT / "clusters.tsv.gz"))
        meta["seconds"] = round(time.perf_counter() - began)
        meta["command"] = command
        meta["data"] = {rel: sha256(args.data / rel) for rel in NEWS_CORPORA}
        (OUT / "clusters.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if args.only in (None, "embeddings"):
        data = {rel: sha256(args.data / rel) for rel in NEWS_CORPORA}
        build_embeddings(args.data, OUT / "embeddings.npz", extra={"command": command, "data": data})
    return 0


if __name__ == "__main__":
    sys.exit(main())
