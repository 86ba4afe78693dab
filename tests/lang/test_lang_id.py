"""The Indonesian language data (``warta/lang/id``): each list once, well formed, loaded lazily."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from importlib import resources

import pytest

from warta.errors import ResourceError
from warta.lang import id as lang_id

FILES = sorted(p.name for p in resources.files("warta.lang.id").iterdir() if p.name.endswith(".txt"))
CASE_SENSITIVE = {"outlets.txt"}
LOADERS = {
    "days.txt": lang_id.days,
    "degree_adverbs.txt": lang_id.degree_adverbs,
    "function_words.txt": lang_id.function_words,
    "outlets.txt": lang_id.outlets,
    "months.txt": lang_id.months,
    "noun_prefixes.txt": lang_id.noun_prefixes,
    "office_titles.txt": lang_id.office_titles,
    "numbers.txt": lang_id.numbers,
    "particles.txt": lang_id.particles,
    "parts_of_day.txt": lang_id.parts_of_day,
    "pronouns.txt": lang_id.pronouns,
    "ranks.txt": lang_id.ranks,
    "verb_prefixes.txt": lang_id.verb_prefixes,
}


def test_every_file_has_a_loader_and_every_loader_a_file() -> None:
    assert sorted(LOADERS) == FILES


@pytest.mark.parametrize("name", FILES)
def test_each_file_loads_and_is_not_empty(name: str) -> None:
    assert len(LOADERS[name]()) > 0
    assert lang_id.lines(name)


@pytest.mark.parametrize("name", FILES)
def test_each_file_opens_with_a_header_saying_what_it_is(name: str) -> None:
    first = lang_id.read_text(name).splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, f"{name}: no header comment"


@pytest.mark.parametrize("name", FILES)
def test_no_entry_is_listed_twice(name: str) -> None:
    # Outlets are matched as written, so their spellings in capitals are entries of their own.
    fold = str if name in CASE_SENSITIVE else str.casefold
    counts = Counter(fold(line.split("\t", 1)[0]) for line in lang_id.lines(name))
    twice = sorted(e for e, n in counts.items() if n > 1)
    assert not twice, f"{name}: listed twice: {twice}"


@pytest.mark.parametrize("name", FILES)
def test_no_entry_has_stray_space(name: str) -> None:
    for line in lang_id.read_text(name).splitlines():
        if line and not line.startswith("#"):
            assert line == line.strip() and "  " not in line, f"{name}: {line!r}"


def test_days_include_every_spelling_with_its_weekday() -> None:
    days = lang_id.days()
    assert days["Senin"] == 1 and days["Minggu"] == 7
    assert days["Ahad"] == 7
    assert days["Jum'at"] == days["Jumat"] == 5
    assert sorted(set(days.values())) == [1, 2, 3, 4, 5, 6, 7]


def test_months_include_abbreviations_and_old_spellings() -> None:
    months = lang_id.months()
    assert months["Januari"] == months["Jan"] == 1
    assert months["Pebruari"] == 2 and months["Nopember"] == 11
    assert months["Agt"] == months["Agus"] == 8
    assert sorted(set(months.values())) == list(range(1, 13))


def test_numbers_pronouns_and_ranks() -> None:
    assert lang_id.numbers()["sembilan"] == 9 and lang_id.numbers()["seratus"] == 100
    assert lang_id.pronouns()["mereka"] == (3, "pl") and lang_id.pronouns()["saya"] == (1, "sg")
    assert {"akbp", "kombes", "kapten", "letkol"} <= lang_id.ranks()
    assert {"sih", "dong"} <= lang_id.particles()
    assert "sangat" in lang_id.degree_adverbs()


def test_verb_prefixes_say_which_root_letter_a_nasal_replaced() -> None:
    prefixes = lang_id.verb_prefixes()
    assert prefixes["mem"] == ("", "p")  # membeli < beli, memukul < pukul
    assert prefixes["meny"] == ("s",)  # menyasar < sasar
    assert prefixes["di"] == ("",)


def test_noun_prefixes_come_longest_first() -> None:
    prefixes = lang_id.noun_prefixes()
    assert set(prefixes) == {"ke", "pe", "pem", "pen", "peng", "peny", "per"}
    assert [len(p) for p in prefixes] == sorted((len(p) for p in prefixes), reverse=True)


def test_a_missing_file_is_a_resource_error() -> None:
    with pytest.raises(ResourceError):
        lang_id.lines("no-such-list.txt")


def test_the_stages_read_the_shared_lists() -> None:
    from warta.stages.dates.lexicon import lexicon
    from warta.stages.entities.resources import load_resources
    from warta.stages.quotes.resources import days, pronouns

    assert lexicon().days["ahad"] == 7 and lexicon().days["jum’at"] == 5
    assert lexicon().months["nopember"] == 11 and lexicon().numbers["sebelas"] == 11
    res = load_resources()
    assert {"ahad", "jum'at", "agt"} <= res.dates and "agus" not in res.dates  # "Agus" is a name
    assert {"dia", "beliau", "keduanya"} <= res.pronouns
    assert {"akbp", "kopral"} <= res.role_nouns
    # The quote stage stops a speaker phrase at the common spellings only, as it always has.
    assert "Senin" in days() and "Ahad" not in days() and "Jum'at" not in days()
    # Each third-person pronoun, also with a glued clitic ("Iapun"), maps to itself.
    assert set(pronouns().values()) == {"dia", "ia", "beliau", "mereka"}
    assert pronouns()["iapun"] == "ia" and pronouns()["merekalah"] == "mereka"


def test_nothing_is_read_at_import_time() -> None:
    code = (
        "import warta, warta.pipeline\n"
        "import warta.stages.clean.step, warta.stages.dates.step, warta.stages.entities.step\n"
        "import warta.stages.quotes.step, warta.stages.segment.step, warta.stages.summary.step\n"
        "from warta.lang import id as lang_id\n"
        "loaders = [lang_id.days, lang_id.months, lang_id.numbers, lang_id.pronouns, lang_id.ranks,\n"
        "           lang_id.particles, lang_id.verb_prefixes, lang_id.noun_prefixes, lang_id.degree_adverbs]\n"
        "assert all(f.cache_info().currsize == 0 for f in loaders), 'language data read at import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_part_of_the_day_reads_as_a_word() -> None:
    assert lang_id.readable_time("2025-03-13TNI") == "2025-03-13 malam"
    assert lang_id.readable_time("2025-03-13TMO") == "2025-03-13 pagi"
    assert lang_id.readable_time("2025-03-13T08:30") == "2025-03-13T08:30"
    assert lang_id.readable_time("PRESENT_REF") == "PRESENT_REF"
