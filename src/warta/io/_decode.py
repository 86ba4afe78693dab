"""Bytes to text: UTF-8 first, then a guarded charset-normalizer fallback.

Scraped Indonesian news is overwhelmingly UTF-8. The two other cases that occur
in practice are old Windows exports (cp1252/latin-1) and UTF-8 files with a few
stray single-byte characters pasted in; both are handled here. Anything that
looks like binary data is refused before any guessing happens.

A guess is never silent: :func:`decode_bytes_noted` says how the bytes were read
(:class:`DecodeNote`), and :func:`note_lossy_decode` turns a guess, or U+FFFD
replacement characters in the text, into a ``lossy-decode`` warning on the Article.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from warta.article import Article, CleaningWarning
from warta.errors import BinaryInputError, EncodingError

__all__ = [
    "DecodeNote",
    "check_binary",
    "decode_bytes",
    "decode_bytes_noted",
    "lossy_decode_warning",
    "note_lossy_decode",
    "repair_surrogates",
    "sniff_encoding",
    "stray_bytes",
]

# The binary test looks at the head of the input only: a binary file shows it at once.
SAMPLE_BYTES = 1 << 16

# Control bytes that never occur in text (tab, newlines, form feed and ESC are allowed:
# ESC appears in terminal captures, form feed in old text dumps).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])

# A few stray control bytes occur in scraped text; images, PDFs and archives have far
# more. 10% keeps the first and refuses the second with a wide margin on both sides.
_MAX_CONTROL_SHARE = 0.10

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Indonesian is written in Latin script, so only Latin single-byte code pages are
# candidates. Left unrestricted, charset-normalizer reads short latin-1 Indonesian
# text as Big5 ("Pak Héru" -> CJK) and mac_roman turns "Ölçü" into "÷lÁ¸".
_CANDIDATES = ["cp1252", "latin_1", "iso8859_15", "cp1250"]

_SURROGATES = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")

_REPLACEMENT = "\ufffd"


class DecodeNote(NamedTuple):
    """How an input's bytes became text.

    ``encoding`` is the codec that read them; ``guessed`` is True when charset
    detection picked it (no BOM, not UTF-8, no usable declaration); ``stray`` counts
    the bytes of a UTF-8 input that were not UTF-8 and were read as cp1252, a guess too.

    Example:
        >>> decode_bytes_noted("Kafé itu ramai — kata warga.".encode("utf-8") + b" Caf\\xe9", source="x.txt")[1]
        DecodeNote(encoding='utf-8', guessed=False, stray=1)
    """

    encoding: str
    guessed: bool = False
    stray: int = 0


UTF8 = DecodeNote("utf-8")


def stray_bytes(text: str) -> int:
    """How many bytes ``surrogateescape`` kept in ``text`` (before :func:`repair_surrogates`)."""
    return sum(len(run) for run in _SURROGATES.findall(text))


def lossy_decode_warning(note: DecodeNote | None, text: str) -> CleaningWarning | None:
    """A ``lossy-decode`` warning when ``note`` is a guess or ``text`` holds U+FFFD; else None.

    The position is left at 0: the text is not cleaned yet (the clean step points the
    warning at the first U+FFFD of the cleaned text).

    Example:
        >>> lossy_decode_warning(DecodeNote("cp1250", guessed=True), "Harga naik \ufffd persen").message
        'lossy decode: not UTF-8, read as cp1250, an encoding guessed by charset detection; 1 character is U+FFFD (a replacement character: the original was lost)'
    """
    parts = []
    if note is not None and note.guessed:
        parts.append(f"not UTF-8, read as {note.encoding}, an encoding guessed by charset detection")
    if note is not None and note.stray:
        things = "byte that is" if note.stray == 1 else "bytes that are"
        parts.append(f"{note.stray:,} {things} not UTF-8 read as cp1252 characters (a guess)")
    replaced = text.count(_REPLACEMENT)
    if replaced:
        things = "character is" if replaced == 1 else "characters are"
        parts.append(f"{replaced:,} {things} U+FFFD (a replacement character: the original was lost)")
    if not parts:
        return None
    return CleaningWarning(kind="lossy-decode", message="lossy decode: " + "; ".join(parts), start=0, end=0)


def note_lossy_decode(article: Article, note: DecodeNote | None = None) -> Article:
    """Add :func:`lossy_decode_warning` for ``note`` and ``article.raw`` to the article; return it."""
    warning = lossy_decode_warning(note, article.raw)
    if warning is not None:
        article.cleaning.warnings.append(warning)
    return article


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start of ``data``, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def check_binary(sample: bytes, *, source: str) -> None:
    """Raise :class:`BinaryInputError` when ``sample`` looks like binary data.

    Args:
        sample: the first bytes of the input (a BOM-less head; UTF-16 must be caught
            by :func:`bom_encoding` first, since its NUL bytes look binary).
        source: the input's name, for the message.
    """
    head = sample[:SAMPLE_BYTES]
    if b"\x00" in head:
        raise BinaryInputError("looks binary: it contains NUL bytes", source=source)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        share = round(100 * controls / len(head))
        raise BinaryInputError(f"looks binary: {share}% of the first bytes are control bytes", source=source)


def repair_surrogates(text: str) -> str:
    """Replace bytes kept by ``surrogateescape`` with their cp1252 characters.

    A UTF-8 text with a few single-byte characters pasted in (``"caf\\xe9"``) decodes
    with ``errors="surrogateescape"`` to lone surrogates; this maps each byte to the
    Windows-1252 character it almost always was, or to its latin-1 control character
    where cp1252 leaves the byte undefined.

    Example:
        >>> repair_surrogates(b"Kafe \\xe9lite".decode("utf-8", "surrogateescape"))
        'Kafe élite'
    """
    if not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub(_surrogate_run_to_cp1252, text)


def _surrogate_run_to_cp1252(match: re.Match[str]) -> str:
    out = []
    for ch in match.group():
        byte = bytes([ord(ch) - 0xDC00])
        try:
            out.append(byte.decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
            out.append(byte.decode("latin-1"))
    return "".join(out)


def _mostly_utf8(escaped: str) -> bool:
    """True when valid multi-byte UTF-8 characters outnumber the invalid bytes.

    A cp1252 file has no valid multi-byte sequences (its accented letters are single
    bytes), so any majority of valid ones means UTF-8 with a few foreign bytes.
    """
    invalid = sum(len(m) for m in _SURROGATES.findall(escaped))
    valid = len(_NON_ASCII.findall(escaped))
    return valid > invalid


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an input's bytes to text.

    Order: byte-order mark; binary check; strict UTF-8 (the fast path); UTF-8 with
    a few stray single-byte characters (repaired as cp1252); charset-normalizer over
    Latin code pages. :func:`decode_bytes_noted` also says which of these it was.

    Args:
        data: the whole input.
        source: the input's name (a path, ``path:line`` or ``<stdin>``), for messages.

    Returns:
        The text, without a byte-order mark. ``b""`` gives ``""``.

    Raises:
        BinaryInputError: NUL bytes or many control bytes (W102).
        EncodingError: bytes that no candidate encoding reads (W106).

    Example:
        >>> decode_bytes("Warga antre sejak pagi.".encode("cp1252"), source="berita.txt")
        'Warga antre sejak pagi.'
    """
    return decode_bytes_noted(data, source=source)[0]


def decode_bytes_noted(data: bytes, *, source: str) -> tuple[str, DecodeNote]:
    """:func:`decode_bytes`, with a :class:`DecodeNote` saying how the bytes were read."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom), DecodeNote(bom)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"not valid {bom} despite its byte-order mark: {exc.reason}", source=source
            ) from exc
    check_binary(data, source=source)
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass  # not (pure) UTF-8: the slower paths below
    escaped = data.decode("utf-8", "surrogateescape")
    if _mostly_utf8(escaped):
        return repair_surrogates(escaped), DecodeNote("utf-8", stray=stray_bytes(escaped))
    return _detect(data, source=source)


def _detect(data: bytes, *, source: str) -> tuple[str, DecodeNote]:
    from charset_normalizer import from_bytes  # imported on the slow path only

    match = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if match is None:
        raise EncodingError(
            "cannot decode: not UTF-8 and no Latin code page (cp1252, latin-1, iso8859-15, cp1250) fits",
            source=source,
        )
    return str(match), DecodeNote(str(match.encoding), guessed=True)


def sniff_encoding(sample: bytes, *, source: str) -> str:
    """The encoding to stream a file with, judged from its first bytes.

    Returns a codec name: the BOM's, ``"utf-8"`` when the sample is UTF-8 (or mostly
    UTF-8: decode with ``errors="surrogateescape"`` and :func:`repair_surrogates`), or
    charset-normalizer's pick among Latin code pages.

    Raises:
        BinaryInputError, EncodingError: as :func:`decode_bytes`.
    """
    bom = bom_encoding(sample)
    if bom is not None:
        return bom
    check_binary(sample, source=source)
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    # final=False: the sample may end inside a multi-byte character.
    escaped = decoder.decode(sample, final=False)
    if not _SURROGATES.search(escaped) or _mostly_utf8(escaped):
        return "utf-8"
    from charset_normalizer import from_bytes

    match = from_bytes(sample, cp_isolation=_CANDIDATES).best()
    if match is None:
        raise EncodingError(
            "cannot decode: not UTF-8 and no Latin code page (cp1252, latin-1, iso8859-15, cp1250) fits",
            source=source,
        )
    return str(match.encoding)
