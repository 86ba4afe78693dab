"""Name lists matched as NER features: regions, countries, parties, ministers.

Built once (``warta build resources ner``) into ``resources/gazetteer.tsv``
(``phrase<TAB>type``, phrases lower-cased) from ``../shared/data/gazetteer-wilayah``,
``../shared/data/gazetteer-politics`` and the Indonesian names of countries in
CLDR (the ``babel`` package). Each list keeps its own type, so that the CRF learns
how much to trust it: a province name is nearly always a place, a kecamatan name
("Baru", "Tengah") often is not.

Matching is longest-first over lower-cased tokens: each token inside a match gets
``B``/``I`` and the list's type as features.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Gazetteer", "build_gazetteer", "load_gazetteer", "read_gazetteer"]


def _region_aliases() -> dict[str, tuple[str, ...]]:
    """Official province names and the shorter names news writes for them
    (``resources/region_aliases.tsv``)."""
    from warta.resources import resource_lines

    out: dict[str, tuple[str, ...]] = {}
    for line in resource_lines("ner", "region_aliases.tsv"):
        name, *aliases = line.split("\t")
        out[name] = tuple(aliases)
    return out


@dataclass(slots=True)
class Gazetteer:
    """Phrases (tuples of lower-cased tokens) with their list types."""

    entries: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first token -> longest phrase length

    def add(self, phrase: Sequence[str], typ: str) -> None:
        key = tuple(phrase)
        if not key or key in self.entries:
            return  # the first list to claim a phrase keeps it (lists are added most reliable first)
        self.entries[key] = typ
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def match(self, lowered: Sequence[str]) -> list[str | None]:
        """Per token, ``"B:TYPE"``/``"I:TYPE"`` inside the longest match, else ``None``.

        Example:
            >>> g = Gazetteer(); g.add(("jawa", "barat"), "prov")
            >>> g.match(["banjir", "di", "jawa", "barat"])
            [None, None, 'B:prov', 'I:prov']
        """
        out: list[str | None] = [None] * len(lowered)
        i, n = 0, len(lowered)
        longest, entries = self.longest, self.entries
        while i < n:
            top = longest.get(lowered[i], 0)
            for size in range(min(top, n - i), 0, -1):
                typ = entries.get(tuple(lowered[i : i + size]))
                if typ is not None:
                    out[i] = "B:" + typ
                    for j in range(i + 1, i + size):
                        out[j] = "I:" + typ
                    i += size
                    break
            else:
                i += 1
        return out


def _tokens(name: str) -> tuple[str, ...]:
    from warta.stages.ner.tokens import NAME_TOKEN

    return tuple(t.lower() for t in NAME_TOKEN.findall(name))


def _csv_rows(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_gazetteer(data_dir: Path) -> list[tuple[str, str]]:
    """The ``(phrase, type)`` rows of the gazetteer, most reliable lists first."""
    from babel import Locale

    rows: list[tuple[str, str]] = []
    aliases = _region_aliases()
    wilayah = data_dir / "gazetteer-wilayah"
    politics = data_dir / "gazetteer-politics"
    for r in _csv_rows(wilayah / "provinsi.csv"):
        rows.append((r["nama"], "prov"))
        rows.extend((a, "prov") for a in aliases.get(r["nama"], ()))
    for code, name in Locale("id").territories.items():
        # Letters are countries and regions; digits are continents and world regions.
        rows.append((name, "country" if code.isalpha() else "region"))
    for r in _csv_rows(politics / "parties_2024_national.csv"):
        rows.append((r["nama_resmi"], "party"))
        if r.get("nama_singkat_umum"):
            rows.append((r["nama_singkat_umum"], "party"))
    for r in _csv_rows(politics / "ministers_2019_kabinet_indonesia_maju.csv"):
        rows.append((r["nama"], "minister"))
        title = r["jabatan"]
        if title.startswith("Menteri "):
            rows.append(("Kementerian " + title[len("Menteri ") :], "ministry"))
    for r in _csv_rows(wilayah / "kabupaten_kota.csv"):
        name = r["nama"]
        rows.append((name, "kab"))
        for prefix in ("Kabupaten ", "Kota "):
            if name.startswith(prefix):
                rows.append((name[len(prefix) :], "kab"))
    rows.extend((r["nama"], "kec") for r in _csv_rows(wilayah / "kecamatan.csv"))
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[str, str]] = []
    for name, typ in rows:
        key = _tokens(name)
        if key and key not in seen:
            seen.add(key)
            out.append((" ".join(key), typ))
    return out


def read_gazetteer(text: str) -> Gazetteer:
    """Parse ``phrase<TAB>type`` lines (phrases are space-joined lower-cased tokens)."""
    g = Gazetteer()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            phrase, _, typ = line.partition("\t")
            g.add(phrase.split(" "), typ)
    return g


def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer (read on each call: cache the result)."""
    from warta.resources import read_resource

    return read_gazetteer(read_resource("ner", "gazetteer.tsv"))
