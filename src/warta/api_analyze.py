"""``warta.analyze`` and pipeline construction from settings."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime

from warta.article import Article, Published
from warta.config import Settings, pipeline_specs
from warta.errors import InputError
from warta.pipeline import Pipeline
from warta.registry import StepSpec, make_step

__all__ = ["analyze", "build_pipeline", "make_article"]

# One default pipeline per process: steps hold lazily loaded lexicons and models.
_DEFAULT: dict[tuple[str | StepSpec, ...], Pipeline] = {}


def build_pipeline(
    keys: Sequence[str | StepSpec] | None = None, *, settings: Settings | None = None
) -> Pipeline:
    """Build a pipeline from registry keys or step specs (default: the pipeline of
    ``settings``, with the step options it sets: :func:`warta.config.pipeline_specs`)."""
    settings = settings or Settings()
    specs = pipeline_specs(settings) if keys is None else tuple(keys)
    return Pipeline([make_step(s) for s in specs])


def _default_pipeline(keys: tuple[str | StepSpec, ...]) -> Pipeline:
    pipe = _DEFAULT.get(keys)
    if pipe is None:
        pipe = _DEFAULT[keys] = build_pipeline(keys)
    return pipe


def make_article(raw: str, *, id: str | None = None, title: str | None = None) -> Article:
    """Wrap a text in an :class:`Article` with a content-derived id when none is given."""
    aid = id or "sha1-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Article(id=aid, raw=raw, title=title)


def analyze(
    text: str,
    *,
    title: str | None = None,
    id: str | None = None,
    published: date | datetime | str | None = None,
    steps: Sequence[str | StepSpec] | None = None,
) -> Article:
    """Analyse one Indonesian news text.

    Args:
        text: the article as scraped (a headline line first is detected as the title).
        title: the title when known; then the first line is kept in the body.
        id: an id for the article (default: a hash of the text).
        published: the publication date when known (a date, a datetime, or a string such as
            "Senin, 3 Maret 2025 14.05 WIB"): the anchor of relative dates ("kemarin").
            Without it the date is inferred from the text.
        steps: registry keys (or step specs) of the steps to run (default: the shipped pipeline).

    Raises:
        InputError: ``published`` is a string that names no date (W100).

    Returns:
        The analysed :class:`Article`.

    Example:
        >>> a = analyze("Warga Antre Minyak Goreng\\n\\nWarga antre sejak pagi, kata dia.")
        >>> a.title
        'Warga Antre Minyak Goreng'
    """
    keys = tuple(steps) if steps is not None else pipeline_specs(Settings())
    article = make_article(text, id=id, title=title)
    if published is not None:
        article.published = _published(published)
    return _default_pipeline(keys)(article)


def _published(value: date | datetime | str) -> Published:
    if isinstance(value, datetime):
        return Published(value=value, method="metadata", raw=value.isoformat())
    if isinstance(value, date):
        return Published(
            value=datetime(value.year, value.month, value.day), method="metadata", raw=value.isoformat()
        )
    from warta.io import parse_metadata_date

    parsed = parse_metadata_date(value)
    if parsed is None:
        raise InputError(f"published: {value!r} names no date (try 2025-03-03 or 'Senin, 3 Maret 2025')")
    return Published(value=parsed, method="metadata", raw=value)
