"""Score article-body extraction on news pages, side by side with trafilatura.

The gold (``eval/gold/html-bodies.jsonl``) names, per page of ``../shared/data/news-html``,
the page's SHA-256 and the indices of its body blocks (:func:`warta.io.html_blocks.page_blocks`):
no text. The scorer cuts each page into blocks again and joins the body blocks into the gold
body, then scores each system's text with the rule of the article-extraction-benchmark:
lower-cased word tokens, the multiset of their 4-word shingles, precision and recall of the
predicted shingles against the gold ones, F1, averaged over pages.

Systems, in the same run: warta's reader (the HTML reader and the clean stage: the text the
pipeline analyses, with the dateline it moved to metadata put back, since it is body text),
the same without its outlet profiles (``warta_generic``: what a page of an outlet warta has
no profile for gets; the profiles of old templates were written with these pages in view),
trafilatura with its defaults, and trafilatura with ``favor_precision=True``. Pages per
second count the work of each on all pages, one process, after a warm-up (:func:`_warm_up`).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec

from warta.errors import EvaluationError, WartaError
from warta.evaluation._gold import read_gold_structs

__all__ = ["GoldPage", "body_f1", "evaluate_html", "read_html_gold", "shingles"]

_TOKEN = re.compile(r"\w+")


class GoldPage(msgspec.Struct, omit_defaults=True):
    file: str
    sha256: str
    outlet: str
    body: list[int]


def read_html_gold(path: str | Path) -> list[GoldPage]:
    """The pages of an HTML body gold file (JSON Lines).

    Raises:
        EvaluationError: the file is missing or a line is not a gold page (W401).
    """
    return read_gold_structs(path, GoldPage, what="gold page")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-word shingles of lower-cased word tokens.

    Example:
        >>> sorted(shingles("Harga beras naik lagi hari ini").values())
        [1, 1, 1]
    """
    toks = _TOKEN.findall(text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def body_f1(predicted: str, gold: str) -> dict[str, float]:
    """Precision, recall and F1 of ``predicted`` against ``gold`` (4-word shingles).

    Example:
        >>> body_f1("harga beras naik lagi hari ini", "harga beras naik lagi hari ini juga")["precision"]
        1.0
    """
    p, g = shingles(predicted), shingles(gold)
    if not p and not g:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    if not p or not g:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    common = sum((p & g).values())
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def _warta(profiles: bool) -> Callable[[bytes, str], str]:
    def run(page: bytes, name: str) -> str:
        from warta.errors import EmptyInputError
        from warta.io._html import article_from_html
        from warta.stages.clean.step import CleanStep

        try:
            article = article_from_html(page, id=name, source=name, profiles=profiles)
        except EmptyInputError:
            return ""
        article = CleanStep()(article)
        return f"{article.source.dateline} {article.text}" if article.source.dateline else article.text

    return run


def _trafilatura(precision: bool) -> Callable[[bytes, str], str]:
    def run(page: bytes, name: str) -> str:
        import trafilatura

        from warta.io._html import decode_html

        out = trafilatura.extract(decode_html(page, source=name), favor_precision=precision)
        return out or ""

    return run


def _warm_up(root: Path, pages: Sequence[GoldPage]) -> list[tuple[bytes, str]]:
    """The pages each system reads, untimed, before its timed pass: the pages beside the
    scored ones that the gold does not score (the index pages of news-html).

    Each system loads word lists and models the first time a page needs them, and a page
    that sends trafilatura down its fallbacks loads jusText's stop lists of every language
    (a quarter of a second, the work of about ten pages). One scored page as the warm-up left
    that load in the timed pass of whichever system came first, and none in those after it:
    the order, not the system, decided a quarter to a third of its pages per second.
    Unscored pages warm every system alike without putting the timed pages into any
    per-page cache.
    """
    scored = {(root / g.file).resolve() for g in pages}
    folders = sorted({(root / g.file).parent for g in pages})
    spare = [
        p
        for folder in folders
        for p in sorted(folder.iterdir())
        if p.suffix.lower() in _PAGE_SUFFIXES and p.is_file() and p.resolve() not in scored
    ]
    return [(p.read_bytes(), str(p.relative_to(root))) for p in spare]


_PAGE_SUFFIXES = frozenset({".html", ".htm"})


def evaluate_html(
    data: str | Path,
    *,
    gold: str | Path,
    systems: Sequence[str] = ("warta", "warta_generic", "trafilatura", "trafilatura_precision"),
) -> dict[str, Any]:
    """Body P/R/F1 (averaged over pages) and pages per second of each system.

    Args:
        data: the folder of the pages (``../shared/data/news-html``; gold paths are relative to it).
        gold: the gold file.
        systems: which systems to score.

    Raises:
        EvaluationError: the gold or a page is missing, or a page is not the one annotated (W401).
    """
    from warta.io._html import decode_html
    from warta.io.html_blocks import page_blocks

    root = Path(data)
    pages = read_html_gold(gold)
    runners: dict[str, Callable[[bytes, str], str]] = {
        "warta": _warta(True),
        "warta_generic": _warta(False),
        "trafilatura": _trafilatura(False),
        "trafilatura_precision": _trafilatura(True),
    }
    loaded = []
    for g in pages:
        path = root / g.file
        if not path.is_file():
            raise EvaluationError(f"page {g.file} not found", source=str(root))
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != g.sha256:
            raise EvaluationError(f"page {g.file} is not the annotated one (hash differs)", source=str(root))
        blocks = page_blocks(decode_html(raw, source=g.file))
        body = "\n".join(blocks[i].text for i in g.body if i < len(blocks))
        loaded.append((g, raw, body))
    warm = _warm_up(root, pages) or [(loaded[0][1], loaded[0][0].file)]
    result: dict[str, Any] = {"data": str(root), "pages": len(loaded), "systems": {}}
    for name in systems:
        run = runners[name]
        scores = []
        for raw, file in warm:  # imports, word lists, models: loaded once per process
            with contextlib.suppress(WartaError):
                run(raw, file)
        started = time.perf_counter()
        outputs = [run(raw, g.file) for g, raw, _ in loaded]
        seconds = time.perf_counter() - started
        per_page = {}
        for (g, _raw, body), out in zip(loaded, outputs, strict=True):
            s = body_f1(out, body)
            scores.append(s)
            per_page[g.file] = round(s["f1"], 4)
        n = len(scores)
        result["systems"][name] = {
            "precision": round(sum(s["precision"] for s in scores) / n, 4),
            "recall": round(sum(s["recall"] for s in scores) / n, 4),
            "f1": round(sum(s["f1"] for s in scores) / n, 4),
            "pages_per_second": round(n / seconds, 1) if seconds else None,
            "per_page": per_page,
        }
    return result
