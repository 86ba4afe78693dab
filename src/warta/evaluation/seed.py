"""Acceptance check of one hand-annotated article (``../shared/seed`` layout).

The annotation (``expected.json``) states what a correct analysis finds: the title,
boilerplate lines, repairs and non-repairs, citations, and (for later stages) entities,
quotes and time expressions. :func:`check_seed` scores the parts the current pipeline
produces and says which expectations failed. Text is compared after normalising quote
marks, whitespace and hyphens, as the annotation asks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from warta.api_analyze import analyze
from warta.article import Article
from warta.errors import EvaluationError

__all__ = ["check_seed", "prf"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "-": " "})


def _norm(s: str) -> str:
    return " ".join(s.translate(_QUOTES).split()).lower()


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts (an empty side scores 1.0 when both are empty).

    The counts travel with the scores (``correct``, ``predicted``) so parts add up exactly.
    """
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "support": n_gold,
        "correct": tp,
        "predicted": n_pred,
    }


def _load(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvaluationError("annotation file not found", source=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"not valid JSON: line {exc.lineno}: {exc.msg}", source=str(path)) from exc
    return data


def _check_repairs(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    made = [
        (c.kind, _norm(c.before), _norm(c.after))
        for c in article.cleaning.repaired
        if c.kind in ("reduplication", "lost-character", "mojibake")
    ]
    want = [(r["kind"], _norm(r["from"]), _norm(r["to"])) for r in gold.get("repairs", [])]

    # A repair matches an annotated one when either before/after text contains the other
    # (the annotation may quote a word of context: "Istana lysée" -> "Istana Élysée").
    def same(m: tuple[str, str, str], w: tuple[str, str, str]) -> bool:
        return m[0] == w[0] and (m[1] in w[1] or w[1] in m[1]) and (m[2] in w[2] or w[2] in m[2])

    tp = 0
    for w in want:
        if any(same(m, w) for m in made):
            tp += 1
        else:
            failures.append(f"repair missing: {w[0]} '{w[1]}' -> '{w[2]}'")
    wrong = [m for m in made if not any(same(m, w) for w in want)]
    failures.extend(f"unexpected repair: {k} '{b}' -> '{a}'" for k, b, a in wrong)
    return prf(tp, tp + len(wrong), len(want))


def _check_boilerplate(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    removed = [_norm(c.before) for c in article.cleaning.removed if c.rule != "title"]
    want = [_norm(b["text"]) for b in gold.get("boilerplate", [])]
    tp = sum(1 for w in want if any(w in r for r in removed))
    failures.extend(f"boilerplate kept: '{w}'" for w in want if not any(w in r for r in removed))
    extra = [r for r in removed if not any(w in r for w in want)]
    failures.extend(f"removed but not boilerplate: '{r[:60]}'" for r in extra)
    body = _norm(article.text)
    failures.extend(f"boilerplate still in text: '{w}'" for w in want if w in body)
    return prf(tp, tp + len(extra), len(want))


def _check_citations(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    flagged = [_norm(w.cue) for w in article.cleaning.warnings if w.kind == "dangling-citation"]
    want = [_norm(c["cue"]) for c in gold.get("citations", []) if c.get("source") is None]
    pool = list(flagged)
    tp = 0
    for w in want:
        if w in pool:
            pool.remove(w)
            tp += 1
        else:
            failures.append(f"dangling citation not flagged: '{w}'")
    failures.extend(f"citation flagged but not dangling: '{f}'" for f in pool)
    return prf(tp, len(flagged), len(want))


def _check_not_repairs(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    ok = 0
    items = gold.get("not_repairs", [])
    for item in items:
        if item["text"] in article.text or item["text"] in (article.title or ""):
            ok += 1
        else:
            failures.append(f"changed but should be left alone: '{item['text']}'")
    return prf(ok, len(items), len(items))


_ENTITY_LABELS = ("PER", "ORG", "LOC")
_WORD = re.compile(r"\w+")


def _plain(s: str) -> str:
    """:func:`_norm` without punctuation, so that "Moskow," is the word "moskow"."""
    return " ".join(_WORD.findall(_norm(s)))


def _words_in(short: str, long_: str) -> bool:
    return f" {short} " in f" {long_} "


def _role_found(want: str, roles: list[str]) -> bool:
    # The article's own typos stay in role spans ("Menteri Luar Negeri Rusi"): a role within two
    # edits of the annotated one counts.
    from warta.stages.entities.names import edit_distance

    return any(
        _words_in(want, r) or (len(want) >= 10 and edit_distance(want, r, limit=2) <= 2) for r in roles
    )


def _check_entities(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    """Each annotated entity must be one entity of its type whose mentions cover the aliases
    that occur in the text and whose roles include the annotated ones; reported entities that
    match none, and words annotated as no entity, are false positives."""
    text = f" {_plain(article.text)} "
    surfaces = [
        [_plain(article.mentions[j].text) for j in e.mentions if j < len(article.mentions)]
        for e in article.entities
    ]
    roles = [[_plain(r.text) for r in e.roles] for e in article.entities]
    want = gold.get("entities", [])
    used: set[int] = set()
    tp = 0
    for g in want:
        aliases = [
            a for a in (_plain(x) for x in [g["name"], *g.get("aliases", [])]) if a and f" {a} " in text
        ]
        aliases = list(dict.fromkeys(aliases))

        def covered(k: int, aliases: list[str] = aliases) -> list[str]:
            return [
                a for a in aliases if any(a == s or _words_in(a, s) or _words_in(s, a) for s in surfaces[k])
            ]

        cands = [k for k, e in enumerate(article.entities) if e.label == g["type"] and k not in used]
        best = max(cands, key=lambda k: len(covered(k)), default=None)
        if best is None or not covered(best):
            failures.append(f"entity missing: '{g['name']}' ({g['type']})")
            continue
        used.add(best)
        got = article.entities[best]
        lacking = [a for a in aliases if a not in covered(best)]
        missing_roles = [r for r in g.get("roles", []) if not _role_found(_plain(r), roles[best])]
        others = [_plain(o["name"]) for o in want if o is not g]
        foreign = [s for s in dict.fromkeys(surfaces[best]) if s in others]
        if lacking:
            failures.append(
                f"entity '{g['name']}': got '{got.name}' without " + ", ".join(f"'{a}'" for a in lacking)
            )
        if missing_roles:
            failures.append(
                f"entity '{g['name']}': role missing "
                + ", ".join(f"'{r}'" for r in missing_roles)
                + f" (got {[r.text for r in got.roles]})"
            )
        if foreign:
            failures.append(f"entity '{g['name']}': merged with " + ", ".join(f"'{f}'" for f in foreign))
        tp += not (lacking or missing_roles or foreign)
    banned = {_plain(n["text"]) for n in gold.get("not_entities", [])}
    n_pred = 0
    for k, e in enumerate(article.entities):
        wrong = sorted(banned & set(surfaces[k]))
        if wrong:
            failures.append(f"not an entity but reported: {', '.join(repr(w) for w in wrong)} ({e.label})")
        elif k not in used and e.label in _ENTITY_LABELS:
            failures.append(f"unexpected entity: '{e.name}' ({e.label})")
        n_pred += bool(wrong) or e.label in _ENTITY_LABELS
    return prf(tp, n_pred, len(want))


# Parts scored only when the pipeline fills the field they look at.
_NEEDS = {"entities": "entities", "timexes": "timexes", "quotes": "quotes", "summary": "summary"}

# The keyphrases must include at least this many of the annotation's expected ones.
_MIN_KEYWORDS = 4


def _check_summary(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    """The summary mentions each required word; the keyphrases hit enough expected ones."""
    chosen = " ".join(
        article.text[article.sentences[i].start : article.sentences[i].end]
        for i in article.summary
        if i < len(article.sentences)
    )
    words = set(_plain(chosen).split())
    tp = 0
    must = gold.get("summary_must_mention", [])
    for w in must:
        if _plain(w) in words or _plain(w) in _plain(chosen):
            tp += 1
        else:
            failures.append(f"summary does not mention '{w}'")
    n_gold = len(must)
    expected = gold.get("keywords_expected_any_of", [])
    if expected:
        n_gold += 1
        # "Vladimir Putin" covers "Putin": the issue asks for the full name.
        got = [f" {_plain(k.text)} " for k in article.keywords]
        hits = [e for e in expected if any(f" {_plain(e)} " in g for g in got)]
        if len(hits) >= _MIN_KEYWORDS:
            tp += 1
        else:
            failures.append(
                f"keyphrases hit {len(hits)} of the expected ({', '.join(hits)}); "
                f"need {_MIN_KEYWORDS}: got {[k.text for k in article.keywords]}"
            )
    return prf(tp, n_gold, n_gold)


def _speaker_names(article: Article, q: Any) -> list[str]:
    sp = q.speaker
    if sp is None:
        return []
    names = [sp.name, sp.description, sp.mention.text if sp.mention else None]
    if sp.entity is not None and sp.entity < len(article.entities):
        ent = article.entities[sp.entity]
        names += [ent.name, *ent.aliases]
    return [_plain(n) for n in names if n]


def _speaker_ok(article: Article, q: Any, want: dict[str, Any]) -> bool:
    """The quote's speaker is the annotated one (or an accepted alternative)."""
    got = _speaker_names(article, q)
    if want.get("anonymous"):
        head = _plain(want["speaker"].split("(")[0]).split()
        return bool(q.speaker and q.speaker.anonymous) and any(head[0] in g.split() for g in got)
    for name in [want["speaker"], *want.get("accept", [])]:
        target = _plain(name).split()
        # The full name, or its last word (the surname) standing alone in a form.
        if any(g == " ".join(target) or target[-1] in g.split() for g in got):
            return True
    return False


def _check_quotes(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    """Direct, indirect and partial quotes found with their speakers; non-quotes left out;
    repeats linked to their first occurrence."""
    quotes = article.quotes
    used: set[int] = set()
    tp = n_gold = wrong = 0

    def find(prefix: str, kinds: tuple[str, ...], occurrence: int = 1) -> int | None:
        target = _norm(prefix)
        hits = [i for i, q in enumerate(quotes) if q.kind in kinds and target in _norm(q.text)]
        return hits[occurrence - 1] if len(hits) >= occurrence else None

    for kind, key, kinds in (
        ("direct", "direct_quotes", ("direct",)),
        ("indirect", "indirect_quotes", ("indirect", "mixed")),
        ("partial", "partial_quotes", ("partial",)),
    ):
        for want in gold.get(key, []):
            n_gold += 1
            i = find(want["prefix"], kinds, int(want.get("occurrence", 1)))
            if i is None:
                failures.append(f"{kind} quote missing: '{want['prefix']}'")
                continue
            used.add(i)
            if kind == "partial":
                ok = quotes[i].inside is not None
                why = "not placed inside indirect speech"
            else:
                ok = _speaker_ok(article, quotes[i], want)
                why = f"speaker {want['speaker']!r}, got {_speaker_names(article, quotes[i])[:3]}"
            if ok:
                tp += 1
            else:
                wrong += 1
                failures.append(f"{kind} quote '{want['prefix'][:40]}': {why}")
            if want.get("duplicate_of_occurrence") or want.get("near_duplicate_of"):
                n_gold += 1
                if quotes[i].repeat_of is not None:
                    tp += 1
                else:
                    failures.append(f"repeat not linked: '{want['prefix'][:40]}'")
    for nq in gold.get("not_quotes", []):
        n_gold += 1
        reported = [i for i, q in enumerate(quotes) if _norm(q.text) == _norm(nq["text"])]
        if reported:
            wrong += 1
            used.update(reported)
            failures.append(f"not a quote, but reported: '{nq['text']}'")
        else:
            tp += 1
    spurious = [q for i, q in enumerate(quotes) if i not in used]
    failures.extend(f"quote not in the annotation: '{q.text[:50]}' ({q.kind})" for q in spurious)
    # Predictions: the right answers, the wrong ones (a found quote with the wrong speaker,
    # a non-quote reported) and quotes the annotation does not have.
    return prf(tp, tp + wrong + len(spurious), n_gold)


def _check_timexes(article: Article, gold: dict[str, Any], failures: list[str]) -> dict[str, float | int]:
    """Each annotated time expression found, with its value (or an accepted one).

    A value that refines the annotated one ("2022-02-20TNI" for "2022-02-20" with the part
    of day noted) counts as right. The anchor date is one more item.
    """
    want = gold.get("time_expressions", [])
    tp = 0
    for w in want:
        target = _norm(w["text"])
        values = [w["value"], *w.get("accept", [])]
        hits = [t for t in article.timexes if target in _norm(t.text) or _norm(t.text) in target]
        if any(t.value == v or t.value.startswith(v + "T") for t in hits for v in values):
            tp += 1
        else:
            got = ", ".join(f"{t.text}={t.value}" for t in hits) or "nothing"
            failures.append(f"time expression '{w['text']}' = {w['value']}: got {got}")
    anchor = gold.get("anchor_date", {}).get("value")
    n_gold = len(want)
    if anchor:
        n_gold += 1
        value = article.published.value
        if value is not None and value.date().isoformat() == anchor:
            tp += 1
        else:
            failures.append(f"anchor date {anchor}: got {value.date().isoformat() if value else 'none'}")
    return prf(tp, n_gold, n_gold)


def check_seed(article_path: Path, expected_path: Path) -> dict[str, Any]:
    """Analyse ``article_path`` and compare with the annotation at ``expected_path``.

    Returns:
        One JSON-able object: micro ``precision``/``recall``/``f1`` over all checked
        items, ``per_label`` per part (title, boilerplate, repairs, not_repairs,
        citations, entities), and ``failures`` with a line per unmet expectation. The
        entities part counts in the total only when the pipeline has an entities step.
    """
    try:
        raw = article_path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvaluationError("article file not found", source=str(article_path)) from exc
    gold = _load(expected_path)
    article = analyze(raw, id=article_path.stem)
    failures: list[str] = []
    per: dict[str, dict[str, float | int]] = {}
    title_ok = _norm(article.title or "") == _norm(gold.get("title", ""))
    if not title_ok:
        failures.append(f"title: got '{article.title}'")
    per["title"] = prf(int(title_ok), 1, 1)
    per["boilerplate"] = _check_boilerplate(article, gold, failures)
    per["repairs"] = _check_repairs(article, gold, failures)
    per["not_repairs"] = _check_not_repairs(article, gold, failures)
    per["citations"] = _check_citations(article, gold, failures)
    per["entities"] = _check_entities(article, gold, failures)
    per["timexes"] = _check_timexes(article, gold, failures)
    per["quotes"] = _check_quotes(article, gold, failures)
    per["summary"] = _check_summary(article, gold, failures)
    # Only the parts the pipeline produces count in the total; the rest are reported apart.
    counted = []
    for part, values in per.items():
        needs = _NEEDS.get(part)
        if needs is None or needs in article.provided:
            counted.append(values)
        else:
            failures.append(f"{part}: the pipeline has no {needs} step; not counted in the total")
    tp = sum(int(v["correct"]) for v in counted)
    gold_n = sum(int(v["support"]) for v in counted)
    pred_n = sum(int(v["predicted"]) for v in counted)
    out: dict[str, Any] = {
        **prf(tp, pred_n, gold_n),
        "per_label": per,
        "failures": failures,
        "article": str(article_path),
        "sentences": len(article.sentences),
    }
    return out
