"""The entities part of the seed check and the entities table of the terminal report."""

from __future__ import annotations

import io
from typing import Any

from entityhelpers import article
from rich.console import Console

from warta.article import EntityLabel
from warta.evaluation.seed import _check_entities
from warta.render.terminal import render_article
from warta.stages.entities import EntityStep

TEKS = (
    "Wali Kota Surabaya, Eri Cahyadi, meninjau Pasar Turi, Senin. Eri mengatakan pasar itu dibuka lagi. "
    "Dia juga bertemu Eri Susanto dari Dinas Perdagangan."
)
TAGGED: list[tuple[str, EntityLabel]] = [
    ("Surabaya", "LOC"),
    ("Eri Cahyadi", "PER"),
    ("Pasar Turi", "LOC"),
    ("Senin", "PER"),
    ("Eri", "PER"),
    ("Dia", "PER"),
    ("Eri Susanto", "PER"),
    ("Dinas Perdagangan", "ORG"),
]
GOLD: dict[str, Any] = {
    "entities": [
        {
            "name": "Eri Cahyadi",
            "type": "PER",
            "aliases": ["Eri", "Eri Cahyadi"],
            "roles": ["Wali Kota Surabaya"],
        },
        {"name": "Surabaya", "type": "LOC", "aliases": ["Surabaya", "Kota Pahlawan"]},
        {"name": "Pasar Turi", "type": "LOC", "aliases": ["Pasar Turi"]},
    ],
    "not_entities": [{"text": "Senin"}, {"text": "Dia"}],
}


def test_seed_check_scores_merged_entities() -> None:
    failures: list[str] = []
    score = _check_entities(EntityStep()(article(TEKS, TAGGED)), GOLD, failures)
    # Eri Susanto and Dinas Perdagangan are not in this annotation: two false positives.
    assert (score["recall"], score["precision"]) == (1.0, 0.6)
    assert failures == [
        "unexpected entity: 'Eri Susanto' (PER)",
        "unexpected entity: 'Dinas Perdagangan' (ORG)",
    ]


def test_seed_check_penalises_a_reported_non_entity_and_a_missing_role() -> None:
    a = EntityStep()(article(TEKS, TAGGED))
    a.mentions[3].entity = 5  # as if "Senin" had been kept as an entity
    a.entities[1].roles = []
    a.entities.append(a.entities[0].__class__(id="e5", name="Senin", label="PER", mentions=[3]))
    failures: list[str] = []
    score = _check_entities(a, GOLD, failures)
    assert score["recall"] == round(2 / 3, 4)
    assert "not an entity but reported: 'senin' (PER)" in failures
    assert any(f.startswith("entity 'Eri Cahyadi': role missing 'Wali Kota Surabaya'") for f in failures)


def test_seed_check_without_mentions_scores_zero() -> None:
    failures: list[str] = []
    score = _check_entities(article(TEKS, []), GOLD, failures)
    assert (score["precision"], score["recall"], score["f1"]) == (0.0, 0.0, 0.0)
    assert len(failures) == 3


def test_report_shows_entities_mentions_and_roles() -> None:
    buf = io.StringIO()
    render_article(EntityStep()(article(TEKS, TAGGED)), Console(file=buf, width=160))
    out = buf.getvalue()
    assert "entities" in out
    assert "Eri Cahyadi, Eri" in out and "Wali Kota Surabaya" in out
    assert "tagged but no entity: Senin, Dia" in out
