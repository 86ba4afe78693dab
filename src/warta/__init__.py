"""warta: Indonesian news to structured, searchable knowledge.

``import warta`` is cheap: no lexicon or model is read until a step first needs it.
"""

from __future__ import annotations

from warta.api_analyze import analyze, build_pipeline, make_article
from warta.article import (
    Article,
    Change,
    Citation,
    Cleaning,
    CleaningWarning,
    Entity,
    Keyword,
    Limit,
    Mention,
    Paragraph,
    Published,
    Quote,
    Role,
    Sentence,
    Source,
    Span,
    Speaker,
    StepError,
    TimelineEntry,
    Timex,
    Token,
    Topic,
    article_json_schema,
    from_json,
    to_json,
)
from warta.config import Settings, load_settings
from warta.errors import (
    EmptyInputError,
    InputError,
    PipelineError,
    PipelineOrderError,
    WartaError,
)
from warta.offsets import OffsetMap
from warta.pipeline import Pipeline, Step

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Change",
    "Citation",
    "Cleaning",
    "CleaningWarning",
    "EmptyInputError",
    "Entity",
    "InputError",
    "Keyword",
    "Limit",
    "Mention",
    "OffsetMap",
    "Paragraph",
    "Pipeline",
    "PipelineError",
    "PipelineOrderError",
    "Published",
    "Quote",
    "Role",
    "Sentence",
    "Settings",
    "Source",
    "Span",
    "Speaker",
    "Step",
    "StepError",
    "TimelineEntry",
    "Timex",
    "Token",
    "Topic",
    "WartaError",
    "__version__",
    "analyze",
    "article_json_schema",
    "build_pipeline",
    "from_json",
    "load_settings",
    "make_article",
    "to_json",
]
