"""Evaluation gate: run each benchmark in baseline.json and fail on a drop below its floor.

Usage:
    python eval/gate.py                 # check every gate (CI)
    python eval/gate.py --only seed     # one gate
    python eval/gate.py --update        # raise floors to today's scores (never lowers)
    python eval/gate.py --update --lower  # also lower floors: an explicit, reviewed decision

Each gate names a ``warta eval ... --json`` command, the metrics it pins (dotted paths
into the JSON), and the sha256 of its gold files: when gold data changes, the floors no
longer mean anything and the gate fails until someone re-baselines on purpose.
Gold data stays in ../shared; the gate is skipped with a message when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BASELINE = Path(__file__).with_name("baseline.json")
# Scores are deterministic; this only absorbs float formatting.
NOISE = 0.001


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expand(arg: str) -> str:
    return arg.replace("{shared}", str(SHARED)).replace("{root}", str(ROOT))


def dig(obj: Any, dotted: str) -> float:
    for key in dotted.split("."):
        obj = obj[key]
    return float(obj)


def run_gate(name: str, gate: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    files = {f: expand(f) for f in gate.get("gold", [])}
    missing = [f for f, p in files.items() if not Path(p).exists()]
    if missing:
        return None, f"skipped: gold data missing ({', '.join(missing)})"
    cmd = [sys.executable, "-m", "warta.cli", *(expand(a) for a in gate["command"])]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        return None, f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}"
    return json.loads(proc.stdout), ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", help="run only these gates")
    ap.add_argument("--update", action="store_true", help="raise floors to the scores measured now")
    ap.add_argument("--lower", action="store_true", help="with --update: allow floors to go down")
    args = ap.parse_args()
    if not (SHARED / "data").is_dir():
        print(f"eval gate: {SHARED / 'data'} not found; gates skipped")
        return 0
    baseline: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    failed = 0
    for name, gate in baseline["gates"].items():
        if args.only and name not in args.only:
            continue
        result, note = run_gate(name, gate)
        if result is None:
            print(f"[{'FAIL' if note.startswith('command') else 'skip'}] {name}: {note}")
            failed += note.startswith("command")
            continue
        hashes = {f: sha256(Path(expand(f))) for f in gate.get("gold", [])}
        if gate.get("sha256") and gate["sha256"] != hashes and not args.update:
            print(f"[FAIL] {name}: gold data changed since the floors were set; re-baseline with --update")
            failed += 1
            continue
        crashed = result.get("step_failures", [])
        if crashed:
            # A step that crashed on some article makes every score below meaningless.
            print(f"[FAIL] {name}: a step failed on {len(crashed)} article(s): {crashed[0]}")
            failed += 1
        for metric, floor in gate["floors"].items():
            value = dig(result, metric)
            ok = value + NOISE >= floor
            print(f"[{'ok' if ok else 'FAIL'}] {name} {metric} = {value:.4f} (floor {floor:.4f})")
            if args.update and (value > floor or args.lower):
                gate["floors"][metric] = round(value, 4)
            elif not ok:
                failed += 1
        if args.update:
            gate["sha256"] = hashes
        for line in result.get("failures", [])[:20]:
            print(f"       - {line}")
    if args.update:
        BASELINE.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"floors written to {BASELINE}")
    print(f"eval gate: {'FAILED' if failed else 'passed'}")
    return 1 if failed and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
