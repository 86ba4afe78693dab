"""A generated near-duplicate test set: news-like articles, their altered copies, and
unrelated articles built from the same sentence patterns (so that unrelated articles
share phrases, as real news on one topic does).

Every sentence pattern and word list here was written for these tests.
"""

from __future__ import annotations

import random

PLACES = [
    "Sukamaju",
    "Tanjung Harapan",
    "Kota Baru",
    "Sungai Lebar",
    "Bukit Indah",
    "Pantai Mutiara",
    "Lembah Hijau",
    "Karang Sari",
    "Teluk Damai",
    "Padang Luas",
    "Gunung Putri",
    "Rawa Bening",
]
PEOPLE = [
    "Andi Pratama",
    "Siti Rahmawati",
    "Budi Santoso",
    "Dewi Lestari",
    "Rahmat Hidayat",
    "Lina Marlina",
    "Agus Salim",
    "Rina Kartika",
    "Joko Susilo",
    "Maya Anggraini",
    "Hendra Wijaya",
    "Fitri Handayani",
]
ROLES = [
    "Bupati",
    "Wali Kota",
    "Kepala Dinas Pertanian",
    "Ketua DPRD",
    "Camat",
    "Kepala Desa",
    "Direktur Utama",
    "Kepala Badan Penanggulangan Bencana",
    "Ketua Koperasi",
    "Kapolres",
]
THINGS = [
    "beras",
    "cabai rawit",
    "minyak goreng",
    "gula pasir",
    "bawang merah",
    "telur ayam",
    "daging sapi",
    "jagung",
    "kedelai",
    "pupuk",
    "solar",
    "gas elpiji",
]
EVENTS = ["banjir", "tanah longsor", "kebakaran pasar", "kekeringan", "angin puting beliung", "gempa kecil"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

# Sentences are built from phrases chosen independently, so that two unrelated articles
# share words and short phrases (as real news on one topic does) but rarely a run of three
# words across phrase boundaries.
SUBJECTS = [
    "{role} {person}",
    "Warga {place}",
    "Pemerintah daerah",
    "Para pedagang",
    "Sejumlah petani",
    "Petugas gabungan",
    "Anggota DPRD",
    "Relawan setempat",
    "Pengurus koperasi",
    "Tim teknis",
    "Aparat kecamatan",
    "Kelompok nelayan",
    "Pengelola pasar",
    "Dinas sosial",
    "Perusahaan daerah",
]
VERBS = [
    "meninjau",
    "mengeluhkan",
    "menyiapkan",
    "meminta",
    "memastikan",
    "menolak",
    "mengusulkan",
    "mengevaluasi",
    "membahas",
    "mencatat",
    "menyalurkan",
    "memperbaiki",
    "mengawasi",
    "menunda",
    "mempercepat",
    "mendata",
    "menyoroti",
    "menggelar",
    "membagikan",
    "memantau",
]
OBJECTS = [
    "harga {thing}",
    "pasokan {thing}",
    "dampak {event}",
    "anggaran penanganan {event}",
    "distribusi bantuan",
    "tanggul yang rusak",
    "jalan desa",
    "posko pengungsian",
    "operasi pasar {thing}",
    "data keluarga terdampak",
    "stok {thing} di gudang",
    "jadwal sekolah",
    "saluran irigasi",
    "subsidi {thing}",
    "dapur umum",
    "jembatan penghubung",
    "layanan kesehatan",
    "izin usaha",
]
TAILS = [
    "di {place}",
    "sejak {day} pagi",
    "pada {day} sore",
    "selama {n} hari",
    "bersama {person}",
    "dengan dana Rp{n} miliar",
    "untuk {n} keluarga",
    "menjelang musim panen",
    "setelah rapat koordinasi",
    "di {n} titik",
    "hingga akhir bulan",
    "demi keselamatan warga",
    "sesuai arahan {role}",
    "karena cuaca tidak menentu",
    "tanpa menunggu laporan resmi",
    "di sekitar {place}",
]
HEADERS = ["", "JAKARTA, KABARTEST -", "SUKAMAJU, WARTAUJI.test -", "Laporan wartawan daerah -"]
FOOTERS = [
    "",
    "Baca juga: Harga Pangan Hari Ini di Berbagai Daerah",
    "Simak berita terkini lainnya di kanal daerah kami.\nEditor: Redaksi Uji",
    "Ikuti kami di media sosial untuk kabar terbaru.\nPenulis: Tim Liputan | Editor: Meja Redaksi",
    "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT",
]


def _fill(rng: random.Random, pattern: str) -> str:
    return pattern.format(
        role=rng.choice(ROLES),
        person=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        thing=rng.choice(THINGS),
        event=rng.choice(EVENTS),
        day=rng.choice(DAYS),
        n=rng.randint(2, 250),
    )


def _sentence(rng: random.Random) -> str:
    parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    parts += [rng.choice(TAILS) for _ in range(rng.randint(1, 2))]
    return _fill(rng, " ".join(parts)) + "."


def base_article(rng: random.Random) -> list[str]:
    """Paragraphs of a new article: 6-9 paragraphs of 2-3 sentences."""
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 3))) for _ in range(rng.randint(6, 9))]


def _typos(rng: random.Random, text: str, rate: float) -> str:
    out = []
    for w in text.split(" "):
        if len(w) > 3 and rng.random() < rate:
            i = rng.randrange(1, len(w) - 1)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2 :] if rng.random() < 0.5 else w[:i] + w[i + 1 :]
        out.append(w)
    return " ".join(out)


def altered_copy(rng: random.Random, paragraphs: list[str]) -> str:
    """A copy as another outlet or a republication would carry it."""
    paras = list(paragraphs)
    change = rng.choice(["boilerplate", "typos", "trim", "mixed"])
    if change in ("trim", "mixed") and len(paras) > 4:
        # Drop the last paragraph, or one in the middle.
        del paras[rng.choice([len(paras) - 1, rng.randrange(1, len(paras) - 1)])]
    text = "\n\n".join(paras)
    if change in ("typos", "mixed"):
        text = _typos(rng, text, 0.03 if change == "typos" else 0.015)
    header, footer = rng.choice(HEADERS[1:]), rng.choice(FOOTERS[1:])
    return "\n\n".join(x for x in (header, text, footer) if x)


def dataset(
    seed: int = 7, *, stories: int = 60, copies: tuple[int, int] = (1, 3), unrelated: int = 140
) -> tuple[list[str], list[int]]:
    """Texts and their true group (copies share the group of their original; every
    unrelated article has a group of its own)."""
    rng = random.Random(seed)
    texts: list[str] = []
    groups: list[int] = []
    for g in range(stories):
        paras = base_article(rng)
        texts.append("\n\n".join([rng.choice(HEADERS), *paras, rng.choice(FOOTERS)]).strip())
        groups.append(g)
        for _ in range(rng.randint(*copies)):
            texts.append(altered_copy(rng, paras))
            groups.append(g)
    for u in range(unrelated):
        texts.append("\n\n".join(base_article(rng)))
        groups.append(stories + u)
    return texts, groups
