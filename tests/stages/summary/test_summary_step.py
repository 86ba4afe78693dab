from __future__ import annotations

import pickle
from collections.abc import Callable

from warta.article import Article, from_json, to_json
from warta.pipeline import Pipeline
from warta.registry import make_step
from warta.stages.summary.step import SummaryStep


def test_step_fills_summary_keywords_topic(banjir: Article) -> None:
    a = SummaryStep()(banjir)
    assert len(a.summary) == 3 and a.summary == sorted(a.summary)
    assert a.keywords and a.topic is not None
    assert all(a.text[s.start : s.end] == s.text for k in a.keywords for s in k.spans)


def test_summary_never_picks_boilerplate_or_half_a_quote(banjir: Article) -> None:
    a = SummaryStep(k=4)(banjir)
    chosen = [a.text[a.sentences[i].start : a.sentences[i].end] for i in a.summary]
    assert not any("Baca juga" in s for s in chosen)
    quote = [i for i, s in enumerate(a.sentences) if "perahu karet" in a.text[s.start : s.end]]
    if quote and quote[0] in a.summary:
        assert quote[0] + 1 in a.summary


def test_word_target_caps_length(banjir: Article) -> None:
    a = SummaryStep(k=5, target_words=20)(banjir)
    assert 1 <= len(a.summary) <= 2


def test_empty_article() -> None:
    a = SummaryStep()(Article(id="x", raw="", text=""))
    assert a.summary == [] and a.keywords == [] and a.topic is None


def test_registered_and_ordered() -> None:
    step = make_step("warta.summary.v1")
    assert step.name == "summary" and step.requires == ("sentences",)
    Pipeline([make_step("warta.clean.v1"), make_step("warta.segment.v1"), step])


def test_pickles_without_caches(banjir: Article, banjir_text: str, seg: Callable[..., Article]) -> None:
    step = SummaryStep(k=2)
    step(banjir)
    clone = pickle.loads(pickle.dumps(step))
    assert clone.k == 2 and "_stem" not in clone.__dict__
    assert clone(seg(banjir_text)).summary


def test_json_round_trip(banjir: Article) -> None:
    a = SummaryStep()(banjir)
    assert from_json(to_json(a)) == a
