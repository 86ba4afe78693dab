"""Speaker names placed where the NER stage found the person (sentences written for the tests)."""

from __future__ import annotations

from warta.article import Mention
from warta.stages.quotes.boundaries import MentionIndex, refine_speaker
from warta.stages.quotes.speakers import parse_after


def _per(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start=start, end=start + len(name), text=name, label="PER")


def test_a_short_name_used_alone_no_longer_cuts_the_full_name() -> None:
    text = "kata Wali Kota Madiun Rahmat Hidayat, Senin."
    p = parse_after(text, 5, known={"Hidayat"})
    assert p is not None and p.name is not None and text[p.name[0] : p.name[1]] == "Hidayat"
    refine_speaker(text, p, MentionIndex([_per(text, "Rahmat Hidayat")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Rahmat Hidayat"
    assert [text[s:e] for s, e in p.roles] == ["Wali Kota Madiun"]


def test_role_words_the_tagger_kept_stay_in_the_role() -> None:
    text = "kata Bupati Rudi Hartono."
    p = parse_after(text, 5, known={"Hartono"})
    assert p is not None
    refine_speaker(text, p, MentionIndex([_per(text, "Bupati Rudi Hartono")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Rudi Hartono"
    assert [text[s:e] for s, e in p.roles] == ["Bupati"]


def test_a_person_inside_an_organisation_name_is_not_the_speaker() -> None:
    text = "kata Rektor Universitas Sam Ratulangi Maria Lumenta."
    p = parse_after(text, 5)
    assert p is not None and p.name is not None
    before = p.name
    refine_speaker(text, p, MentionIndex([_per(text, "Sam Ratulangi")]))
    assert p.name == before


def test_a_rank_before_the_tagged_name_stays_in_the_name() -> None:
    text = "kata Kepala Polres Bantul Ajun Komisaris Besar Dedi Kurniawan, Selasa."
    p = parse_after(text, 5)
    assert p is not None
    refine_speaker(text, p, MentionIndex([_per(text, "Dedi Kurniawan")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Ajun Komisaris Besar Dedi Kurniawan"
    assert [text[s:e] for s, e in p.affiliations] == ["Polres Bantul"]


def test_a_rank_with_its_corps_stays_in_the_name() -> None:
    text = "ujar Komandan Lanud Sam Ratulangi Kolonel ( Pnb ) Agus Salim di Manado."
    p = parse_after(text, 5)
    assert p is not None
    refine_speaker(text, p, MentionIndex([_per(text, "Agus Salim")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Kolonel ( Pnb ) Agus Salim"


def test_an_office_is_not_a_rank() -> None:
    text = "kata Direktur Jenderal Pajak Kemenkeu Rina Wulandari, Senin."
    p = parse_after(text, 5)
    assert p is not None
    refine_speaker(text, p, MentionIndex([_per(text, "Rina Wulandari")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Rina Wulandari"


def test_an_organisation_glued_to_the_tagged_name_is_cut_off() -> None:
    text = "kata Deputi Komisioner Pengawas Perbankan OJK Tono Sugiarto, Kamis."
    p = parse_after(text, 5)
    assert p is not None
    refine_speaker(text, p, MentionIndex([_per(text, "Perbankan OJK Tono Sugiarto")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Tono Sugiarto"
    assert [text[s:e] for s, e in p.affiliations] == ["OJK"]


def test_a_word_that_opens_names_stays_in_the_tagged_name() -> None:
    text = "kata Kepala Kantor Imigrasi Tarakan Ahmad Fauzi Ramli, Senin."
    p = parse_after(text, 5)
    assert p is not None
    refine_speaker(text, p, MentionIndex([_per(text, "Fauzi Ramli")]))
    assert p.name is not None and text[p.name[0] : p.name[1]] == "Ahmad Fauzi Ramli"
