from __future__ import annotations

import pytest

from warta.stages.quotes.attribute import find_quotes, known_names


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_quotes(text)]


def test_partial_quote_inside_indirect_speech() -> None:
    text = "Menteri Keuangan Sri Mulyani mengatakan pemerintah akan ”bertindak cepat” menghadapi krisis."
    kinds = _kinds(text)
    assert ("partial", "bertindak cepat") in kinds
    assert any(k == "mixed" for k, _ in kinds)


@pytest.mark.parametrize(
    "text",
    [
        "Budi mengatakan, stok beras aman sampai Lebaran.",
        "Budi mengatakan bahwa stok beras aman sampai Lebaran.",
        "Stok beras aman sampai Lebaran, kata Budi.",
        "Stok beras aman sampai Lebaran, ujarnya.",
        "Menurut Budi, stok beras aman sampai Lebaran.",
        "Budi mengatakan dalam sebuah pernyataan, stok beras aman sampai Lebaran.",
    ],
)
def test_indirect_speech_content(text: str) -> None:
    assert [(k, t.lower()) for k, t in _kinds(text)] == [("indirect", "stok beras aman sampai lebaran")]


def test_cue_before_quote_with_colon() -> None:
    text = "Kapolda mengatakan: ”Semua jalur dijaga ketat.”"
    (f,) = find_quotes(text)
    assert f.via == "cue-before" and text[f.start : f.end] == "Semua jalur dijaga ketat."


def test_passive_cue_after_quote() -> None:
    text = "”Semua jalur dijaga ketat,” ditambahkan Tony."
    (f,) = find_quotes(text)
    assert f.cue is not None and text[f.cue[0] : f.cue[1]] == "ditambahkan"


def test_quote_without_cue_is_kept_with_low_confidence() -> None:
    text = "Budi mengatakan, harga naik. Warga resah.\n”Kami akan mengawasi pasar setiap hari.”"
    direct = [f for f in find_quotes(text) if f.kind == "direct"]
    assert len(direct) == 1 and direct[0].via == "none"


def test_known_names_come_from_short_mentions() -> None:
    assert known_names("”Siap,” kata Febria. Febria mengatakan, stok aman.") == {"Febria"}


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("Gedung Kota kemudian mengonfirmasi rapat yang direncanakan.", False),
        ("Budi menjelaskan alasan penundaan rapat itu.", False),
        ("Budi mengungkapkan kegembiraannya atas kemenangan tim.", False),
        ("Budi menjelaskan rapat akan ditunda sampai pekan depan.", True),
        ("Budi mengonfirmasi, rapat ditunda sampai pekan depan.", True),
        ("Budi mengumumkan bahwa pasar baru dibuka besok pagi.", True),
        ("Budi mengatakan harga cabai naik tajam pekan ini.", True),
    ],
)
def test_a_noun_object_is_not_speech(text: str, speech: bool) -> None:
    found = [f for f in find_quotes(text) if f.kind == "indirect"]
    assert bool(found) is speech


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A stating verb before a clause whose subject is the speaker, left out.
        (
            "Koperasi Tani Makmur menyatakan mengalami kerugian besar akibat banjir pekan lalu.",
            "mengalami kerugian besar akibat banjir pekan lalu",
            "Koperasi Tani Makmur",
        ),
        ("Dalam sidang itu, Hartono mengatakan tidak ingat.", "tidak ingat", "Hartono"),
        # "lalu lintas" (traffic) is a noun, not "then".
        (
            "Kepala Dishub Kota Malang Sapto Nugroho menjelaskan rekayasa lalu lintas akan dilakukan bila jalan padat.",
            "rekayasa lalu lintas akan dilakukan bila jalan padat",
            "Kepala Dishub Kota Malang Sapto Nugroho",
        ),
        # A nickname after "alias", a longer relative clause after the name.
        (
            "Ketua panitia Bambang Sulistyo alias Mbang Lis mengatakan mereka sudah menyiapkan tiga panggung.",
            "mereka sudah menyiapkan tiga panggung",
            "Ketua panitia Bambang Sulistyo",
        ),
        (
            "Camat Sukamaju Rina Hapsari yang hadir dalam peresmian pasar itu mengatakan pedagang lama tidak akan digusur.",
            "pedagang lama tidak akan digusur",
            "Camat Sukamaju Rina Hapsari",
        ),
    ],
)
def test_a_clause_after_a_stating_verb(text: str, content: str, speaker: str) -> None:
    found = find_quotes(text)
    f = next(f for f in found if text[f.start : f.end].startswith(content[:20]))
    assert text[f.start : f.end].rstrip(".") == content
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end].endswith(speaker.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        "Budi menegaskan pentingnya kerja sama antardaerah.",
        "Kepala desa itu mengaku Budiman.",
        "Rudi menyatakan Dukungan Penuh.",
    ],
)
def test_a_stating_verb_before_a_noun_is_no_speech(text: str) -> None:
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Gubernur Lestari memberikan syarat bahwa setiap pengembang wajib membangun taman kota.",
            "setiap pengembang wajib membangun taman kota",
            "Gubernur Lestari",
        ),
        (
            "Namun, Darmawan tak menampik bahwa proyek jembatan itu sempat tertunda dua bulan.",
            "proyek jembatan itu sempat tertunda dua bulan",
            "Darmawan",
        ),
        (
            "Meski kalah, Yusuf optimistis bahwa timnya bisa lolos ke babak final.",
            "timnya bisa lolos ke babak final",
            "Yusuf",
        ),
    ],
)
def test_a_named_speaker_a_short_phrase_and_bahwa(text: str, content: str, speaker: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].rstrip(".") == content
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end].endswith(speaker.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        "Warga menyadari bahwa jalan desa itu rusak sejak lama.",
        "Hasil uji laboratorium menunjukkan bahwa air sumur itu tercemar.",
        "Dari hasil pemeriksaan diketahui bahwa korban mengalami luka di kepala.",
        "Tahukah kamu bahwa tidur siang bisa menurunkan tekanan darah?",
        "Surat edaran tersebut memberikan penegasan bahwa sekolah tetap buka.",
    ],
)
def test_knowing_or_showing_before_bahwa_is_no_speech(text: str) -> None:
    assert find_quotes(text) == []


def test_a_saying_verb_in_a_relative_clause_reports_a_clause() -> None:
    text = "Warga memprotes pernyataan Bupati Sarmin Hadi yang mengatakan sudah memperbaiki semua jalan desa."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("sudah memperbaiki")
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end].endswith("Sarmin Hadi")
    # A relative clause with a verb that asks or does: no speech.
    assert find_quotes("Pemain muda itu, yang telah meminta untuk dipinjamkan, akhirnya bertahan.") == []


def test_a_verb_with_no_subject_after_a_connective_is_the_last_subjects() -> None:
    text = "Kapolda menyapa warga. Kemudian menjelaskan bahwa patroli malam akan ditambah mulai pekan depan."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("patroli malam") and f.nya and f.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Media Jepang itu juga memberitakan kecelakaan kapal feri di Selat Madura dengan judul panjang.",
        "Gubernur menginstruksikan dilakukannya tanggap darurat atas insiden ini.",
    ],
)
def test_news_and_orders_with_a_noun_object_are_no_speech(text: str) -> None:
    assert find_quotes(text) == []


def test_a_passive_cue_with_no_agent_opens_the_last_speakers_statement() -> None:
    text = "Dijelaskan, kebakaran itu bermula dari korsleting listrik di dapur."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("kebakaran itu") and f.nya and f.speaker is None
    # Not a cue: what is known is no statement.
    assert find_quotes("Diketahui, kebakaran itu bermula dari korsleting listrik di dapur.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Darto berpandangan, harga gabah harus dijaga tetap stabil.", "harga gabah", "Darto"),
        (
            "Secara terpisah, tim penyelamat mengatakan bahwa dua korban masih dicari.",
            "dua korban",
            "tim penyelamat",
        ),
        ("Pasar itu dikatakan Lurah Wahyu mulai buka sejak pukul 06.00 pagi.", "Pasar itu", "Lurah Wahyu"),
    ],
)
def test_more_cues_and_sources(text: str, content: str, speaker: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(content)
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Kirana mengumumkan berakhirnya perang dagang melawan negeri tetangga.",
        "Wakil Menteri Dodi membeberkan alasan program sarapan gratis tetap berlanjut.",
        "Korban sempat mengira bahwa kedua pelaku adalah tamu kepala desa.",
        "Ketika ilmuwan dianggap kuno, dia menjadi contoh bahwa ilmuwan bisa hebat.",
        "Menurut UU Pemilu, partai politik harus memenuhi ambang batas empat persen.",
    ],
)
def test_events_reasons_thoughts_and_laws_are_no_speech(text: str) -> None:
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Idealnya, lanjut Hanif, serikat pekerja beralih ke paradigma kerja sama.", "Idealnya"),
        ("Umumnya kata dia, keramaian ini berlangsung sampai sepekan setelah Lebaran.", "Umumnya"),
        # A connective of the narration is no part of what was said.
        ("Sebelumnya, kata Budi, harga cabai sudah naik dua kali lipat.", "harga cabai"),
    ],
)
def test_a_modal_adverb_before_an_opening_cue_belongs_to_the_statement(text: str, start: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


@pytest.mark.parametrize(
    "text",
    [
        "Dinas Pendidikan, menurutnya, merupakan garda depan program sarapan sehat.",
        "Keluhan yang masuk melalui aplikasi, dikatakannya, jauh lebih banyak lagi.",
    ],
)
def test_a_nya_cue_in_commas_inside_the_statement(text: str) -> None:
    (f,) = find_quotes(text)
    assert f.start == 0 and f.nya and f.speaker is None


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        # A bare cue and its speaker inside the sentence, the commas dropped by the scrape.
        (
            "Gubernur Hendra Lubis meninjau lahan itu. Pihak perusahaan lanjut Hendra telah menyetujui rencana.",
            "Pihak perusahaan",
            "Hendra",
        ),
        (
            "Gubernur Hendra Lubis hadir. Riau lanjut dia perlu mengembangkan wisata baru.",
            "Riau lanjut",
            "dia",
        ),
        # A connective before it stays out of the statement.
        ("Gubernur Hendra Lubis hadir. Namun lanjut dia anggaran belum turun dari pusat.", "anggaran", "dia"),
    ],
)
def test_a_bare_cue_inside_the_sentence(text: str, start: str, speaker: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # "Lebih lanjut" is a connective, and the verb after the name is the cue.
        "Lebih lanjut Anton mengaku telah melapor ke Bawaslu.",
        # A name the article uses nowhere else is no speaker ("kata kunci" is no cue at all).
        "Program lanjut Sekolah dibuka bagi lulusan tahun ini.",
    ],
)
def test_no_bare_cue_inside(text: str) -> None:
    assert all(f.via != "cue-after" for f in find_quotes(text))


def test_an_opening_cue_whose_speaker_is_followed_by_the_subject() -> None:
    # "Budi, Universitas Riau": not an apposition but the speaker, a comma, and the subject.
    text = (
        "Saat ini kata Hendra, Universitas Riau di Pekanbaru telah menjadikan kawasan itu hutan penelitian."
    )
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("Universitas Riau di Pekanbaru")
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end] == "Hendra"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # An adverb of aspect opens a clause that shares the speaker as its subject.
        ("Penyanyi itu mengaku mulai melihat titik terang dari sengketa tanah tersebut.", "mulai melihat"),
        ("Warga mengaku sering mendengar suara ledakan dari gudang itu.", "sering mendengar"),
        # A time adverb between the speaker and the verb.
        ("Ia kini mengaku mulai melihat titik terang dari sengketa tersebut.", "mulai melihat"),
    ],
)
def test_an_aspect_adverb_opens_a_subjectless_clause(text: str, content: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(content)


def test_a_negated_reporting_verb_before_bahwa_says_nothing() -> None:
    assert find_quotes("Kementerian itu belum mengonfirmasi bahwa mereka menerima surat tersebut.") == []
    # A denial denied is an admission.
    (f,) = find_quotes("Syakir tak menampik bahwa timnya kelelahan setelah laga itu.")
    assert f.kind == "indirect"


def test_a_conjoined_stating_verb_before_a_clause() -> None:
    text = (
        "Menanggapi hal tersebut, Joko Susilo memberikan klarifikasi dan menegaskan Tim Merah masih berlatih."
    )
    (f,) = find_quotes(text)
    assert text[f.start : f.end] == "Tim Merah masih berlatih"
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end] == "Joko Susilo"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"Kami terus berunding," kata juru bicara Istana Rina Mahesa, seraya menambahkan bahwa '
            'pembicaraan "terus berlanjut" dengan mitra.',
            'pembicaraan "terus berlanjut" dengan mitra',
        ),
        (
            '"Kami terus berunding," ujarnya, seraya menyebut harga akan turun pekan depan.',
            "harga akan turun",
        ),
    ],
)
def test_the_remainder_after_a_cued_quote_is_a_second_statement(text: str, content: str) -> None:
    direct, second = find_quotes(text)
    assert direct.kind == "direct" and text[second.start : second.end].startswith(content)
    assert (second.speaker is None) == (direct.speaker is None) and second.nya == direct.nya


def test_no_remainder_without_a_clause() -> None:
    text = '"Kami terus berunding," kata Budi, sambil menjelaskan alasan penundaan itu.'
    assert [f.kind for f in find_quotes(text)] == ["direct"]


def test_an_ordinal_opens_an_enumeration() -> None:
    # Not a speaker ("Kedua" is no name) ...
    text = "Kedua, Kaesang menyebut Pramono juga menyarankan agar partai tidak merendahkan lawan."
    (f,) = find_quotes(text)
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end] == "Kaesang"
    # ... and, before a cue in commas, part of what was said.
    text = "Pertama, kata Kaesang, partai harus bekerja dengan fokus."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("Pertama")


def test_a_copula_after_a_passive_relative_clause_is_the_predicate() -> None:
    text = "Wakil Gubernur Nyoman Harta menyebut gugatan yang dilayangkan merupakan hak setiap warga."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("gugatan yang dilayangkan")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Pengamat Arief Wicaksono menilai calon itu kuat. Menurut Arief, Irwasum Polri, yang saat ini "
            "diemban Komjen Dedi, menjadi jabatan strategis.",
            "Irwasum Polri, yang",
        ),
        (
            "Pakar hukum Yeni Herdiyeni hadir di sana. Menurut Yeni, UU mengenai AI saat ini diperlukan segera.",
            "UU mengenai AI",
        ),
    ],
)
def test_no_apposition_after_a_person_named_before(text: str, content: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "Budi mengatakan pada Senin, stok beras aman sampai Lebaran.",
        "Budi mengatakan, Senin (3/3), stok beras aman sampai Lebaran.",
        "Budi mengatakan pekan lalu, stok beras aman sampai Lebaran.",
        # nor who it was said to
        "Budi mengatakan pada wartawan stok beras aman sampai Lebaran.",
        "Budi mengatakan kepada Harian Nusantara stok beras aman sampai Lebaran.",
    ],
)
def test_the_day_it_was_said_is_no_part_of_the_statement(text: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end] == "stok beras aman sampai Lebaran"


@pytest.mark.parametrize(
    "text",
    [
        'Siaran itu memuat "sentimen kebencian" yang "sama sekali tidak dapat diterima".',
        'Kesimpulan: video berisi narasi "menteri merobek perjanjian damai" merupakan konten palsu.',
    ],
)
def test_a_fragment_in_the_narrations_own_clause_is_no_quote(text: str) -> None:
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Negara-negara itu mengatakan kepada Dewan HAM PBB tentang keprihatinan mendalam mereka.",
        "Ibu korban menjelaskan kronologi sebelum anaknya berkeliling di jalan.",
        "Film ini bercerita tentang seorang sutradara perempuan yang berjuang di Hollywood.",
        "Bupati Dedi menyampaikan duka mendalam atas musibah tersebut.",
        "Aktor Rudi pun memaparkan beban yang dirasakannya kala harus memerankan tokoh ayah.",
    ],
)
def test_what_it_was_about_is_no_statement(text: str) -> None:
    assert find_quotes(text) == []


def test_a_topic_with_a_predicate_of_its_own_is_a_statement() -> None:
    text = "Ia hanya mengatakan soal rekening itu belum tuntas diperiksa."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("soal rekening")


def test_a_topic_after_a_comma_opens_a_statement() -> None:
    text = "Budi mengatakan, soal harga beras pemerintah sudah bertindak."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("soal harga beras")


def test_a_lower_case_apposition_after_menurut_and_a_name() -> None:
    text = "Menurut Alvian Prasetyo, adik sepupu korban, keluarga terakhir mendapat kabar pada Sabtu."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("keluarga terakhir")


def test_senada_opens_the_sentence_before_its_subject() -> None:
    text = "Senada, Kementerian Pertahanan Nusantara menyatakan tidak menerima pemberitahuan apa pun."
    (f,) = find_quotes(text)
    assert (
        f.speaker is not None and text[f.speaker.start : f.speaker.end] == "Kementerian Pertahanan Nusantara"
    )


def test_a_verb_after_a_number_closes_the_time_adjunct() -> None:
    text = "Pada rapat itu, ia menyebut SAL pada 2024 mencapai Rp459 triliun."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("SAL pada 2024")


def test_a_month_after_pada_opens_what_was_said() -> None:
    text = "Dia mengungkapkan pada Oktober 2016, DPRD Kabupaten Kebumen telah menetapkan anggaran."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("pada Oktober 2016")


def test_an_adverb_between_the_verb_and_bahwa_is_no_part_of_the_statement() -> None:
    text = "Penyanyi Rina Lestari mengutarakan juga bahwa menjaga kesehatan tidak hanya dari olahraga."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("menjaga kesehatan")


def test_an_opening_cue_and_a_name_with_no_comma_before_the_clause() -> None:
    text = "Tapi kata Dirman sampah yang dibakar di tepi jalan mengganggu kenyamanan warga."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("sampah yang dibakar")
    assert f.speaker is not None and text[f.speaker.start : f.speaker.end] == "Dirman"


@pytest.mark.parametrize(
    "text",
    [
        "Lebih lanjut Anton mengaku telah melaporkan kasus itu ke Bawaslu.",
        "Dengan demikian Sri harus menghentikan perjuangannya di babak ini.",
    ],
)
def test_no_opening_cue_when_the_name_is_the_subject(text: str) -> None:
    assert all(not text[f.start : f.end].startswith(("mengaku", "harus")) for f in find_quotes(text))


@pytest.mark.parametrize(
    "text",
    [
        "Bupati Rudi meminta maaf atas kejadian itu.",
        "Pegawai itu kemudian meminta bantuan kepada Sukiman.",
        "Menteri Sri Wahyuni meminta izin Badan Anggaran untuk memakai saldo anggaran lebih.",
        "Para sopir meminta kejelasan aturan muatan truk.",
        "Delegasi Nusantara juga mengusulkan digitalisasi layanan yang lebih inklusif.",
        "Dalam pertemuan itu, ormas tersebut menyampaikan usulan sistem pemilu bertajuk 'Jalan Tengah Pemilu'.",
    ],
)
def test_a_directive_with_a_thing_for_its_object_is_no_statement(text: str) -> None:
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Presiden Rudi mendesak para pemimpin Eropa untuk mengadopsi paket sanksi yang kuat.",
            "para pemimpin",
        ),
        ("Dia meminta masyarakat lebih bijak dalam menggunakan uang.", "masyarakat lebih"),
        ("Gubernur Rudi meminta awak media bertanya kepada panitia.", "awak media"),
        (
            "Karena itu, dia meminta para mahasiswa jangan hanya bercita-cita menjadi pegawai.",
            "para mahasiswa",
        ),
    ],
)
def test_what_an_addressee_was_asked_to_do_is_a_statement(text: str, start: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


def test_termasuk_after_a_demonstrative_is_the_predicate() -> None:
    text = "Pemkab Sumbawa menegaskan status pulau tersebut termasuk kawasan konservasi."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("status pulau")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Namun, Presiden Rudi menyebut pemimpin jangan malas untuk mengingatkan.", "pemimpin jangan"),
        ("Dalam dokumen itu, Chen menyebut barang yang dikirim bernilai US$ 500.", "barang yang dikirim"),
        (
            "Kepala Staf Rudi menyebut adanya dewan pengawas tidak akan mengganggu kerja komisi.",
            "adanya dewan",
        ),
        ("Namun, BPS mencatat, masih terdapat komoditas yang memberikan andil deflasi.", "masih terdapat"),
    ],
)
def test_clauses_with_a_predicate_of_their_own(text: str, start: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


def test_a_nominalised_object_with_a_relative_clause_is_no_statement() -> None:
    assert (
        find_quotes("Pelatih Rudi juga menanggapi banyaknya pemain diaspora yang belum memiliki klub.") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Politikus itu juga membantah kabar yang menyebutkan bahwa ada sejarawan yang mundur.",
        "Budi menanggapi aturan yang mewajibkan warga membayar pajak tambahan.",
    ],
)
def test_verbs_inside_a_relative_clause_make_no_clause(text: str) -> None:
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Fahmi menjelaskan angka kerugian yang fantastis itu disebabkan oleh kerusakan ekologi.",
            "angka kerugian",
        ),
        (
            "Ia mengungkapkan para pekerja yang harus dipulangkan berjumlah puluhan ribu orang.",
            "para pekerja",
        ),
    ],
)
def test_the_predicate_after_a_relative_clause(text: str, start: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


@pytest.mark.parametrize(
    "text",
    [
        "Kemudian, Menteri Rudi menceritakan mengapa menjaga inflasi itu penting.",
        "Para ilmuwan telah mengungkapkan apa yang terjadi pada hari punahnya dinosaurus.",
        "Anton menyampaikan itu saat ditanya mengenai tindakannya di persidangan.",
    ],
)
def test_what_it_was_about_or_that_is_the_object(text: str) -> None:
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Menanggapi penetapan itu, Mastuki menegaskan itu adalah ranah hukum.", "itu adalah"),
        ("Di dalam mobil, Rina bertanya kenapa suaminya membeli tiga tiket.", "kenapa suaminya"),
    ],
)
def test_a_demonstrative_subject_or_an_asked_question_is_said(text: str, start: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


def test_an_agenda_is_no_source() -> None:
    assert find_quotes("Menurut agenda, Budi akan dipanggil sebagai saksi pekan depan.") == []


def test_a_name_after_menurut_that_is_also_a_word_is_a_speaker() -> None:
    text = "Menurut Sandi, Pemprov DKI menargetkan ekonomi kreatif tumbuh hingga 12 persen."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("Pemprov DKI")
    assert find_quotes("Menurut UU Pemilu, kampanye dilarang di tempat ibadah.") == []


def test_adapun_opens_what_was_said() -> None:
    text = "Dia menjelaskan adapun targetnya verifikasi data ini selesai dalam lima hari."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("adapun targetnya")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Rudi menilai ekonomi desa baru tumbuh lima persen.", "ekonomi desa"),
        ("Lurah itu mengungkapkan harga gabah anjlok sejak pekan lalu.", "harga gabah"),
    ],
)
def test_a_root_verb_past_the_first_word_makes_a_clause(text: str, start: str) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


def test_a_root_verb_after_yang_is_no_predicate() -> None:
    assert find_quotes("Rudi menjelaskan jumlah warga yang hilang dalam banjir itu.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Meski Rudi sudah meminta maaf secara terbuka, pengacara itu belum bisa memaafkannya.",
        "Rudi meminta izin Badan Anggaran untuk memakai sisa dana.",
        "Pelatih itu mengungkapkan alasannya langsung menerima tawaran klub tanpa perlu pikir panjang.",
        "Penyanyi itu mengungkapkan alasannya yang enggan tampil di festival.",
    ],
)
def test_the_thing_asked_for_or_an_opener_noun_with_nya_is_no_clause(text: str) -> None:
    assert find_quotes(text) == []


def test_a_predicate_after_an_opener_noun_with_nya_still_makes_a_clause() -> None:
    text = "Rudi menjelaskan alasannya tidak akan hadir dalam rapat itu."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("alasannya")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Dia menyebut informasi soal pungutan itu diterima petugas dari warga.", "informasi soal"),
        ("Rudi hanya menyebut perdebatan mengenai rapat itu berlangsung lewat pesan singkat.", "perdebatan"),
    ],
)
def test_a_demonstrative_closing_a_topic_phrase_before_a_predicate_makes_a_clause(
    text: str, start: str
) -> None:
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith(start)


def test_a_topic_phrase_with_no_predicate_after_its_demonstrative_stays_an_object() -> None:
    assert find_quotes("Rudi menjelaskan soal kasus itu kepada wartawan di kantornya.") == []


@pytest.mark.parametrize(
    ("text", "first", "second", "who"),
    [
        (
            "Pemerintah Nusantara membantah akan membuka perundingan baru, setelah Rudi Hartawan "
            "mengatakan bahwa perundingan akan dimulai lagi pekan depan.",
            "akan membuka perundingan baru",
            "perundingan akan dimulai lagi pekan depan",
            "Rudi Hartawan",
        ),
        (
            "Warga mengakui bahwa bantuan pusat berhasil memulihkan jalan desa, namun Lurah Wira "
            "menegaskan bahwa hal itu merupakan hasil swadaya warga.",
            "bantuan pusat berhasil memulihkan jalan desa",
            "hal itu merupakan hasil swadaya warga",
            "Wira",
        ),
    ],
)
def test_a_second_speaker_after_a_comma_and_a_conjunction(
    text: str, first: str, second: str, who: str
) -> None:
    a, b = find_quotes(text)
    assert text[a.start : a.end] == first
    assert text[b.start : b.end] == second
    assert b.speaker is not None and b.speaker.name is not None
    assert text[b.speaker.name[0] : b.speaker.name[1]] == who


@pytest.mark.parametrize(
    "text",
    [
        # a noun object after the second verb only ends the first statement
        "Kota itu menyatakan tidak ada kesepakatan soal tarif, setelah Rudi mengklaim hal tersebut di media sosial.",
        # no subject of its own: the clause belongs to what the first speaker said
        "Menurut dia, angka itu sudah ideal, tetapi pemerintah tetap harus memastikan angka kelahiran merata.",
    ],
)
def test_no_second_statement_without_a_subject_and_a_clause(text: str) -> None:
    assert len(find_quotes(text)) == 1


def test_a_relative_with_nya_after_menurut_is_a_source_and_a_name_after_it_opens_the_content() -> None:
    text = "Menurut ibunya, Dinda mulai minum kopi sejak berusia enam bulan."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("Dinda mulai")
    assert f.speaker is not None and f.speaker.kind == "anonymous"
    text = "Menurut orangtuanya, Dinda mulai minum kopi sejak berusia enam bulan."
    (f,) = find_quotes(text)
    assert text[f.start : f.end].startswith("Dinda mulai")
    # with a comma after the name, the name is the relative's
    text = "Menurut ibunya, Sari Wulandari, Dinda mulai minum kopi sejak kecil."
    (f,) = find_quotes(text)
    assert f.speaker is not None and f.speaker.name is not None
    assert text[f.speaker.name[0] : f.speaker.name[1]] == "Sari Wulandari"
