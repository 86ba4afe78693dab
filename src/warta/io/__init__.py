"""Readers and writers: files, folders and stdin to :class:`~warta.article.Article` records.

Readers yield Articles that are *not yet cleaned* (``raw`` set, ``text`` empty) and
:class:`Reject` items for inputs that could not be read, each with its W1xx code.

Example:
    >>> from warta.config import load_settings
    >>> from warta.io import RejectSink, read_inputs, write_jsonl
    >>> with RejectSink("rejects.jsonl") as rejects:  # doctest: +SKIP
    ...     write_jsonl("out.jsonl.gz", rejects.divert(read_inputs(["berita/"], settings=load_settings())))
"""

from __future__ import annotations

from ._dates import parse_metadata_date
from ._decode import decode_bytes
from ._files import SUPPORTED_SUFFIXES
from ._html import article_from_html
from ._read import STDIN, read_inputs, read_path, read_stdin, read_text
from ._records import FieldMap, article_from_record
from ._rejects import Reject, RejectSink, write_rejects
from ._write import write_jsonl

__all__ = [
    "STDIN",
    "SUPPORTED_SUFFIXES",
    "FieldMap",
    "Reject",
    "RejectSink",
    "article_from_html",
    "article_from_record",
    "decode_bytes",
    "parse_metadata_date",
    "read_inputs",
    "read_path",
    "read_stdin",
    "read_text",
    "write_jsonl",
    "write_rejects",
]
