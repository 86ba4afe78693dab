"""The sources file: read, and every mistake named with the file, the source and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import SourcesError
from warta.watch import load_sources
from warta.watch.urls import HostMap, normalize_url

GOOD = """
[defaults]
interval = "10m"

[[source]]
name = "kabar-rss"
kind = "rss"
url = "https://www.kabar.test/rss"
outlet = "Kabar"

[[source]]
name = "kabar-depan"
kind = "frontpage"
url = "https://www.kabar.test/"
pattern = "/berita/\\\\d+"
interval = 3600
max_articles = 50
"""


def test_a_good_file_gives_its_sources_with_defaults(tmp_path: Path) -> None:
    p = tmp_path / "sources.toml"
    p.write_text(GOOD, encoding="utf-8")
    rss, front = load_sources(p)
    assert (rss.name, rss.kind, rss.interval, rss.outlet) == ("kabar-rss", "rss", 600.0, "Kabar")
    assert (front.interval, front.max_articles, front.outlet) == (3600.0, 50, "www.kabar.test")
    assert front.matches("https://www.kabar.test/berita/12") and not front.matches(
        "https://www.kabar.test/tag/x"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[source]]\nname = "a"\nkind = "atom"\nurl = "https://a.test/"', "'kind' is 'atom'"),
        ('[[source]]\nname = "a"\nkind = "rss"\nurl = "ftp://a.test/"', "is not an http(s) URL"),
        ('[[source]]\nname = "a"\nkind = "frontpage"\nurl = "https://a.test/"', "needs a 'pattern'"),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.test/"\npattern = "("',
            "not a valid regular",
        ),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.test/"\ninterval = "sebentar"',
            "'interval'",
        ),
        ('[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.test/"\ninterval = 5', "between 1 minute"),
        ('[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.test/"\nwarna = 1', "unknown key(s) warna"),
        ('[[source]]\nkind = "rss"\nurl = "https://a.test/"', "'name' is missing"),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.test/"\n'
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://b.test/"',
            "used twice",
        ),
        ("title = 1", "unknown top-level key(s) title"),
        ("[defaults]\ninterval = 600", "no [[source]] tables"),
        ("[[source]\n", "not valid TOML"),
    ],
)
def test_a_wrong_file_is_named_with_its_source_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    p = tmp_path / "sumber.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesError) as info:
        load_sources(p)
    message = str(info.value)
    assert message.startswith(f"[W107] {p}: ")
    assert problem in message
    if 'name = "a"' in text and "used twice" not in problem:
        assert "source 'a' (#1)" in message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="sources file not found"):
        load_sources(tmp_path / "tidak-ada.toml")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.kabar.test/berita/1/?utm_source=fb&utm_medium=x#komentar",
            "https://www.kabar.test/berita/1",
        ),
        ("https://m.kabar.test/berita/1", "https://www.kabar.test/berita/1"),
        ("https://mobile.kabar.test/berita/1?b=2&a=1", "https://www.kabar.test/berita/1?a=1&b=2"),
        ("https://m.lain.test/berita/1?fbclid=xyz", "https://lain.test/berita/1"),
        ("HTTPS://WWW.Kabar.test:443/", "https://www.kabar.test/"),
        ("/berita/2", "https://www.kabar.test/berita/2"),
        ("mailto:redaksi@kabar.test", None),
        ("javascript:void(0)", None),
    ],
)
def test_urls_have_one_spelling(url: str, expected: str | None) -> None:
    hosts = HostMap(["https://www.kabar.test/rss"])
    assert normalize_url(url, base="https://www.kabar.test/", hosts=hosts) == expected


def test_the_example_sources_file_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "sources.toml"
    specs = load_sources(example)
    assert len(specs) >= 6 and all(s.kind == "rss" for s in specs)
