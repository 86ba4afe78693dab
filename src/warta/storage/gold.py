"""Reviewed articles as gold, and gold back as corrections: Label Studio's task format.

:func:`export_label_studio` writes one Label Studio task per article a reviewer touched (or
per article asked for): the article's text, warta's machine quotes as a *prediction* and
the reviewed state as an *annotation*; ``data.review`` gives each quote's review (``q<idx>``:
its state, reviewers and the fields they corrected). Each quote is a region with a stable id (``q<idx>``):
a label with its kind over the content span, the speaker as a text area, and a verdict
(``quote`` or ``not a quote``). A labelling project with this configuration reads it:

    <View>
      <Text name="text" value="$text"/>
      <Labels name="kind" toName="text"><Label value="direct"/><Label value="indirect"/>
        <Label value="mixed"/><Label value="partial"/></Labels>
      <TextArea name="speaker" toName="text" perRegion="true"/>
      <Choices name="verdict" toName="text" perRegion="true"><Choice value="quote"/>
        <Choice value="not a quote"/></Choices>
    </View>

:func:`import_label_studio` reads such tasks back (their newest annotation) and records, as
corrections by the given reviewer, what differs from the store's state: a rejected quote, a
quote given back, another speaker (the corpus's entity of that name when there is one, else
the name as typed), a moved span. What already agrees adds nothing, so exporting and
importing again changes nothing and duplicates nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec
import sqlalchemy as sa

from warta.errors import CorrectionError

from . import tables as t
from .corrections import add_correction
from .queries.corrections import reviewed_articles
from .queries.entities import resolve_entity
from .repository import Store
from .writer import decode_doc

__all__ = ["ImportResult", "export_label_studio", "import_label_studio"]

NOT_A_QUOTE = "not a quote"


class ImportResult(msgspec.Struct):
    tasks: int  # tasks read
    corrections: int  # corrections recorded
    unchanged: int  # quotes whose annotation agrees with the store


def _reviewed_articles(conn: Any) -> list[int]:
    return [
        int(i)
        for i in conn.execute(
            sa.select(t.corrections.c.article_id).distinct().order_by(t.corrections.c.article_id)
        ).scalars()
    ]


def _regions(quotes: Iterable[Any], *, corrected: bool) -> list[dict[str, Any]]:
    """Label Studio result items of an article's quotes: the store's corrected state, or the
    machine's values (``original``) for the prediction."""
    out: list[dict[str, Any]] = []
    for q in quotes:
        start, end, name = int(q.start), int(q.end), q.speaker_name
        rejected = bool(q.rejected) and corrected
        if not corrected and q.original:
            machine = json.loads(q.original)
            start, end, name = int(machine["start"]), int(machine["end"]), machine.get("speaker_name")
        rid = f"q{int(q.idx)}"
        span = {"start": start, "end": end}
        out.append(
            {
                "id": rid,
                "from_name": "kind",
                "to_name": "text",
                "type": "labels",
                "value": {**span, "labels": [q.kind]},
            }
        )
        out.append(
            {
                "id": rid,
                "from_name": "speaker",
                "to_name": "text",
                "type": "textarea",
                "value": {**span, "text": [name or ""]},
            }
        )
        verdict = NOT_A_QUOTE if rejected else "quote"
        out.append(
            {
                "id": rid,
                "from_name": "verdict",
                "to_name": "text",
                "type": "choices",
                "value": {**span, "choices": [verdict]},
            }
        )
    return out


def export_label_studio(store: Store, out: Path, *, article_ids: Iterable[int] | None = None) -> int:
    """Write the Label Studio tasks of the reviewed articles (or of ``article_ids``) to ``out``
    (a JSON list); returns how many."""
    tasks = []
    q = t.quotes.c
    with store.connect() as conn:
        ids = list(article_ids) if article_ids is not None else _reviewed_articles(conn)
    # The review state of each quote (reviewers, fields corrected) rides along in the task's data.
    states = {
        r.id: {
            f"q{rq.idx}": {"state": rq.state, "reviewers": rq.reviewers, "corrected": rq.corrected}
            for rq in r.quotes
        }
        for r in reviewed_articles(store, article_ids=ids)
    }
    with store.connect() as conn:
        for aid in ids:
            row = conn.execute(
                sa.select(t.articles.c.doc, t.articles.c.url).where(t.articles.c.id == aid)
            ).first()
            if row is None:
                raise CorrectionError(f"no article with id {aid}", source=str(out))
            article = decode_doc(row.doc)
            quotes = conn.execute(sa.select(t.quotes).where(q.article_id == aid).order_by(q.idx)).all()
            tasks.append(
                {
                    "data": {
                        "text": article.text,
                        "article_id": aid,
                        "url": row.url,
                        "title": article.title,
                        "review": states.get(aid, {}),
                    },
                    "predictions": [{"model_version": "warta", "result": _regions(quotes, corrected=False)}],
                    "annotations": [{"result": _regions(quotes, corrected=True)}],
                }
            )
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(tasks)


def _annotated(task: dict[str, Any], where: str) -> dict[int, dict[str, Any]]:
    """Quote index -> what the task's newest annotation says of it."""
    annotations = task.get("annotations") or []
    if not annotations:
        return {}
    newest = max(annotations, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))
    found: dict[int, dict[str, Any]] = {}
    for item in newest.get("result") or []:
        rid = str(item.get("id") or "")
        if not rid.startswith("q") or not rid[1:].isdigit():
            continue  # a region a labeller drew: not one of warta's quotes
        value = item.get("value") or {}
        entry = found.setdefault(int(rid[1:]), {})
        if "start" in value and "end" in value:
            entry["span"] = (int(value["start"]), int(value["end"]))
        if item.get("from_name") == "speaker":
            entry["speaker"] = " ".join(value.get("text") or []).strip()
        elif item.get("from_name") == "verdict":
            entry["rejected"] = NOT_A_QUOTE in (value.get("choices") or [])
    return found


def import_label_studio(store: Store, path: Path, *, reviewer: str) -> ImportResult:
    """Record what the annotations in the Label Studio export ``path`` change, as corrections
    by ``reviewer``.

    Raises:
        CorrectionError: the file is not a Label Studio export of warta's tasks (W110).
    """
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorrectionError(f"cannot read the Label Studio export: {exc}", source=str(path)) from exc
    if not isinstance(tasks, list):
        raise CorrectionError("a Label Studio export is a JSON list of tasks", source=str(path))
    made = same = 0
    q = t.quotes.c
    for n, task in enumerate(tasks, 1):
        where = f"{path}: task {n}"
        aid = (task.get("data") or {}).get("article_id") if isinstance(task, dict) else None
        if not isinstance(aid, int):
            raise CorrectionError("the task has no data.article_id (not exported by warta?)", source=where)
        for idx, says in sorted(_annotated(task, where).items()):
            with store.connect() as conn:
                row = conn.execute(sa.select(t.quotes).where(q.article_id == aid, q.idx == idx)).first()
            if row is None:
                raise CorrectionError(f"article {aid} has no quote {idx}", source=where)
            changes = 0
            rejected = says.get("rejected")
            if rejected is True and not row.rejected:
                add_correction(store, aid, idx, "reject", reviewer=reviewer)
                changes += 1
            elif rejected is False and row.rejected:
                add_correction(store, aid, idx, "confirm", reviewer=reviewer)
                changes += 1
            span = says.get("span")
            if span is not None and span != (int(row.start), int(row.end)):
                add_correction(store, aid, idx, "span", reviewer=reviewer, start=span[0], end=span[1])
                changes += 1
            speaker = says.get("speaker")
            if speaker is not None and speaker != (row.speaker_name or ""):
                with store.connect() as conn:
                    found = resolve_entity(conn, speaker, labels=("PER", "ORG")) if speaker else []
                exact = [e for e in found if e[1] == speaker]
                if exact:
                    add_correction(store, aid, idx, "speaker", reviewer=reviewer, speaker_id=exact[0][0])
                elif speaker:
                    add_correction(store, aid, idx, "speaker", reviewer=reviewer, speaker_name=speaker)
                else:
                    add_correction(store, aid, idx, "speaker", reviewer=reviewer, anonymous=True)
                changes += 1
            made += changes
            same += changes == 0
    return ImportResult(tasks=len(tasks), corrections=made, unchanged=same)
