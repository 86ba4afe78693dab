from __future__ import annotations

import pytest

from warta import make_article, to_json
from warta.engines import Engine, LocalEngine

TEXTS = [
    "Warga antre minyak goreng sejak pagi, kata Ani.",
    "Harga cabai naik benar benar tinggi pekan ini.",
    "Polisi menahan dua tersangka Senin (3/3/2025).",
]
STEPS = ["warta.clean.v1", "warta.segment.v1", "warta.dates.v1"]


def test_is_an_engine() -> None:
    assert isinstance(LocalEngine(), Engine)


@pytest.mark.slow
def test_pool_gives_the_same_records_in_order() -> None:
    with LocalEngine() as one:
        a = [
            to_json(x)
            for x in one.run((make_article(t, id=str(i)) for i, t in enumerate(TEXTS)), steps=STEPS)
        ]
    with LocalEngine(workers=2, chunksize=1) as two:
        b = [
            to_json(x)
            for x in two.run((make_article(t, id=str(i)) for i, t in enumerate(TEXTS)), steps=STEPS)
        ]
    assert a == b


def test_rejects_zero_workers() -> None:
    with pytest.raises(ValueError, match="workers"):
        LocalEngine(workers=0)


def test_in_process_is_one_worker() -> None:
    assert LocalEngine().in_process and not LocalEngine(workers=1, in_process=False).in_process
    with pytest.raises(ValueError, match="in_process"):
        LocalEngine(workers=2, in_process=True)
