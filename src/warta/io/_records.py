"""One JSON object or CSV row to an Article, through a configurable field mapping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal
from urllib.parse import urlsplit

import msgspec

from warta.article import Article, Published, Source
from warta.config import Settings
from warta.errors import EmptyInputError, InputTooLargeError, MalformedInputError

from ._dates import parse_metadata_date
from ._decode import DecodeNote, note_lossy_decode

__all__ = ["FieldMap", "article_from_record"]


class FieldMap(msgspec.Struct, frozen=True):
    """Field names to look for, per Article attribute, in order of preference.

    The first field that is present and not empty wins. Build it from
    :class:`~warta.config.Settings` (``text_fields`` ...) or by hand for one corpus:

    Example:
        >>> FieldMap(text=("isi_berita",), title=("judul",)).text
        ('isi_berita',)
    """

    text: tuple[str, ...] = ("text",)
    title: tuple[str, ...] = ("title",)
    id: tuple[str, ...] = ("id",)
    url: tuple[str, ...] = ("url",)
    date: tuple[str, ...] = ("date",)
    outlet: tuple[str, ...] = ("source",)
    author: tuple[str, ...] = ("author",)

    @classmethod
    def from_settings(cls, settings: Settings) -> FieldMap:
        return cls(
            text=tuple(settings.text_fields),
            title=tuple(settings.title_fields),
            id=tuple(settings.id_fields),
            url=tuple(settings.url_fields),
            date=tuple(settings.date_fields),
            outlet=tuple(settings.outlet_fields),
            author=tuple(settings.author_fields),
        )

    def names(self) -> tuple[str, ...]:
        """Every field name the map knows, without repeats."""
        seen: dict[str, None] = {}
        for group in (self.text, self.title, self.id, self.url, self.date, self.outlet, self.author):
            seen.update(dict.fromkeys(group))
        return tuple(seen)


def article_from_record(
    record: Mapping[str, Any],
    *,
    fields: FieldMap,
    source: str,
    default_id: str,
    input_format: Literal["jsonl", "csv"],
    max_bytes: int | None = None,
    decoded: DecodeNote | None = None,
) -> Article:
    """Build an (uncleaned) Article from one record.

    Args:
        record: a decoded JSON object or a CSV row as a dict.
        fields: which record fields to read.
        source: where the record is (``data.jsonl:3``), for messages and ``Source.path``.
        default_id: the id when the record has none (derived from ``source``).
        input_format: recorded on the Article.
        max_bytes: text longer than this (UTF-8 bytes) is refused.
        decoded: how the record's bytes were read; a guess becomes a ``lossy-decode``
            warning on the Article, as do U+FFFD replacement characters in the text.

    Raises:
        MalformedInputError: no text field, or a text field that is not text (W104).
        EmptyInputError: the text fields are present but blank (W101).
        InputTooLargeError: the text is over ``max_bytes`` (W103).

    Example:
        >>> a = article_from_record({"judul": "Banjir", "isi": "Air naik."},
        ...     fields=FieldMap(text=("isi",), title=("judul",)), source="x.jsonl:1",
        ...     default_id="x.jsonl:1", input_format="jsonl")
        >>> (a.title, a.raw)
        ('Banjir', 'Air naik.')
    """
    text = _text(record, fields.text, source=source)
    if (
        max_bytes is not None
        and len(text) > max_bytes // 4
        and len(text.encode("utf-8", "replace")) > max_bytes
    ):
        raise InputTooLargeError(f"text is over max_input_bytes ({max_bytes:,} bytes)", source=source)
    url = _string(record, fields.url)
    date = _string(record, fields.date, numbers=True)
    article = Article(
        id=_string(record, fields.id, numbers=True) or default_id,
        raw=text,
        title=_string(record, fields.title),
        input_format=input_format,
        source=Source(
            outlet=_string(record, fields.outlet),
            url=url,
            author=_string(record, fields.author, lists=True),
            site=_host(url),
            path=source,
        ),
        published=(
            Published(value=parse_metadata_date(date), method="metadata", raw=date)
            if date is not None
            else Published()
        ),
    )
    return note_lossy_decode(article, decoded)


def _text(record: Mapping[str, Any], names: tuple[str, ...], *, source: str) -> str:
    blank: list[str] = []
    for name in names:
        if name not in record:
            continue
        value = record[name]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            # Some exports keep paragraphs as a list; the cleaner expects blank lines.
            value = "\n\n".join(v for v in value if v.strip())
        if value is None or (isinstance(value, str) and not value.strip()):
            blank.append(name)
            continue
        if not isinstance(value, str):
            raise MalformedInputError(f"field {name!r} holds {type(value).__name__}, not text", source=source)
        return value
    tried = ", ".join(names)
    if blank:
        raise EmptyInputError(f"empty text in field {blank[0]!r} (tried: {tried})", source=source)
    has = ", ".join(list(record)[:12]) or "no fields"
    raise MalformedInputError(f"no text field (tried: {tried}; the record has: {has})", source=source)


def _string(
    record: Mapping[str, Any], names: tuple[str, ...], *, numbers: bool = False, lists: bool = False
) -> str | None:
    """The first present, non-blank string among ``names`` (stripped), or None."""
    for name in names:
        value = record.get(name)
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if lists and isinstance(value, list):
            value = ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _host(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed URL ("http://[::1") still goes into Source.url as given
        return None
    return host.removeprefix("www.") if host else None
