"""Cost of hostile input: time, peak memory and output size of the whole pipeline per shape and size.

Usage:
    python benchmarks/bench_adversarial.py [--sizes 100000,300000,1000000] [--shape NAME ...]
        [--steps] [--json out.json]

Each shape (a long run of one character, one word, one capitalised name, one quote mark,
nested brackets, a quote cue repeated, 100,000 short sentences, ...) is generated at each
size (bytes of UTF-8) and analysed by the default pipeline in a fresh process, so the peak
resident memory is that article's alone (on top of the loaded models, reported as
``base_mb``). ``--steps`` also times each step.

For each shape the exponents of time and of memory growth against size are fitted by least
squares on log-log. A shape passes when the time exponent is at most 1.2 (or the largest
size takes under a second, where timer noise dominates), the memory growth exponent is at
most 1.2 (or it grows by under 100 MB), and the largest size takes at most 15 s and 1 GB.
The exit status is 1 when a shape fails.

The per-article budget is not applied here: the pipeline runs directly, so a stage that is
not linear shows, instead of being cut off.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import platform
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Largest size the done-when limits apply to, and those limits.
_MAX_SECONDS = 15.0
_MAX_PEAK_MB = 1024.0
_MAX_EXPONENT = 1.2
_NOISE_SECONDS = 1.0
_NOISE_MB = 100.0


def _repeat(unit: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        size = len(unit.encode("utf-8"))
        return unit * max(1, n // size)

    return make


def _names(n: int) -> str:
    """Distinct capitalised two-word names, one per short sentence (every name is new)."""
    rng = random.Random(7)
    syll = ["ba", "di", "ko", "ra", "se", "tu", "ma", "ni", "lo", "ga", "pu", "we", "ha", "ye", "su"]
    out: list[str] = []
    size = 0
    while size < n:
        first = "".join(rng.choice(syll) for _ in range(3)).capitalize()
        last = "".join(rng.choice(syll) for _ in range(3)).capitalize()
        s = f"{first} {last} datang ke kantor {last} kemarin. "
        out.append(s)
        size += len(s)
    return "".join(out)


def _quotes(n: int) -> str:
    """Distinct direct quotes with cues and speakers: many quotes, no repeats."""
    rng = random.Random(11)
    words = "harga beras naik turun pasar warga kota desa jalan rusak banjir sekolah guru murid dana".split()
    out: list[str] = []
    size = 0
    i = 0
    while size < n:
        body = " ".join(rng.choice(words) for _ in range(8))
        s = f'"Kami melihat {body} nomor {i}," kata Ketua RT Budi Santoso{i % 50}. '
        out.append(s)
        size += len(s)
        i += 1
    return "".join(out)


def _news(n: int) -> str:
    """Ordinary news: the bundled example article (written by us), repeated."""
    text = (
        Path(__file__)
        .resolve()
        .parents[1]
        .joinpath("src/warta/examples/artikel-contoh.txt")
        .read_text("utf-8")
    )
    return _repeat(text.strip() + "\n\n")(n)


SHAPES: dict[str, Callable[[int], str]] = {
    "one-char": _repeat("a"),
    "one-word": _repeat("kata "),
    "one-name": _repeat("Budi "),
    "glued-name": _repeat("Jakarta"),
    "quote-mark": _repeat('"'),
    "curly-quotes": _repeat("“”"),
    "dots": _repeat("."),
    "brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "cue-repeated": _repeat("kata dia, "),
    "quote-and-cue": _repeat('"Kami siap," ujarnya. '),
    "short-sentences": _repeat("Ya. "),
    "newlines": _repeat("\n"),
    "paragraph-words": _repeat("Harga\n\n"),
    "reduplication": _repeat("benar benar "),
    "camel-words": _repeat("kepadaWarta "),
    "camel-run": lambda n: "Hamas " + "Hamasmengatakan" * ((n - 6) // 15),
    "camel-names": _repeat("MenteriSuryaPrakoso RIPrabowo "),
    "cue-inside": _repeat("Pihak perusahaan lanjut Budi telah menyetujui. "),
    "menurut-named": _repeat("Budi Santoso hadir. Menurut Budi, Pulau Tujuh atau gugusan itu milik kami. "),
    "dates": _repeat("Senin (3/3/2025) "),
    "dangling-citation": _repeat("Mengutip , harga naik. "),
    "distinct-names": _names,
    "distinct-quotes": _quotes,
    "long-token": lambda n: "A" + "a" * (n - 1),
    "news": _news,
}


def _run_one(shape: str, size: int, steps: bool, conn: Any) -> None:
    from warta import make_article, to_json
    from warta.api_analyze import build_pipeline

    pipe = build_pipeline()
    pipe(make_article('Jakarta - Budi Santoso mengatakan, "Kami siap," ujarnya, Senin (3/3/2025).'))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = SHAPES[shape](size)
    article = make_article(text)
    per_step: dict[str, float] = {}
    started = time.perf_counter()
    if steps:
        for step in pipe.steps:
            t = time.perf_counter()
            article = step(article)
            per_step[step.name] = round(time.perf_counter() - t, 3)
    else:
        article = pipe(article)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send(
        {
            "shape": shape,
            "bytes": len(text.encode("utf-8")),
            "seconds": round(seconds, 3),
            "base_mb": round(base, 1),
            "peak_mb": round(peak, 1),
            "growth_mb": round(peak - base, 1),
            "output_bytes": len(to_json(article)),
            "errors": [e.message for e in article.errors],
            "limits": [f"{lim.step}: {lim.what} {lim.limit}/{lim.found}" for lim in article.limits],
            "steps": per_step,
        }
    )
    conn.close()


def run(shape: str, size: int, *, steps: bool = False, timeout: float = 600.0) -> dict[str, Any]:
    """Analyse one generated text in a fresh process; a process that dies or overruns is reported."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run_one, args=(shape, size, steps, child))
    proc.start()
    child.close()
    result: dict[str, Any] | None = None
    if parent.poll(timeout):
        try:
            result = parent.recv()
        except EOFError:
            result = None
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    if result is None:
        return {
            "shape": shape,
            "bytes": size,
            "failed": f"no result (exit code {proc.exitcode}, timeout {timeout:.0f} s)",
        }
    return result


def _slope(xs: list[float], ys: list[float]) -> float | None:
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return round(sum((p[0] - mx) * (p[1] - my) for p in pts) / den, 2) if den else None


def judge(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Exponents and the verdict for one shape's rows (sizes ascending)."""
    if any("failed" in r for r in rows):
        return {"pass": False, "why": "a run failed"}
    sizes = [float(r["bytes"]) for r in rows]
    t_exp = _slope(sizes, [max(r["seconds"], 1e-3) for r in rows])
    m_exp = _slope(sizes, [max(r["growth_mb"], 1.0) for r in rows])
    last = rows[-1]
    why = []
    if last["seconds"] > _MAX_SECONDS:
        why.append(f"{last['seconds']} s > {_MAX_SECONDS} s")
    if last["peak_mb"] > _MAX_PEAK_MB:
        why.append(f"peak {last['peak_mb']} MB > {_MAX_PEAK_MB} MB")
    if t_exp is not None and t_exp > _MAX_EXPONENT and last["seconds"] >= _NOISE_SECONDS:
        why.append(f"time exponent {t_exp}")
    if m_exp is not None and m_exp > _MAX_EXPONENT and last["growth_mb"] >= _NOISE_MB:
        why.append(f"memory exponent {m_exp}")
    return {"time_exponent": t_exp, "memory_exponent": m_exp, "pass": not why, "why": "; ".join(why)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sizes", default="100000,300000,1000000", help="bytes, comma-separated, ascending")
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    ap.add_argument("--steps", action="store_true", help="time each step too")
    ap.add_argument(
        "--timeout", type=float, default=600.0, help="seconds one run may take before it is killed"
    )
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shape or list(SHAPES)
    results: dict[str, Any] = {
        "sizes": sizes,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "limits": {"seconds": _MAX_SECONDS, "peak_mb": _MAX_PEAK_MB, "exponent": _MAX_EXPONENT},
        "shapes": {},
    }
    failed = []
    print(f"{'shape':18} {'bytes':>9} {'seconds':>8} {'peak MB':>8} {'growth':>7} {'output':>10}  notes")
    for shape in shapes:
        rows = []
        for size in sizes:
            r = run(shape, size, steps=args.steps, timeout=args.timeout)
            rows.append(r)
            if "failed" in r:
                print(
                    f"{shape:18} {size:>9,} {'-':>8} {'-':>8} {'-':>7} {'-':>10}  {r['failed']}", flush=True
                )
                break
            notes = "; ".join(r["limits"] + r["errors"])
            if r["steps"]:
                slow = sorted(r["steps"].items(), key=lambda kv: -kv[1])[:3]
                notes = (notes + " " if notes else "") + " ".join(f"{k}={v}" for k, v in slow)
            print(
                f"{shape:18} {r['bytes']:>9,} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} {r['growth_mb']:>7.0f} "
                f"{r['output_bytes']:>10,}  {notes}",
                flush=True,
            )
        verdict = judge(rows)
        results["shapes"][shape] = {"runs": rows, **verdict}
        print(
            f"{'':18} time exponent {verdict.get('time_exponent')}, memory exponent "
            f"{verdict.get('memory_exponent')}: {'ok' if verdict['pass'] else 'FAIL ' + verdict['why']}",
            flush=True,
        )
        if not verdict["pass"]:
            failed.append(shape)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(shapes) - len(failed)} of {len(shapes)} shapes pass"
        + (f"; failing: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
