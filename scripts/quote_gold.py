"""Tools for warta's quote gold over real articles (see docs/gold-quotes.md).

    python scripts/quote_gold.py select [--per-outlet 6] --out PLAN.json     # choose the articles
    python scripts/quote_gold.py show CORPUS FILE ID                          # print one article's text
    python scripts/quote_gold.py resolve ANNOTATION.jsonl... --out eval/gold/quotes-real.jsonl

Annotators write, per article, the *content* of each quote as an exact substring of the text
(with an occurrence number when it occurs more than once), outside the repository. ``resolve``
turns those substrings into character offsets and the article text into its hash, assigns the
held-out third by the article id's hash, and writes the gold, which holds no article text.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from warta.evaluation._gold import gold_lines
from warta.evaluation.quote_gold import GoldArticle, GoldQuote, record_index, text_sha1

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# (corpus, file, outlet as the records name it, articles wanted)
PLAN = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 6),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 6),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 6),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 6),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 5),
    ("news-clickid", "clickid_articles.jsonl.gz", "sindonews.com", 5),
    ("news-clickid", "clickid_articles.jsonl.gz", "tribunnews.com", 5),
    ("news-clickid", "clickid_articles.jsonl.gz", "kapanlagi.com", 5),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 5),
    ("news-indosum", "indosum_articles.jsonl.gz", "kumparan", 5),
    ("news-indosum", "indosum_articles.jsonl.gz", "antaranews", 5),
    ("news-indosum", "indosum_articles.jsonl.gz", "merdeka", 5),
    ("news-indosum", "indosum_articles.jsonl.gz", "suara", 5),
]
# Round 2 (session 6): more outlets, and more of the news-2025 four, none chosen before.
PLAN_2 = [
    ("news-clickid", "clickid_articles.jsonl.gz", "wowkeren.com", 4),
    ("news-clickid", "clickid_articles.jsonl.gz", "fimela.com", 4),
    ("news-clickid", "clickid_articles.jsonl.gz", "posmetro-medan.com", 4),
    ("news-clickid", "clickid_articles.jsonl.gz", "tempo.co", 4),
    ("news-clickid", "clickid_articles.jsonl.gz", "Kompas.com", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "cnn indonesia", 4),
    ("news-indosum", "indosum_articles.jsonl.gz", "poskotanews", 4),
    ("news-indosum", "indosum_articles.jsonl.gz", "rimanews", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "goal indonesia", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 2),
]
# Round 3 (session 7): fresh articles for the calibration of confidences: annotated after the
# rules were written and never used to change one, so that the confidences are fitted on
# how the attributor does on unseen text (the rule-tuned dev part flatters it).
PLAN_3 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 3),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "sindonews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tribunnews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "kapanlagi.com", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 4),
    ("news-indosum", "indosum_articles.jsonl.gz", "kumparan", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "antaranews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "merdeka", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "suara", 2),
]
# Round 4 (session 8): an unseen test for the rules of session 8 and fresh articles for the
# calibration, annotated after those rules were written.
PLAN_4 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 3),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tempo.co", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "wowkeren.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tribunnews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "Kompas.com", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "dailysocial.id", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "juara.net", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "cnn indonesia", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "poskotanews", 1),
    ("news-indosum", "indosum_articles.jsonl.gz", "antaranews", 2),
]
# Round 5 (session 8, for session 9): annotated and committed unscored, the next session's
# unseen test of whatever it changes.
PLAN_5 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "sindonews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "fimela.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "posmetro-medan.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "kapanlagi.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "kumparan", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "merdeka", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "rimanews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "goal indonesia", 1),
    ("news-indosum", "indosum_articles.jsonl.gz", "suara", 2),
]
# Round 6 (session 9): annotated while session 9's rules are written and scored only at its end,
# their unseen test.
PLAN_6 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 3),
    ("news-clickid", "clickid_articles.jsonl.gz", "tribunnews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "wowkeren.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tempo.co", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "Kompas.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "sindonews.com", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "antaranews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "cnn indonesia", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "poskotanews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "dailysocial.id", 1),
    ("news-indosum", "indosum_articles.jsonl.gz", "juara.net", 2),
]
# Round 7 (session 9, late): annotated after session 9's first unseen scores, the unseen test
# of the rules written after them.
PLAN_7 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "kapanlagi.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "fimela.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "posmetro-medan.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tribunnews.com", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "kumparan", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "merdeka", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "suara", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "rimanews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "goal indonesia", 1),
]
# Round 8 (session 10): annotated at the start of session 10 and scored only at its end, the
# unseen test of the rules it writes.
PLAN_8 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 3),
    ("news-clickid", "clickid_articles.jsonl.gz", "sindonews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "wowkeren.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "Kompas.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tempo.co", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "antaranews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "kumparan", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "cnn indonesia", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "poskotanews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "merdeka", 1),
]
# Round 9 (session 10): annotated during session 10 and scored only at its end, with round 8.
PLAN_9 = [
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "CNN Indonesia", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Kompas.com", 2),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "Tempo.co", 3),
    ("news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz", "detikcom", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "tribunnews.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "kapanlagi.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "fimela.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "posmetro-medan.com", 2),
    ("news-clickid", "clickid_articles.jsonl.gz", "okezone.com", 2),
    ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
    ("news-indosum", "indosum_articles.jsonl.gz", "suara", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "rimanews", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "goal indonesia", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "juara.net", 2),
    ("news-indosum", "indosum_articles.jsonl.gz", "dailysocial.id", 1),
]


def _mix(*, cnn: int, kompas: int, tempo: int, detik: int) -> list[tuple[str, str, str, int]]:
    """The outlet mix of rounds 10 to 13: news-2025's four outlets in the given numbers, then
    CLICK-ID, detik aspect-sum and IndoSum as in round 10."""
    news = "news-2025-cnn-detik-kompas-tempo", "articles.jsonl.gz"
    click = "news-clickid", "clickid_articles.jsonl.gz"
    indosum = "news-indosum", "indosum_articles.jsonl.gz"
    return [
        (*news, "CNN Indonesia", cnn),
        (*news, "Kompas.com", kompas),
        (*news, "Tempo.co", tempo),
        (*news, "detikcom", detik),
        *(
            (*click, outlet, 2)
            for outlet in ("sindonews.com", "wowkeren.com", "tempo.co", "Kompas.com", "kapanlagi.com")
        ),
        ("news-detik-aspect-sum", "detik_aspect_sum.jsonl.gz", "detikcom", 3),
        *((*indosum, outlet, 2) for outlet in ("antaranews", "merdeka", "cnn indonesia", "poskotanews")),
        (*indosum, "kumparan", 1),
    ]


# Round 10 (session 10, late): annotated after rounds 8 and 9 were scored, the unseen test of
# the rules written after them.
PLAN_10 = _mix(cnn=2, kompas=3, tempo=2, detik=3)
# Round 11 (session 11, start): annotated before any rule of the session was written, the
# unseen test of the session's rules.
PLAN_11 = _mix(cnn=3, kompas=2, tempo=3, detik=2)
# Round 12 (session 11): annotated while the session's first rules were written, scored once
# after them: their unseen test.
PLAN_12 = PLAN_10
# Round 13 (session 11): annotated after round 12 was scored, while the rules that followed
# were written; scored once at the end of the session: their unseen test.
PLAN_13 = PLAN_10
# Round 14 (session 11, end): annotated after the session's rules were final and scored on
# nothing: the first unseen test of the next session, before it changes any rule.
PLAN_14 = PLAN_11
# Round 15 (session 12, start): annotated while the session's rules were written (round 14 was
# their first working set), scored once at the end: their unseen test.
PLAN_15 = PLAN_10
# Round 16 (session 12, end): annotated after the session's rules were final and scored on
# nothing: the first unseen test of the next session, before it changes any rule.
PLAN_16 = PLAN_11
# Round 17 (session 13, start): annotated while the session's rules were written (round 16 was
# their first working set), scored once at the end: their unseen test.
PLAN_17 = PLAN_10
# Round 18 (session 13, end): annotated after the session's rules were final and scored on
# nothing: the first unseen test of the next session, before it changes any rule.
PLAN_18 = PLAN_11
# Round 19 (session 14, start): annotated while the session's rules were written (round 18 was
# their first working set), scored once at the end: their unseen test.
PLAN_19 = PLAN_10
# Round 20 (session 14, end): annotated after the session's rules were final and scored on
# nothing: the first unseen test of the next session, before it changes any rule.
PLAN_20 = PLAN_11
PLANS = {
    1: PLAN,
    2: PLAN_2,
    3: PLAN_3,
    4: PLAN_4,
    5: PLAN_5,
    6: PLAN_6,
    7: PLAN_7,
    8: PLAN_8,
    9: PLAN_9,
    10: PLAN_10,
    11: PLAN_11,
    12: PLAN_12,
    13: PLAN_13,
    14: PLAN_14,
    15: PLAN_15,
    16: PLAN_16,
    17: PLAN_17,
    18: PLAN_18,
    19: PLAN_19,
    20: PLAN_20,
}
_CUES = re.compile(
    r"\b(?:kata|ujar|ungkap|menurut|mengatakan|menyatakan|menjelaskan|tutur|tegas|imbuh|tambah)\w*\b",
    re.IGNORECASE,
)


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def select(per_outlet: int | None, out: Path, round_: int = 1, exclude: list[Path] | None = None) -> None:
    """Articles with reported speech, of ordinary length, in a fixed order (by the hash of their id).

    ``exclude`` lists gold files whose articles are skipped, so a later round adds new ones only.
    """
    chosen = []
    taken: set[str] = set()
    for path in exclude or []:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                taken.add(json.loads(line)["id"])
    for corpus, file, outlet, n in PLANS[round_]:
        want = per_outlet or n
        candidates = []
        with gzip.open(DATA / corpus / file, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                text = r.get("text") or ""
                if r.get("source") != outlet or r.get("doc_type", "news") != "news" or r["id"] in taken:
                    continue
                if not 1200 <= len(text) <= 6000 or len(_CUES.findall(text)) < 3:
                    continue
                candidates.append((_hash(r["id"]), r["id"]))
        for _h, rid in sorted(candidates)[:want]:
            taken.add(rid)
            chosen.append({"corpus": corpus, "file": file, "id": rid, "outlet": outlet})
    out.write_text(json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(chosen)} articles from {len({c['outlet'] for c in chosen})} outlets -> {out}")


def show(corpus: str, file: str, rid: str) -> None:
    record = record_index(DATA, corpus, file, [rid]).get(rid)
    if record is None:
        raise SystemExit(f"{rid} not found in {corpus}/{file}")
    print(f"# {rid} | {record.get('source')} | {record.get('date')} | {record.get('title')}")
    print(record.get("text") or "")


def _find(text: str, needle: str, occurrence: int, where: str) -> int:
    start = -1
    for _ in range(max(1, occurrence)):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"{where}: content not found in the text: {needle[:80]!r}")
    return start


def _cue_span(text: str, cue: str, start: int, end: int) -> tuple[int, int] | None:
    """The occurrence of ``cue`` nearest to the content (within 300 characters of it)."""
    best = None
    for m in re.finditer(re.escape(cue), text[max(0, start - 300) : end + 300]):
        s = max(0, start - 300) + m.start()
        distance = start - (s + len(cue)) if s < start else s - end
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), s)
    return (best[1], best[1] + len(cue)) if best else None


def resolve(paths: list[Path], out: Path) -> None:
    """Annotations (content substrings) -> gold (offsets and hashes)."""
    annotated: list[dict[str, Any]] = []
    for p in paths:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                item = json.loads(line)
                item["_where"] = f"{p.name}:{n}"
                annotated.append(item)
    by_file: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in annotated:
        by_file[(a["corpus"], a["file"])].append(a["id"])
    records = {}
    for (corpus, file), ids in by_file.items():
        for rid, r in record_index(DATA, corpus, file, ids).items():
            records[(corpus, file, rid)] = r
    gold: list[GoldArticle] = []
    problems = 0
    seen: set[str] = set()
    for a in annotated:
        if a["id"] in seen:
            print(f"{a['_where']}: {a['id']} annotated twice; the first is kept", file=sys.stderr)
            continue
        seen.add(a["id"])
        record = records[(a["corpus"], a["file"], a["id"])]
        text = record.get("text") or ""
        quotes = []
        for k, q in enumerate(a.get("quotes", [])):
            where = f"{a['_where']} {a['id']} quote {k}"
            try:
                start = _find(text, q["content"], int(q.get("occurrence", 1)), where)
            except ValueError as exc:
                print(exc, file=sys.stderr)
                problems += 1
                continue
            end = start + len(q["content"])
            cue = _cue_span(text, q["cue"], start, end) if q.get("cue") else None
            quotes.append(
                GoldQuote(
                    start=start,
                    end=end,
                    kind=q.get("kind", "direct"),
                    speaker=q.get("speaker"),
                    speaker_type=q.get("speaker_type", "person"),
                    aliases=list(q.get("aliases") or []),
                    cue=cue,
                    uncertain=bool(q.get("uncertain", False)),
                    date=q.get("date") or None,
                )
            )
        quotes.sort(key=lambda x: x.start)
        # The held-out third: by the hash of the article id, fixed once.
        split = "heldout" if int(_hash(a["id"])[:8], 16) % 3 == 0 else "dev"
        gold.append(
            GoldArticle(
                corpus=a["corpus"],
                file=a["file"],
                id=a["id"],
                sha1=text_sha1(text),
                outlet=a.get("outlet") or record.get("source") or "?",
                split=split,
                quotes=quotes,
            )
        )
    gold.sort(key=lambda g: (g.corpus, g.outlet, g.id))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gold_lines(gold))
    n = sum(len(g.quotes) for g in gold)
    held = sum(1 for g in gold if g.split == "heldout")
    print(f"{len(gold)} articles ({held} held out), {n} quotes -> {out}; {problems} problems")
    if problems:
        raise SystemExit(1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("--per-outlet", type=int)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--round", type=int, choices=sorted(PLANS), default=1)
    s.add_argument(
        "--exclude", type=Path, nargs="*", default=[], help="gold files whose articles are skipped"
    )
    sh = sub.add_parser("show")
    sh.add_argument("corpus")
    sh.add_argument("file")
    sh.add_argument("id")
    r = sub.add_parser("resolve")
    r.add_argument("paths", type=Path, nargs="+")
    r.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    if args.cmd == "select":
        select(args.per_outlet, args.out, args.round, args.exclude)
    elif args.cmd == "show":
        show(args.corpus, args.file, args.id)
    else:
        resolve(args.paths, args.out)


if __name__ == "__main__":
    main()
