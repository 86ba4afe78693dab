from __future__ import annotations

import re
from collections.abc import Callable

from warta.article import Article, Entity, Mention
from warta.stages.summary.keyphrases import extract_keyphrases

TEKS = (
    "Presiden Prabowo Subianto membuka pertemuan puncak ASEAN di Jakarta. "
    "Dalam pertemuan puncak itu, Prabowo menyinggung perdagangan beras. "
    "Prabowo juga bertemu Perdana Menteri Anwar Ibrahim. "
    "Pertemuan puncak berikutnya digelar di Kuala Lumpur, kata Anwar."
)


Seg = Callable[..., Article]


def _texts(article: Article, **kw: int) -> list[str]:
    return [k.text for k in extract_keyphrases(article, idf={}, default_idf=1.0, **kw)]


def test_full_name_preferred_to_surname(seg: Seg) -> None:
    texts = _texts(seg(TEKS))
    assert "Prabowo Subianto" in texts
    assert "Prabowo" not in texts


def test_phrase_preferred_to_its_head(seg: Seg) -> None:
    texts = [t.lower() for t in _texts(seg(TEKS))]
    assert "pertemuan puncak" in texts
    assert "puncak" not in texts


def test_roles_and_stop_words_are_no_keyphrases(seg: Seg) -> None:
    texts = [t.lower() for t in _texts(seg(TEKS))]
    assert "presiden" not in texts
    assert not any(t.split()[0] in {"dan", "di", "itu", "yang"} for t in texts)


def test_spans_point_into_text(seg: Seg) -> None:
    article = seg(TEKS)
    for k in extract_keyphrases(article, idf={}, default_idf=1.0):
        for span in k.spans:
            assert article.text[span.start : span.end] == span.text
        assert 0 < k.score <= 1


def test_merged_entity_gathers_its_mentions(seg: Seg) -> None:
    article = seg(TEKS)
    starts = [i for i in range(len(TEKS)) if TEKS.startswith("Anwar", i)]
    article.mentions = [
        Mention(start=s, end=s + 5, text="Anwar", label="PER", sentence=2 if n == 0 else 3, entity=0)
        for n, s in enumerate(starts)
    ]
    article.entities = [Entity(id="e0", name="Anwar Ibrahim", label="PER", mentions=[0, 1])]
    found = {k.text: k for k in extract_keyphrases(article, idf={}, default_idf=1.0)}
    assert "Anwar Ibrahim" in found
    assert "Anwar" not in found
    assert len(found["Anwar Ibrahim"].spans) >= 2


def test_limit(seg: Seg) -> None:
    assert len(_texts(seg(TEKS), limit=3)) == 3


def test_a_phrase_that_cuts_through_a_name_is_none(seg: Seg) -> None:
    text = (
        "Menteri Pertanian Bayu Kusnadi meninjau sawah di Karawang. Pertanian Bayu kini jadi sorotan, "
        "kata warga. Bayu Kusnadi berjanji menambah pupuk."
    )
    article = seg(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"Bayu Kusnadi|Karawang", text)]
    article.mentions = [
        Mention(
            start=s,
            end=e,
            text=text[s:e],
            label="PER" if text[s] == "B" else "LOC",
            sentence=0 if s < 60 else 2,
            entity=0 if text[s] == "B" else 1,
        )
        for s, e in spans
    ]
    article.entities = [
        Entity(id="e0", name="Bayu Kusnadi", label="PER", mentions=[0, 2]),
        Entity(id="e1", name="Karawang", label="LOC", mentions=[1]),
    ]
    texts = _texts(article)
    assert "Bayu Kusnadi" in texts
    # "Pertanian Bayu" is capitalised twice, but its first occurrence runs into the name
    assert not any(t.lower() == "pertanian bayu" for t in texts)


def test_keyphrases_are_no_verbs_and_no_dates() -> None:
    from warta.stages.summary.keyphrases import _is_date, _is_verb

    assert _is_verb("melaksanakan") and _is_verb("dituduh")
    assert not _is_verb("pelaksanaan") and not _is_verb("pertemuan puncak") and not _is_verb("media")
    assert _is_date("juni 2025") and _is_date("2025") and not _is_date("pasar juni")


def test_no_verb_phrases_fragments_of_longer_names_or_glued_debris(seg: Seg) -> None:
    text = (
        "Mahasiswa Universitas Negeri Cahaya Timur Sukamaju dievakuasi dari asrama yang terendam banjir. "
        "Rektor Universitas Negeri Cahaya Timur Sukamaju meninjau asrama itu pada Senin. "
        "Petugas menyasar sektor utara kampus lebih dulu, lalu menyasar sektor selatan. "
        "Kereta BandaraSukamajuuntuk penumpang ditunda. Kereta BandaraSukamajuuntuk kembali jalan sore. "
        "Akun itu mengunggahvideo banjir. Akun lain juga mengunggahvideo serupa."
    )
    texts = [t.lower() for t in _texts(seg(text), limit=30)]
    assert "dievakuasi" not in texts and "menyasar sektor" not in texts
    # Pieces of the university's name are not keyphrases of their own.
    assert "cahaya timur" not in texts and "negeri cahaya timur" not in texts
    assert not any("bandarasukamajuuntuk" in t or "mengunggahvideo" in t for t in texts)
