from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from warta.article import Article
from warta.config import Settings
from warta.errors import InputError
from warta.io import Reject, read_path
from warta.io.feeds import html_to_text, looks_like_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Kabar Sukamaju</title>
  <link>https://kabar.test/</link>
  <item>
    <title>Jembatan Desa Diresmikan</title>
    <link>https://kabar.test/jembatan</link>
    <pubDate>Mon, 03 Mar 2025 08:30:00 +0700</pubDate>
    <author>redaksi@kabar.test (Tim Redaksi)</author>
    <content:encoded><![CDATA[<p>Bupati meresmikan jembatan baru di Desa Sukamaju.</p><p>Warga kini tidak perlu memutar <b>dua jam</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Harga Gabah Naik</title>
    <link>https://kabar.test/gabah</link>
    <description>Harga gabah kering panen naik di tingkat petani.</description>
  </item>
  <item>
    <title>Kosong</title>
    <link>https://kabar.test/kosong</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Warta Pesisir</title>
  <entry>
    <title>Nelayan Kembali Melaut</title>
    <link href="https://pesisir.test/melaut"/>
    <id>tag:pesisir.test,2025:melaut</id>
    <updated>2025-04-01T06:00:00Z</updated>
    <content type="html">&lt;p&gt;Nelayan kembali melaut setelah cuaca membaik.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_become_articles(write: Callable[[str, str | bytes], Path], settings: Settings) -> None:
    items = list(read_path(write("kabar.rss", RSS), settings=settings))
    arts = [i for i in items if isinstance(i, Article)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [a.title for a in arts] == ["Jembatan Desa Diresmikan", "Harga Gabah Naik"]
    first = arts[0]
    assert (
        first.raw
        == "Bupati meresmikan jembatan baru di Desa Sukamaju.\n\nWarga kini tidak perlu memutar dua jam."
    )
    assert first.source.url == "https://kabar.test/jembatan" and first.source.outlet == "Kabar Sukamaju"
    assert first.published.value == datetime(2025, 3, 3, 1, 30)  # UTC
    assert arts[1].raw == "Harga gabah kering panen naik di tingkat petani."
    assert len(rejects) == 1 and rejects[0].code == "W101" and rejects[0].source.endswith("#2")


def test_atom_gzipped(write: Callable[[str, str | bytes], Path], settings: Settings) -> None:
    arts = [i for i in read_path(write("pesisir.atom.gz", ATOM), settings=settings) if isinstance(i, Article)]
    assert [(a.id, a.raw, a.source.outlet) for a in arts] == [
        ("tag:pesisir.test,2025:melaut", "Nelayan kembali melaut setelah cuaca membaik.", "Warta Pesisir")
    ]


def test_not_a_feed_is_an_error(write: Callable[[str, str | bytes], Path], settings: Settings) -> None:
    with pytest.raises(InputError, match=r"W10[14]"):
        list(
            read_path(
                write("catatan.xml", "<catatan><isi>bukan umpan berita</isi></catatan>"), settings=settings
            )
        )


def test_helpers() -> None:
    assert looks_like_feed(RSS.encode()) and not looks_like_feed(b"<html><body></body></html>")
    assert html_to_text("<p>Satu.</p><script>x()</script><p>Dua.</p>") == "Satu.\n\nDua."
