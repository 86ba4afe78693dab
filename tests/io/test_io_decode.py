from __future__ import annotations

import codecs

import pytest

from warta.errors import BinaryInputError, EncodingError
from warta.io import decode_bytes
from warta.io._decode import repair_surrogates, sniff_encoding

KALIMAT = "Warga Desa Cibeureum menolak rencana itu, ujar Héru kepada wartawan “kemarin”."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Banjir surut di Kampung Melayu.", "Banjir surut di Kampung Melayu."),
        (codecs.BOM_UTF8 + b"Banjir surut.", "Banjir surut."),
        ("Banjir surut.".encode("utf-16"), "Banjir surut."),
        (KALIMAT.encode("utf-8"), KALIMAT),
        (b"", ""),
    ],
    ids=["ascii", "utf8-bom", "utf16-bom", "utf8", "empty"],
)
def test_decode_bytes_reads_unicode_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data, source="berita.txt") == expected


def test_decode_bytes_reads_cp1252() -> None:
    assert decode_bytes(KALIMAT.encode("cp1252"), source="berita.txt") == KALIMAT


def test_decode_bytes_repairs_stray_single_byte_characters_in_utf8() -> None:
    data = "Menurut “sumber” di Istana, ".encode() * 3 + "rapat ditunda ke café".encode("cp1252")
    assert decode_bytes(data, source="berita.txt").endswith("rapat ditunda ke café")


@pytest.mark.parametrize(
    "data",
    [b"GIF89a\x00\x01\x02\x03", b"\x01\x02\x03\x04\x05\x06" * 50 + b"teks"],
    ids=["nul-bytes", "control-bytes"],
)
def test_decode_bytes_refuses_binary_data_naming_the_input(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match=r"\[W102\] foto\.txt: looks binary"):
        decode_bytes(data, source="foto.txt")


def test_decode_bytes_refuses_bytes_no_encoding_reads() -> None:
    with pytest.raises(EncodingError, match=r"\[W106\] acak\.txt: cannot decode"):
        decode_bytes(bytes(range(0x80, 0x100)) * 4, source="acak.txt")


def test_repair_surrogates_maps_escaped_bytes_to_cp1252() -> None:
    escaped = b"harga \x93naik\x94".decode("utf-8", "surrogateescape")
    assert repair_surrogates(escaped) == "harga “naik”"


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        (KALIMAT.encode("utf-8")[:-2], "utf-8"),  # cut inside a multi-byte character
        (codecs.BOM_UTF8 + b"judul,isi", "utf-8-sig"),
        ("judul,isi".encode("utf-16"), "utf-16"),
    ],
)
def test_sniff_encoding_names_the_stream_codec(sample: bytes, expected: str) -> None:
    assert sniff_encoding(sample, source="data.csv") == expected
