from __future__ import annotations

from warta.article import Quote
from warta.stages.quotes.repeats import link_repeats


def _q(text: str) -> Quote:
    return Quote(kind="direct", start=0, end=len(text), text=text)


def test_identical_and_near_identical_quotes_link_to_the_first() -> None:
    qs = [
        _q("Kami akan menindak tegas setiap pelanggar"),
        _q("Harga beras stabil"),
        _q("kami akan menindak tegas setiap pelanggar."),
        _q("Kami akan menindak tegas pelanggar"),
    ]
    link_repeats(qs)
    assert [q.repeat_of for q in qs] == [None, None, 0, 0]


def test_short_quotes_do_not_repeat_by_chance() -> None:
    qs = [_q("Kami siap"), _q("Kami siap")]
    link_repeats(qs)
    assert qs[1].repeat_of is None
