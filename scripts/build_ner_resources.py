"""Build the NER word classes and gazetteer from ../shared/data into stages/ner/resources.

Usage:
    pip install -e ".[ner-build]"
    python scripts/build_ner_resources.py            # both
    python scripts/build_ner_resources.py --only gazetteer
    python scripts/build_ner_resources.py --only embeddings

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

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "warta" / "stages" / "ner" / "resources"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["clusters", "embeddings", "gazetteer"])
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from warta.stages.ner.clusters import NEWS_CORPORA, build_clusters, build_embeddings
    from warta.stages.ner.gazetteer import build_gazetteer

    command = "python scripts/build_ner_resources.py" + (f" --only {args.only}" if args.only else "")
    if args.only in (None, "gazetteer"):
        rows = build_gazetteer(args.data)
        (OUT / "gazetteer.tsv").write_text(
            "# phrase<TAB>type; built by scripts/build_ner_resources.py\n"
            + "".join(f"{p}\t{t}\n" for p, t in rows),
            encoding="utf-8",
        )
        sources = [
            *sorted((args.data / "gazetteer-wilayah").glob("*.csv")),
            *sorted((args.data / "gazetteer-politics").glob("*.csv")),
        ]
        meta = {
            "command": command,
            "types": dict(Counter(t for _, t in rows)),
            "data": {str(p.relative_to(args.data.parent)): sha256(p) for p in sources},
            "cldr": "babel Locale('id').territories",
        }
        (OUT / "gazetteer.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if args.only in (None, "clusters"):
        began = time.perf_counter()
        meta = build_clusters(args.data, OUT / "clusters.tsv.gz")
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
