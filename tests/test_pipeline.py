from __future__ import annotations

from typing import ClassVar

import pytest

from warta import Article, Pipeline, PipelineOrderError
from warta.errors import UnknownStepError
from warta.registry import make_step


class Upper:
    name: ClassVar[str] = "upper"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("shout",)

    def __call__(self, article: Article) -> Article:
        if "meledak" in article.text:
            raise RuntimeError("kaboom")
        article.extras["shout"] = article.text.upper()
        return article


class NeedsShout:
    name: ClassVar[str] = "needs-shout"
    requires: ClassVar[tuple[str, ...]] = ("shout",)
    provides: ClassVar[tuple[str, ...]] = ("whisper",)

    def __call__(self, article: Article) -> Article:
        article.extras["whisper"] = article.extras["shout"].lower()
        return article


def test_bad_order_rejected_when_built() -> None:
    with pytest.raises(PipelineOrderError, match="requires text"):
        Pipeline([Upper()])


def test_step_failure_recorded_and_batch_goes_on() -> None:
    pipe = Pipeline([make_step("warta.clean.v1"), Upper(), NeedsShout()])
    arts = [
        Article(id="a", raw="Harga naik."),
        Article(id="b", raw="Gudang meledak."),
        Article(id="c", raw="Aman."),
    ]
    out = list(pipe.process_batch(arts))
    assert [a.id for a in out] == ["a", "b", "c"]
    assert out[0].errors == [] and out[0].extras["whisper"] == "harga naik."
    assert [(e.step, e.code) for e in out[1].errors] == [("upper", "W203"), ("needs-shout", "W206")]
    assert "kaboom" in out[1].errors[0].message
    stats = pipe.stats.as_dict()
    assert {k: stats["upper"][k] for k in ("seen", "failed", "skipped", "reasons")} == {
        "seen": 3,
        "failed": 1,
        "skipped": 0,
        "reasons": {"W203": 1},
    }
    assert stats["needs-shout"]["skipped"] == 1 and stats["needs-shout"]["reasons"] == {"W206": 1}


def test_unknown_step() -> None:
    with pytest.raises(UnknownStepError, match=r"warta\.nope\.v9"):
        make_step("warta.nope.v9")
