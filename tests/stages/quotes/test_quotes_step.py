"""The quote step on the test article of conftest.py: one behaviour per test."""

from __future__ import annotations

import warta
from warta.article import Article, Quote
from warta.pipeline import Pipeline
from warta.stages.quotes.step import QuoteStep
from warta.stages.segment.step import SegmentStep


def _quote(article: Article, words: str) -> Quote:
    return next(q for q in article.quotes if words in q.text)


def test_cue_after_names_speaker_with_role(analysed: Article) -> None:
    q = _quote(analysed, "40 bus tambahan. Jadwalnya")
    assert q.kind == "direct" and q.cue is not None and q.cue.text == "kata"
    assert q.speaker is not None and q.speaker.name == "Rudi Hartono"
    assert [r.text for r in q.speaker.roles] == ["Kepala"]


def test_run_of_quotes_closed_by_tambahnya(analysed: Article) -> None:
    run = [
        _quote(analysed, w)
        for w in ("Terminal akan dijaga", "Pemeriksaan kesehatan", "Penumpang tanpa surat")
    ]
    assert [q.speaker.name if q.speaker else None for q in run] == ["Rudi Hartono"] * 3
    assert run[2].cue is not None and run[2].cue.text == "tambahnya"
    assert run[0].confidence < run[2].confidence + 0.01


def test_menurut_is_indirect_speech(analysed: Article) -> None:
    q = _quote(analysed, "jumlah penumpang tahun ini")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "Menurut"
    assert q.speaker is not None and q.speaker.name == "Rudi Hartono"


def test_colon_quote_with_pronoun_speaker(analysed: Article) -> None:
    q = _quote(analysed, "tidak ingin ada kerumunan")
    assert q.cue is not None and q.cue.text == "mengatakan"
    assert q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == "Ia"
    assert q.speaker.name == "Rudi Hartono"


def test_programme_title_and_scare_quote_are_not_speech(analysed: Article) -> None:
    texts = [q.text for q in analysed.quotes]
    assert "Mudik Aman" not in texts and "pasar malam" not in texts


def test_anonymous_source_keeps_description(analysed: Article) -> None:
    q = _quote(analysed, "kerja sama transportasi")
    assert q.speaker is not None and q.speaker.anonymous
    assert q.speaker.description is not None and q.speaker.description.startswith("Seorang pejabat AS")


def test_organisation_speaks_in_a_statement(analysed: Article) -> None:
    q = _quote(analysed, "kunjungan itu ditunda")
    assert q.speaker is not None and q.speaker.name == "Istana Elysee"


def test_repeated_quote_is_linked(analysed: Article) -> None:
    first = analysed.quotes.index(_quote(analysed, "40 bus tambahan. Jadwalnya"))
    again = next(q for q in analysed.quotes if q.text.startswith("Kami sudah menyiapkan 40 bus tambahan,"))
    assert again.repeat_of == first


def test_quotes_dated_by_their_sentence_or_the_article() -> None:
    from datetime import datetime

    from warta.article import Published, Timex

    text = "”Kami siap,” kata Budi, Senin (3/5/2021)."
    a = SegmentStep()(Article(id="d", raw=text, text=text, published=Published(value=datetime(2021, 5, 4))))
    a.timexes = [
        Timex(start=24, end=40, text="Senin (3/5/2021)", type="DATE", value="2021-05-03", sentence=0)
    ]
    (q,) = QuoteStep()(a).quotes
    assert q.date == "2021-05-03"


def test_citations_and_dangling_ones(analysed: Article) -> None:
    found = [(c.cue.text, c.source.text if c.source else None, c.dangling) for c in analysed.citations]
    assert ("Mengutip", "CNN", False) in found
    assert ("Dikutip dari", None, True) in found


def test_spans_point_into_text(analysed: Article) -> None:
    for q in analysed.quotes:
        assert analysed.text[q.start : q.end] == q.text
        if q.cue is not None:
            assert analysed.text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert analysed.text[m.start : m.end] == m.text


def test_links_speaker_to_merged_entity() -> None:
    from warta.article import Entity, Mention

    text = "”Kami siap,” kata Budi Santoso."
    a = SegmentStep()(Article(id="e", raw=text, text=text))
    a.mentions = [Mention(start=18, end=30, text="Budi Santoso", label="PER", entity=0)]
    a.entities = [Entity(id="e0", name="Budi Santoso", label="PER", mentions=[0])]
    (q,) = QuoteStep()(a).quotes
    assert q.speaker is not None and q.speaker.entity == 0


def test_step_contract_in_a_pipeline() -> None:
    p = Pipeline([SegmentStep(), QuoteStep()], initial=("raw", "text"))
    a = p(Article(id="p", raw="", text="Harga naik. ”Kami siap,” ujar Budi."))
    assert "quotes" in a.provided and "citations" in a.provided and not a.errors


def test_text_without_quotes_or_with_broken_marks() -> None:
    for text in ("", "Hujan turun sejak pagi.", "”", "Ia berkata: “tidak ada", "tidak,” katanya."):
        a = QuoteStep()(SegmentStep()(Article(id="b", raw=text, text=text)))
        assert all(0 <= q.start <= q.end <= len(text) for q in a.quotes)


def test_people_introduced_anywhere_before_a_reporting_verb() -> None:
    from warta.stages.quotes.people import introductions

    text = (
        "Dihubungi terpisah, Kepala Dinas Pendidikan Kota Palu Herman Sujono mengatakan, sekolah dibuka bulan depan. "
        "Ani Rahma, peneliti Lembaga Survei Nusantara, menilai angka itu wajar. "
        "Hal itu disampaikan Ketua Komisi Informasi Jambi Yusuf Amin di Jambi."
    )
    spans = [
        (0, text.index("Ani") - 1),
        (text.index("Ani"), text.index("Hal") - 1),
        (text.index("Hal"), len(text)),
    ]
    names = [text[p.name[0] : p.name[1]] for p in introductions(text, spans) if p.name]
    assert names == ["Herman Sujono", "Ani Rahma", "Yusuf Amin"]


def test_an_office_named_by_its_holder_is_no_person() -> None:
    from warta.stages.quotes.people import introductions

    text = "Kantor Wakil Presiden Filipina mengatakan, kunjungan itu ditunda."
    assert introductions(text, [(0, len(text))]) == []


def test_a_role_phrase_inside_a_sentence_introduces_a_person() -> None:
    from warta.stages.quotes.people import introductions

    text = "Usulan itu mendapat dukungan dari Bupati Sleman Rina Kartika, pekan lalu."
    found = introductions(text, [(0, len(text))], known={"Rina"})
    assert [text[p.name[0] : p.name[1]] for p in found if p.name] == ["Rina Kartika"]
    assert not found[0].subject  # a mention, not a sentence's subject: no "-nya" candidate
    # A name the article never uses again is only a guess from capitals.
    assert introductions(text, [(0, len(text))]) == []


def test_a_company_name_after_pt_is_no_person() -> None:
    from warta.stages.quotes.speakers import parse_after

    text = "kata Direktur Utama PT Sinar Pangan."
    p = parse_after(text, 5)
    assert p is not None and p.name is None


def test_words_before_the_role_are_no_part_of_it() -> None:
    from warta.stages.quotes.people import introductions

    text = "Bagi Wakil Ketua Komisi IV DPR Hendra Saputra, pengawasan harus diperketat."
    found = introductions(text, [(0, len(text))])
    assert [text[s:e] for p in found for s, e in p.roles] == ["Wakil Ketua Komisi IV"]


def test_pseudonyms_and_quantified_appositions_mark_private_people() -> None:
    from warta.stages.quotes.people import public_status

    text = (
        "Dodi (bukan nama sebenarnya) menunggu di halte. "
        "Sari Wulan, salah satu pelaku usaha kuliner, ikut antre. "
        "Kepala Dinas Perdagangan Hendra Gunawan hadir."
    )
    assert public_status(text, ["Dodi", "Sari", "Hendra"]) == {"Dodi": False, "Sari": False, "Hendra": True}


def test_a_quote_is_dated_by_the_day_next_to_it_not_by_a_date_inside_it() -> None:
    import warta

    a = warta.analyze(
        "Warga Menolak Aturan Baru\n\n"
        "Ketua RT Budi Santoso mengatakan aturan itu mengulang UU Nomor 8 Tahun 1981, Senin (3/3/2025). "
        "Menurut Budi, sidang berikutnya digelar pekan depan.",
        published="2025-03-05",
    )
    dates = [q.date for q in a.quotes]
    assert dates[0] == "2025-03-03"  # the day by the cue, not 1981
    assert dates[1] == "2025-03-03"  # the same speaker's next statement: the same occasion, not "pekan depan"


def test_calibration_is_monotone_and_flags_review() -> None:
    from warta.stages.quotes.calibration import fit_isotonic, load_calibration
    from warta.stages.quotes.step import QuoteStep

    cal = load_calibration()
    values = [cal(x / 100) for x in range(101)]
    assert values == sorted(values) and all(0.0 <= v <= 1.0 for v in values)
    assert fit_isotonic([(0.2, 1.0), (0.5, 0.0), (0.9, 1.0)], prior=0.0) == [(0.35, 0.5), (0.9, 1.0)]
    from warta.article import Article
    from warta.stages.segment.step import SegmentStep

    text = "”Stok aman,” kata Budi. Pasokan cukup. ”Harga turun,” ujarnya."
    a = QuoteStep(review_below=1.01)(SegmentStep()(Article(id="a", raw=text, text=text)))
    assert a.quotes and all(q.needs_review for q in a.quotes)
    b = QuoteStep(review_below=0.0)(SegmentStep()(Article(id="b", raw=text, text=text)))
    assert not any(q.needs_review for q in b.quotes)


def _quotes_of(text: str) -> list[Quote]:
    article = SegmentStep()(Article(id="uji", raw=text, text=text))
    return QuoteStep()(article).quotes


def test_an_epithet_is_the_person_named_before_not_a_place_inside_it() -> None:
    qs = _quotes_of(
        "Kapolres Sukamaju AKBP Hendra Wiguna meninjau pos jaga di perbatasan kota. "
        "Mantan Kapolsek Cibeber itu mengatakan, pengamanan akan ditambah selama libur panjang. "
        '"Kami siagakan dua ratus personel," imbuh perwira menengah itu.'
    )
    names = [q.speaker.name if q.speaker else "" for q in qs]
    assert len(names) == 2 and all(n.endswith("Hendra Wiguna") for n in names)


def test_a_noun_object_a_topic_a_negation_or_a_purpose_is_no_speech() -> None:
    for sentence in (
        "Bupati Sukamaju Rina Lestari menyatakan dukungannya terhadap proyek jembatan itu.",
        "Rina Lestari menekankan pentingnya kerja sama warga diterapkan di setiap desa.",
        "Rina Lestari menyampaikan soal rencana kenaikan tarif air sebesar sepuluh persen.",
        "Namun Rina Lestari tak merinci alasan penundaan proyek jembatan itu.",
        "Rina Lestari enggan menyebut kapan proyek jembatan itu akan rampung.",
        "Tim dinas datang ke desa untuk memastikan bantuan tiba tepat waktu.",
    ):
        assert _quotes_of(sentence) == [], sentence
    # A clause after the same verbs is speech.
    qs = _quotes_of("Bupati Sukamaju Rina Lestari menyatakan proyek jembatan itu akan rampung pada Juni.")
    assert [q.text for q in qs] == ["proyek jembatan itu akan rampung pada Juni"]


def test_a_short_form_in_brackets_and_a_described_organisation_are_speakers() -> None:
    qs = _quotes_of(
        "Ketua Umum Partai Maju, Hendra Wiguna Saputra (HWS) menyebut koalisi akan diumumkan pekan depan."
    )
    assert qs and qs[0].speaker is not None and qs[0].speaker.name == "Hendra Wiguna Saputra"
    qs = _quotes_of("Menurut surat kabar Harian Sukamaju, ribuan warga telah mengungsi dari tepi sungai.")
    assert qs and qs[0].speaker is not None and qs[0].speaker.name == "Harian Sukamaju"
    qs = _quotes_of(
        "Kantor berita Sukamaju Pos melaporkan bahwa ribuan warga telah mengungsi dari tepi sungai."
    )
    assert qs and qs[0].speaker is not None and qs[0].speaker.name == "Sukamaju Pos"


def test_more_reporting_verbs() -> None:
    for verb in ("menjabarkan", "berjanji", "mengonfirmasikan", "mencontohkan"):
        qs = _quotes_of(f"Bupati Rina Lestari {verb}, jembatan itu akan dibuka untuk umum pekan depan.")
        assert [q.speaker.name if q.speaker else None for q in qs] == ["Rina Lestari"], verb


def test_speaker_phrases_with_adverbs_ages_and_openers() -> None:
    cases = {
        "Para ilmuwan juga telah memperingatkan bahwa musim kemarau akan lebih panjang tahun ini.": None,
        "Harian Sukamaju mulanya melaporkan bahwa jembatan itu dibangun tanpa izin.": "Harian Sukamaju",
        "Lebih lanjut Hendra menjelaskan bahwa perbaikan jembatan akan selesai bulan depan.": "Hendra",
        "Rina Lestari (63), menambahkan bahwa warga akan dilibatkan dalam perbaikan.": "Rina Lestari",
        "Di Sukamaju, Hendra Wiguna mengatakan, jembatan itu akan dibuka pekan depan.": "Hendra Wiguna",
    }
    for sentence, name in cases.items():
        qs = _quotes_of(sentence)
        assert len(qs) == 1, sentence
        sp = qs[0].speaker
        assert sp is not None, sentence
        if name is None:
            assert sp.anonymous, sentence
        else:
            assert sp.name == name, sentence


def test_content_starts_after_a_complementiser_or_a_doubled_comma() -> None:
    assert [q.text for q in _quotes_of("Hendra mengatakan jika jembatan itu akan dibuka pekan depan.")] == [
        "jembatan itu akan dibuka pekan depan"
    ]
    assert [q.text for q in _quotes_of("Hendra mengatakan,,Jembatan itu akan dibuka pekan depan.")] == [
        "Jembatan itu akan dibuka pekan depan"
    ]
    # After a comma, a conditional clause is part of what was said.
    assert [q.text for q in _quotes_of("Hendra mengatakan, jika hujan turun, jembatan akan ditutup.")] == [
        "jika hujan turun, jembatan akan ditutup"
    ]


def test_speaker_and_verb_inside_the_statement_make_it_the_whole_sentence() -> None:
    qs = _quotes_of("Pendapatan pedagang pasar, Hendra menambahkan, juga turun sejak jembatan putus.")
    assert [q.text for q in qs] == [
        "Pendapatan pedagang pasar, Hendra menambahkan, juga turun sejak jembatan putus"
    ]
    # An opening adverbial is not part of the statement.
    qs = _quotes_of("Sementara itu, Hendra menambahkan, pendapatan pedagang pasar juga turun.")
    assert [q.text for q in qs] == ["pendapatan pedagang pasar juga turun"]


def test_what_something_is_called_is_a_statement_but_a_role_is_not() -> None:
    assert [
        q.text
        for q in _quotes_of("Bupati Rina Lestari menyebut jembatan itu sebagai urat nadi ekonomi desa.")
    ] == ["jembatan itu sebagai urat nadi ekonomi desa"]
    assert _quotes_of("Rina Lestari menjelaskan perannya sebagai ketua panitia.") == []


def test_quote_marks_around_nothing_are_no_quote() -> None:
    assert _quotes_of('Warga ramai berkomentar. ",," kata seorang warga. "," seru warga lainnya.') == []


def test_an_unnamed_role_is_an_unnamed_source() -> None:
    qs = _quotes_of("Kepala Dinas Kesehatan mengatakan petugas akan datang ke desa besok.")
    assert len(qs) == 1 and qs[0].speaker is not None and qs[0].speaker.anonymous


def _dated(text: str, published: str) -> list[str | None]:
    from datetime import datetime

    from warta.article import Published

    a = warta.analyze(text)
    a.published = Published(value=datetime.fromisoformat(published))
    a.quotes = []
    return [q.date for q in QuoteStep()(a).quotes]


def test_statements_with_no_day_of_their_own_take_the_day_the_story_reports() -> None:
    text = (
        "Polisi menangkap seorang muncikari berinisial NYD di Semarang, Selasa (9/5/2017). "
        'Rina Wulandari, juru bicara polisi, mengatakan pelaku sudah ditahan. "Kami masih mendalami," ujarnya.'
    )
    assert _dated(text, "2017-05-10") == ["2017-05-09", "2017-05-09"]


def test_a_day_inside_what_was_said_or_long_before_is_no_story_day() -> None:
    text = (
        'Rina Wulandari mengatakan, "Kami akan menutup jalan itu pada Senin (1/5/2017)." '
        "Aturan itu terbit Rabu (1/3/2017), katanya."
    )
    assert _dated(text, "2017-05-10") == ["2017-05-10", "2017-05-10"]
