"""Shared test data for the reader tests: short Indonesian news-like text written for them.

Imported by name (``from iohelpers import ...``): a module called ``conftest`` could
clash with another test folder's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Short news-like paragraphs about invented places and people.
BERITA = [
    "Pemerintah Kabupaten Sukamaju membuka pasar murah di alun-alun pada Senin pagi.",
    '"Harga beras di pasar ini lebih rendah dari biasanya," kata Lurah Sukamaju, Dedi Rusmana.',
    "Warga mulai antre sejak pukul enam pagi untuk membeli minyak goreng dan gula pasir.",
]
TEKS = "\n\n".join(BERITA)

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def jsonl(*records: Any) -> str:
    """JSON Lines text for ``records`` (strings are written as given, for broken lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


def record(n: int = 1, **extra: Any) -> dict[str, Any]:
    """A record shaped like the project's news corpora (id, source, url, date, title, text, author)."""
    base = {
        "id": f"uji-{n}",
        "source": "Kabar Sukamaju",
        "url": f"https://www.kabarsukamaju.example/berita/{n}",
        "date": "2025/03/03 09:15:00",
        "title": f"Pasar Murah Dibuka di Sukamaju ({n})",
        "text": TEKS,
        "author": "Rina Lestari",
    }
    base.update(extra)
    return base
