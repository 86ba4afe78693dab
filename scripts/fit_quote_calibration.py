"""Fit the quote stage's confidence calibration on real-text gold.

    python scripts/fit_quote_calibration.py --gold eval/gold/quotes-round7.jsonl --split all \
        --save-samples eval/calibration/round7-first-look.jsonl
    python scripts/fit_quote_calibration.py --samples eval/calibration/*.jsonl --choose-prior
    python scripts/fit_quote_calibration.py [--gold eval/gold/quotes-real.jsonl] [--split dev] [--prior 20]

Runs the default pipeline with raw (uncalibrated) quote confidences on the gold's articles
of ``--split`` (``dev``, ``heldout`` or ``all``), labels each predicted attribution right
(span and speaker right) or wrong, and either freezes those pairs (``--save-samples``: a
round's *first look*, taken before any rule is changed on it, with the gold's hash and the
rules' commit) or fits an isotonic map (see warta.stages.quotes.calibration) and writes it to
``src/warta/stages/quotes/resources/calibration.json`` with where its samples came from and
this command.

The shipped map is fitted on frozen first looks (``--samples``): rules tuned on a round are
right more often there than on unseen articles, so a map fitted on a round after rules were
changed on it believes the attributor too much (session 9: a map fitted on rounds 3 to 5 said
0.99 where unseen articles were right 0.88 times). Freezing each round's first look keeps
those samples honest after the rules move on, and lets the rounds add up (session 11: the
first looks of rounds 6 to 13, 1,854 attributions; session 12: rounds 6 to 15, 2,296; session 14: rounds 6 to 18, 2,987). To
freeze an earlier commit's first look, run the command with
``PYTHONPATH=<worktree of that commit>/src``; the commit recorded is the one the warta package
is imported from. ``--choose-prior`` picks the smoothing prior with the lowest
leave-one-article-out log loss on those articles (a proper scoring rule; expected calibration
error, printed beside it, favours flat maps), and prints the table. The main gold's held-out
third is never looked at here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
from pathlib import Path

import warta
from warta.config import Settings
from warta.evaluation.quote_gold import load_articles, read_quote_gold, score_article
from warta.io import FieldMap
from warta.io._records import article_from_record
from warta.pipeline import Pipeline
from warta.registry import make_step
from warta.stages.quotes.calibration import Calibration, fit_isotonic

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/warta/stages/quotes/resources/calibration.json"


# No prior of 0: a score seen a few times must not say 0 or 1.
PRIORS = (2.0, 5.0, 10.0, 20.0, 50.0)


def _ece(points: list[tuple[float, float]], bins: int = 10) -> float:
    """Expected calibration error of (confidence, outcome) pairs, with the scorer's bins."""
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, y) for c, y in points if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            gap = sum(c for c, _ in inside) / len(inside) - sum(y for _, y in inside) / len(inside)
            total += len(inside) / len(points) * abs(gap)
    return total


def _log_loss(points: list[tuple[float, float]]) -> float:
    """Mean negative log-likelihood of the outcomes (a proper scoring rule: unlike ECE, a flat
    map that says the overall rate everywhere does not score well)."""
    eps = 1e-4
    return -sum(
        math.log(min(1 - eps, max(eps, c)) if y else 1 - min(1 - eps, max(eps, c))) for c, y in points
    ) / max(1, len(points))


def _held_out(by_article: list[list[tuple[float, float]]], prior: float) -> list[tuple[float, float]]:
    """Each article's (calibrated confidence, outcome) under a map fitted on the other articles."""
    out: list[tuple[float, float]] = []
    for i, mine in enumerate(by_article):
        rest = [x for j, other in enumerate(by_article) if j != i for x in other]
        cal = Calibration(fit_isotonic(rest, prior=prior))
        out.extend((cal(c), y) for c, y in mine)
    return out


def _commit() -> str | None:
    """The commit whose rules gave the raw confidences (the map fits those rules only): that of
    the checkout the warta package is imported from (an older worktree on PYTHONPATH freezes
    an earlier first look)."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(warta.__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def _run_rules(
    gold_paths: list[Path], split: str, data: Path | None
) -> list[tuple[str, list[tuple[float, float]]]]:
    """Each gold article's (raw confidence, right) pairs under the rules of this checkout."""
    gold = [g for path in gold_paths for g in read_quote_gold(path) if split == "all" or g.split == split]
    settings = Settings()
    steps = [
        make_step(k, calibrate=False) if k == "warta.quotes.v1" else make_step(k) for k in settings.pipeline
    ]
    pipe = Pipeline(steps)
    fields = FieldMap.from_settings(settings)
    out: list[tuple[str, list[tuple[float, float]]]] = []
    for g, record in load_articles(gold, data):
        article = pipe(
            article_from_record(
                record,
                fields=fields,
                source=g.id,
                default_id=g.id,
                input_format="jsonl",
                max_bytes=settings.max_input_bytes,
            )
        )
        _counts, rows = score_article(g, article, record.get("text") or "")
        mine: list[tuple[float, float]] = []
        for r in rows:
            if r["status"] == "tp":
                mine.append((r["pred"].quote.confidence, 1.0 if r["speaker_ok"] else 0.0))
            elif r["status"] == "fp":
                mine.append((r["pred"].quote.confidence, 0.0))
        out.append((g.id, mine))
    return out


def _save_samples(path: Path, gold_paths: list[Path], split: str, runs) -> None:
    """Freeze a first look: the raw confidences and outcomes, with the gold's hash and the commit."""
    head = {
        "gold": [_name(p) for p in gold_paths],
        "gold_sha256": [hashlib.sha256(p.read_bytes()).hexdigest() for p in gold_paths],
        "split": split,
        "rules_commit": _commit(),
    }
    lines = [json.dumps(head)]
    lines += [json.dumps({"id": rid, "samples": [[round(c, 6), y] for c, y in mine]}) for rid, mine in runs]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(len(m) for _, m in runs)} attributions of {len(runs)} articles -> {path}", file=sys.stderr)


def _load_samples(path: Path) -> tuple[dict, list[tuple[str, list[tuple[float, float]]]]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines or "rules_commit" not in lines[0]:
        raise SystemExit(f"{path}: not a samples file of --save-samples (no header line with rules_commit)")
    return lines[0], [(d["id"], [(float(c), float(y)) for c, y in d["samples"]]) for d in lines[1:]]


def _name(p: Path) -> str:
    p = p.resolve()
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--gold", type=Path, nargs="+", default=[ROOT / "eval/gold/quotes-real.jsonl"])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument(
        "--save-samples",
        type=Path,
        help="Run the rules on --gold and freeze their raw confidences and outcomes in this file "
        "(a round's first look), instead of fitting a map.",
    )
    ap.add_argument(
        "--samples",
        type=Path,
        nargs="+",
        help="Fit on these frozen first looks (files of --save-samples) instead of running the rules.",
    )
    # Session 7 chose 20 by leave-one-article-out ECE on round 3 (prior 0 0.078,
    # 2 0.095, 5 0.078, 10 0.065, 20 0.033, 50 0.062; 212 attributions make a coarse map,
    # which a stronger pull toward the overall rate keeps from trusting single scores.
    ap.add_argument("--prior", type=float, default=20.0, help="Pseudo-observations per score (smoothing).")
    ap.add_argument(
        "--choose-prior",
        action="store_true",
        help=f"Choose the prior among {', '.join(f'{p:g}' for p in PRIORS)} by leave-one-article-out log loss.",
    )
    args = ap.parse_args()
    if args.save_samples:
        _save_samples(args.save_samples, args.gold, args.split, _run_rules(args.gold, args.split, args.data))
        return
    if args.samples:
        heads, runs = [], []
        for path in args.samples:
            head, mine = _load_samples(path)
            heads.append({"file": _name(path), **head})
            runs += mine
        source = {"first_looks": heads}
        command = (
            f"python scripts/fit_quote_calibration.py --samples {' '.join(_name(p) for p in args.samples)}"
        )
    else:
        runs = _run_rules(args.gold, args.split, args.data)
        names = [_name(p) for p in args.gold]
        source = {
            "split": args.split,
            "gold": names,
            "gold_sha256": [hashlib.sha256(p.read_bytes()).hexdigest() for p in args.gold],
            "rules_commit": _commit(),
        }
        command = f"python scripts/fit_quote_calibration.py --gold {' '.join(names)} --split {args.split}"
    by_article = [mine for _rid, mine in runs]
    samples = [x for mine in by_article for x in mine]
    if args.choose_prior:
        # Chosen by leave-one-article-out log loss; ECE is printed beside it.
        scores = {}
        for p in PRIORS:
            held = _held_out(by_article, p)
            scores[p] = _log_loss(held)
            print(
                f"prior {p:>4g}: leave-one-article-out log loss {scores[p]:.4f}, ECE {_ece(held):.3f}",
                file=sys.stderr,
            )
        args.prior = min(PRIORS, key=lambda p: (scores[p], p))
    points = fit_isotonic(samples, prior=args.prior)
    meta = {
        "points": points,
        "samples": len(samples),
        "articles": len(by_article),
        **source,
        "command": command + (" --choose-prior" if args.choose_prior else f" --prior {args.prior:g}"),
        "prior": args.prior,
    }
    OUT.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"{len(samples)} attributions, {len(points)} points -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
