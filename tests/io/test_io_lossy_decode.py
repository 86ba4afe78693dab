"""A guessed encoding, stray bytes or U+FFFD become a ``lossy-decode`` warning that survives cleaning."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from iohelpers import TEKS

from warta.api_analyze import build_pipeline
from warta.article import Article, CleaningWarning
from warta.config import Settings
from warta.io import Reject, article_from_html, read_path, read_stdin
from warta.io._decode import DecodeNote, decode_bytes_noted, lossy_decode_warning
from warta.stages.clean.step import CleanStep

Writer = Callable[[str, str | bytes], Path]

# Written in cp1252 these have bytes that are not UTF-8: "é", curly quotes, a dash.
LAMA = (
    "Pemilik kafé di Jalan Merdeka mengeluh omzetnya turun sejak pasar direnovasi. "
    "“Pembeli pindah ke pasar sementara,” kata Héru Prasetyo – pemilik kafé itu – kepada wartawan."
)
# UTF-8 text with a few characters that are not ASCII, so that stray bytes count as stray.
BARU = "Warga “Kampung Melayu” kembali ke rumah – air sudah surut, kata lurah. "


def lossy(article: Article | Reject) -> list[CleaningWarning]:
    assert isinstance(article, Article)
    return [w for w in article.cleaning.warnings if w.kind == "lossy-decode"]


def one(path: Path, settings: Settings) -> Article:
    (item,) = list(read_path(path, settings=settings))
    assert isinstance(item, Article)
    return item


# ---- decode_bytes_noted and the warning's message ----


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (TEKS.encode("utf-8"), DecodeNote("utf-8")),
        (TEKS.encode("utf-16"), DecodeNote("utf-16")),
        ((BARU * 3).encode("utf-8") + b"caf\xe9 \x93baru\x94", DecodeNote("utf-8", stray=3)),
    ],
    ids=["utf8", "bom", "stray-bytes"],
)
def test_decode_bytes_noted_says_how_the_bytes_were_read(data: bytes, note: DecodeNote) -> None:
    assert decode_bytes_noted(data, source="berita.txt")[1] == note


def test_detected_encoding_is_noted_as_a_guess() -> None:
    text, note = decode_bytes_noted(LAMA.encode("cp1252"), source="lama.txt")
    assert text == LAMA
    assert note.guessed and note.encoding in ("cp1252", "windows-1252", "latin_1", "iso8859_15", "cp1250")


def test_clean_utf8_without_replacement_characters_gives_no_warning() -> None:
    assert lossy_decode_warning(DecodeNote("utf-8"), TEKS) is None
    assert lossy_decode_warning(None, TEKS) is None


def test_warning_names_the_encoding_and_counts_what_was_guessed_or_lost() -> None:
    warning = lossy_decode_warning(DecodeNote("cp1250", guessed=True, stray=0), "Harga \ufffd naik \ufffd.")
    assert warning is not None
    assert (warning.kind, warning.start, warning.end) == ("lossy-decode", 0, 0)
    assert "read as cp1250, an encoding guessed by charset detection" in warning.message
    assert "2 characters are U+FFFD" in warning.message
    stray = lossy_decode_warning(DecodeNote("utf-8", stray=1), "Kafé")
    assert stray is not None
    assert "1 byte that is not UTF-8 read as cp1252" in stray.message


# ---- each reader notes it ----


def test_cp1252_text_file_is_warned(write: Writer, settings: Settings) -> None:
    article = one(write("lama.txt", LAMA.encode("cp1252")), settings)
    assert article.raw == LAMA
    (warning,) = lossy(article)
    assert "guessed by charset detection" in warning.message


def test_utf8_text_file_with_stray_bytes_is_warned(write: Writer, settings: Settings) -> None:
    article = one(write("campur.txt", (BARU * 3).encode() + b"Caf\xe9 \x93baru\x94 buka."), settings)
    assert article.raw.endswith("Café “baru” buka.")
    (warning,) = lossy(article)
    assert "3 bytes that are not UTF-8 read as cp1252 characters" in warning.message


def test_clean_utf8_file_is_not_warned(write: Writer, settings: Settings) -> None:
    assert lossy(one(write("bersih.txt", TEKS), settings)) == []


def test_replacement_characters_in_the_input_are_warned(write: Writer, settings: Settings) -> None:
    article = one(write("rusak.txt", "Harga cabai naik 10 \ufffd persen di Pasar \ufffdSukamaju."), settings)
    (warning,) = lossy(article)
    assert "2 characters are U+FFFD" in warning.message


def test_html_page_with_a_guessed_charset_is_warned() -> None:
    page = f"<html><head><title>Kafé</title></head><body><article><p>{LAMA}</p></article></body></html>"
    article = article_from_html(page.encode("cp1252"), id="p", source="p.html")
    assert LAMA in article.raw
    (warning,) = lossy(article)
    assert "guessed by charset detection" in warning.message


def test_html_page_with_its_declared_charset_is_not_warned() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Kafé</title></head>'
        f"<body><article><p>{LAMA}</p></article></body></html>"
    )
    article = article_from_html(page.encode("cp1252"), id="p", source="p.html")
    assert LAMA in article.raw
    assert lossy(article) == []


def test_jsonl_line_with_stray_bytes_is_warned_alone(write: Writer, settings: Settings) -> None:
    good = json.dumps({"id": "a", "text": BARU}, ensure_ascii=False).encode()
    bad = (
        json.dumps({"id": "b", "text": BARU + "Kafe buka."}, ensure_ascii=False)
        .encode()
        .replace(b"Kafe", b"Kaf\xe9")
    )
    items = list(read_path(write("data.jsonl", good + b"\n" + bad + b"\n"), settings=settings))
    assert [len(lossy(i)) for i in items] == [0, 1]
    assert isinstance(items[1], Article) and items[1].raw.endswith("Kafé buka.")


def test_json_array_in_cp1252_warns_every_record(write: Writer, settings: Settings) -> None:
    data = json.dumps([{"text": LAMA}, {"text": LAMA[:80]}], ensure_ascii=False).encode("cp1252")
    items = list(read_path(write("data.json", data), settings=settings))
    assert [len(lossy(i)) for i in items] == [1, 1]


def test_csv_in_cp1252_warns_every_row(write: Writer, settings: Settings) -> None:
    rows = f'id,text\n1,"{LAMA}"\n2,"{LAMA[:90]}"\n'
    items = list(read_path(write("data.csv", rows.encode("cp1252")), settings=settings))
    assert [len(lossy(i)) for i in items] == [1, 1]
    assert "guessed by charset detection" in lossy(items[0])[0].message


def test_utf8_csv_warns_only_the_row_with_stray_bytes(write: Writer, settings: Settings) -> None:
    data = f"id,text\n1,{BARU}\n2,{BARU}\n3,{BARU}\n".encode() + b"4,Kaf\xe9 di pasar buka lagi.\n"
    items = list(read_path(write("data.csv", data), settings=settings))
    assert [len(lossy(i)) for i in items] == [0, 0, 0, 1]
    assert "1 byte that is not UTF-8" in lossy(items[3])[0].message


def test_stdin_in_cp1252_is_warned(settings: Settings) -> None:
    article = read_stdin(io.BytesIO(LAMA.encode("cp1252")), settings=settings)
    assert len(lossy(article)) == 1


def test_feed_read_in_another_encoding_than_declared_is_warned(write: Writer, settings: Settings) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kabar Sukamaju</title>'
        f"<item><title>Kafé</title><description>{LAMA}</description></item></channel></rss>"
    )
    (item,) = list(read_path(write("kabar.rss", feed.encode("cp1252")), settings=settings))
    assert len(lossy(item)) == 1


# ---- the clean step and the pipeline keep it ----


def test_clean_step_keeps_the_warning_and_points_it_at_the_first_replacement(
    write: Writer, settings: Settings
) -> None:
    raw = (
        "  Harga cabai naik 10 \ufffd persen di Pasar Sukamaju, kata pedagang.\n\n\n\nWarga \ufffd mengeluh."
    )
    article = one(write("rusak.txt", raw), settings)
    cleaned = CleanStep()(article)
    (warning,) = lossy(cleaned)
    assert cleaned.text[warning.start : warning.end] == "\ufffd"
    assert warning.start == cleaned.text.index("\ufffd")
    # Cleaning again neither loses nor repeats it.
    assert lossy(CleanStep()(cleaned)) == [warning]


def test_warning_without_replacement_characters_stays_at_zero(write: Writer, settings: Settings) -> None:
    cleaned = CleanStep()(one(write("lama.txt", LAMA.encode("cp1252")), settings))
    (warning,) = lossy(cleaned)
    assert (warning.start, warning.end) == (0, 0)


def test_warning_survives_the_whole_pipeline(write: Writer, settings: Settings) -> None:
    article = one(write("lama.txt", LAMA.encode("cp1252")), settings)
    done = build_pipeline(settings=settings)(article)
    assert done.errors == []
    assert done.sentences  # the pipeline ran to the end
    (warning,) = lossy(done)
    assert "guessed by charset detection" in warning.message
