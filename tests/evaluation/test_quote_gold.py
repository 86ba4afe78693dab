"""warta's quote gold: reading, hash checks, and the scorer on an invented corpus."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from warta.errors import EvaluationError
from warta.evaluation._gold import gold_lines
from warta.evaluation.quote_gold import (
    GoldArticle,
    GoldQuote,
    evaluate_quote_gold,
    speaker_matches,
    text_sha1,
)

TEXT = (
    "Jakarta - Kepala Dinas Pasar Kota Sukamaju Rudi Hartono memastikan stok cabai aman menjelang Lebaran. "
    '"Kami sudah menambah pasokan dari tiga kabupaten," kata Rudi di Pasar Baru, Senin (3/3/2025). '
    "Menurut Rudi, harga cabai akan turun pekan depan. "
    "Seorang pedagang mengatakan pembeli masih sepi sejak pagi. "
    'Poster bertuliskan "Pasar Bersih" dipasang di pintu masuk.'
)


def _find(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "data"
    (root / "berita-uji").mkdir(parents=True)
    with gzip.open(root / "berita-uji" / "artikel.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(
            json.dumps(
                {
                    "id": "uji-1",
                    "source": "Kabar Uji",
                    "date": "2025-03-03",
                    "title": "Stok Cabai",
                    "text": TEXT,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    direct = _find("Kami sudah menambah pasokan dari tiga kabupaten,")
    menurut = _find("harga cabai akan turun pekan depan")
    anon = _find("pembeli masih sepi sejak pagi")
    gold = GoldArticle(
        corpus="berita-uji",
        file="artikel.jsonl.gz",
        id="uji-1",
        sha1=text_sha1(TEXT),
        outlet="Kabar Uji",
        quotes=[
            GoldQuote(*direct, kind="direct", speaker="Rudi Hartono", date="2025-03-03"),
            GoldQuote(*menurut, kind="indirect", speaker="Rudi Hartono"),
            GoldQuote(*anon, kind="indirect", speaker="Seorang pedagang", speaker_type="anonymous"),
        ],
    )
    path = tmp_path / "gold.jsonl"
    path.write_bytes(gold_lines([gold]))
    return path, root


def test_the_scorer_finds_spans_speakers_and_dates(corpus: tuple[Path, Path]) -> None:
    gold, root = corpus
    r = evaluate_quote_gold(gold, data_root=root, errors=True)
    assert r["articles"] == 1 and r["gold"] == 3
    assert r["span"]["recall"] >= 2 / 3
    assert 0.0 <= r["speaker_accuracy"] <= 1.0
    assert r["date_accuracy"] in (0.0, 1.0) and r["dated"] == 1
    assert set(r["calibration"]) == {"ece", "n", "table"}
    assert all(e["status"] in ("fp", "fn", "tp") for e in r["errors"])


def test_a_changed_text_is_refused(corpus: tuple[Path, Path]) -> None:
    gold, root = corpus
    with gzip.open(root / "berita-uji" / "artikel.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "uji-1", "text": TEXT + " Tambahan."}) + "\n")
    with pytest.raises(EvaluationError, match="not the annotated one"):
        evaluate_quote_gold(gold, data_root=root)


def test_an_empty_split_is_an_error(corpus: tuple[Path, Path]) -> None:
    gold, root = corpus
    with pytest.raises(EvaluationError, match="no articles in split 'heldout'"):
        evaluate_quote_gold(gold, data_root=root, split="heldout")


@pytest.mark.parametrize(
    ("gold", "name", "anonymous", "ok"),
    [
        (GoldQuote(0, 1, "direct", speaker="Rudi Hartono"), "Rudi Hartono", False, True),
        (GoldQuote(0, 1, "direct", speaker="Rudi Hartono"), "Hartono", False, True),
        (GoldQuote(0, 1, "direct", speaker="Rudi Hartono"), "Pak Rudi", False, True),
        (GoldQuote(0, 1, "direct", speaker="Rudi Hartono"), "Sukamaju", False, False),
        (GoldQuote(0, 1, "direct", speaker="Rudi Hartono"), None, False, False),
        (
            GoldQuote(
                0,
                1,
                "direct",
                speaker="Kementerian Perdagangan",
                speaker_type="organisation",
                aliases=["Kemendag"],
            ),
            "Kemendag",
            False,
            True,
        ),
        (
            GoldQuote(0, 1, "direct", speaker="Badan Pusat Statistik", speaker_type="organisation"),
            "BPS",
            False,
            True,
        ),
        (
            GoldQuote(0, 1, "direct", speaker="seorang pedagang", speaker_type="anonymous"),
            "pedagang",
            True,
            True,
        ),
        (
            GoldQuote(0, 1, "direct", speaker="seorang pedagang", speaker_type="anonymous"),
            "Rudi",
            False,
            False,
        ),
    ],
)
def test_speaker_matching(gold: GoldQuote, name: str | None, anonymous: bool, ok: bool) -> None:
    assert speaker_matches(gold, name, anonymous=anonymous) is ok


_AGAR = "Camat Sukamaju Rina Wulandari meminta agar warga menutup saluran air sebelum hujan turun."
_JIKA = "Ketua Komisi Rina Wulandari menilai jika ada pihak yang menolak revisi itu, hal tersebut wajar."


@pytest.mark.parametrize(
    ("text", "gold_from"),
    [(_AGAR, "agar warga"), (_AGAR, "warga menutup"), (_JIKA, "jika ada")],
)
def test_a_complementiser_may_open_the_gold_content_or_not(text: str, gold_from: str) -> None:
    import warta
    from warta.evaluation.quote_gold import score_article

    start = text.index(gold_from)
    gold = GoldArticle(
        corpus="uji",
        file="uji.jsonl",
        id="uji-2",
        sha1=text_sha1(text),
        outlet="Kabar Uji",
        quotes=[GoldQuote(start, len(text) - 1, kind="indirect", speaker="Rina Wulandari")],
    )
    counts, _rows = score_article(gold, warta.analyze(text), text)
    assert counts["found"] == 1 and counts["speaker_ok"] == 1


def test_a_step_that_crashes_is_reported_not_scored_silently(
    corpus: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from warta.stages.quotes import step as quote_step

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("rusak")

    monkeypatch.setattr(quote_step, "find_quotes", boom)
    gold, root = corpus
    r = evaluate_quote_gold(gold, data_root=root)
    assert r["step_failures"] and "uji-1" in r["step_failures"][0] and "rusak" in r["step_failures"][0]
    assert r["span"]["recall"] == 0.0


def test_no_step_failures_field_when_every_step_ran(corpus: tuple[Path, Path]) -> None:
    gold, root = corpus
    assert "step_failures" not in evaluate_quote_gold(gold, data_root=root)
