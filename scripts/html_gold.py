"""Tools for warta's article-body gold over ../shared/data/news-html (see warta.evaluation.html_gold).

    python scripts/html_gold.py show pages/kompas-singlepage.html     # the page's blocks, numbered
    python scripts/html_gold.py resolve ANNOTATION.jsonl... --out eval/gold/html-bodies.jsonl

An annotation line names a page and its body blocks: {"file": "pages/x.html", "body": [12, 13, "20-31"]}
(ranges allowed). ``resolve`` expands the ranges, adds the page's SHA-256 and outlet, and writes the
gold, which holds no text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from warta.evaluation._gold import gold_lines
from warta.evaluation.html_gold import GoldPage
from warta.io._html import decode_html
from warta.io.html_blocks import page_blocks

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-html"


def show(file: str) -> None:
    raw = (DATA / file).read_bytes()
    for b in page_blocks(decode_html(raw, source=file)):
        print(f"{b.index:4d} <{b.tag}> {b.text}")


def _indices(items: list[int | str]) -> list[int]:
    out: list[int] = []
    for item in items:
        if isinstance(item, int):
            out.append(item)
        else:
            lo, _, hi = str(item).partition("-")
            out.extend(range(int(lo), int(hi or lo) + 1))
    return sorted(set(out))


def resolve(paths: list[Path], out: Path) -> None:
    manifest = {
        json.loads(line)["file"]: json.loads(line)
        for line in (DATA / "manifest.jsonl").read_text().splitlines()
        if line.strip()
    }
    pages = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            a = json.loads(line)
            raw = (DATA / a["file"]).read_bytes()
            n = len(page_blocks(decode_html(raw, source=a["file"])))
            body = _indices(a["body"])
            if any(i >= n for i in body):
                raise SystemExit(f"{a['file']}: block index out of range (the page has {n} blocks)")
            pages.append(
                GoldPage(
                    file=a["file"],
                    sha256=hashlib.sha256(raw).hexdigest(),
                    outlet=manifest.get(a["file"], {}).get("outlet", "?"),
                    body=body,
                )
            )
    pages.sort(key=lambda g: g.file)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gold_lines(pages))
    print(f"{len(pages)} pages -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("file")
    r = sub.add_parser("resolve")
    r.add_argument("paths", type=Path, nargs="+")
    r.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    if args.cmd == "show":
        show(args.file)
    else:
        resolve(args.paths, args.out)


if __name__ == "__main__":
    main()
