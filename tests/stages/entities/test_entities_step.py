"""The entity step: its contract, the registry, and what it writes on an Article."""

from __future__ import annotations

from typing import ClassVar

import pytest
from entityhelpers import article

from warta.article import Article, EntityLabel, from_json, to_json
from warta.errors import PipelineOrderError
from warta.pipeline import Pipeline
from warta.registry import make_step
from warta.stages.entities import EntityStep

TEKS = "Menteri Kesehatan Budi Sadikin meninjau RSUD Cibinong. Budi menyebut Minggu sebagai batas."
TAGGED: list[tuple[str, EntityLabel]] = [
    ("Menteri Kesehatan Budi Sadikin", "PER"),
    ("RSUD Cibinong", "ORG"),
    ("Budi", "PER"),
    ("Minggu", "PER"),
]


class _Mentions:
    """Stands in for the NER step in contract checks."""

    name: ClassVar[str] = "ner"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("mentions",)

    def __call__(self, a: Article) -> Article:
        return a


def test_registry_builds_the_step() -> None:
    step = make_step("warta.entities.v1")
    assert isinstance(step, EntityStep)
    assert (step.name, step.requires, step.provides) == ("entities", ("sentences", "mentions"), ("entities",))


def test_pipeline_rejects_entities_before_mentions() -> None:
    with pytest.raises(PipelineOrderError):
        Pipeline([EntityStep()], initial=("text", "sentences"))
    Pipeline([_Mentions(), EntityStep()], initial=("text", "sentences"))


def test_step_fills_entities_and_mention_indices() -> None:
    a = EntityStep()(article(TEKS, TAGGED))
    assert [(e.id, e.name, e.mentions) for e in a.entities] == [
        ("e0", "Budi Sadikin", [0, 2]),
        ("e1", "RSUD Cibinong", [1]),
    ]
    assert [m.entity for m in a.mentions] == [0, 1, 0, None]
    assert [r.text for r in a.entities[0].roles] == ["Menteri Kesehatan"]


def test_running_twice_gives_the_same_result() -> None:
    once = EntityStep()(article(TEKS, TAGGED))
    twice = EntityStep()(from_json(to_json(once)))
    assert twice == once


def test_article_without_mentions() -> None:
    a = EntityStep()(article("Hujan deras mengguyur kota sejak pagi.", []))
    assert a.entities == []


def test_json_round_trip() -> None:
    a = EntityStep()(article(TEKS, TAGGED))
    assert from_json(to_json(a)) == a


def test_step_pickles() -> None:
    import pickle

    assert isinstance(pickle.loads(pickle.dumps(EntityStep())), EntityStep)
