"""Lazy, cached loaders for the quote stage's word lists (``resources/``)."""

from __future__ import annotations

import re
from functools import cache

from warta.lang import id as lang_id
from warta.resources import resource_lines

__all__ = [
    "abbreviated_titles",
    "adjunct_openers",
    "agent_passives",
    "anonymous_heads",
    "body_acronyms",
    "body_levels",
    "clause_conjunctions",
    "commoners",
    "connectors",
    "cue_alternation",
    "cue_pattern",
    "cue_verbs",
    "days",
    "definite_markers",
    "description_ends",
    "discourse_words",
    "inside_cues",
    "introducers",
    "lead_words",
    "name_openers",
    "named_org_heads",
    "naming_verbs",
    "not_sources",
    "not_speech_words",
    "not_verbs",
    "object_verbs",
    "opener_words",
    "opening_words",
    "ordinal_words",
    "org_heads",
    "org_titles",
    "passive_adverbs",
    "passive_cues",
    "place_types",
    "plural_words",
    "predicate_words",
    "prepositions",
    "pronouns",
    "ranks",
    "region_acronyms",
    "relations",
    "reporting_alternation",
    "reporting_pattern",
    "reporting_verbs",
    "requested_things",
    "role_words",
    "root_predicates",
    "sequencers",
    "service_marks",
    "statement_channels",
    "statement_nouns",
    "stop_words",
    "title_cues",
    "title_small_words",
    "title_words",
    "titled_offices",
    "topic_words",
]


def _lines(name: str) -> list[str]:
    return resource_lines("quotes", name)


@cache
def commoners() -> frozenset[str]:
    """Nouns that introduce a private person ("warga", "pelaku", "korban"), lower case."""
    return frozenset(_lines("commoners.txt"))


@cache
def cue_verbs() -> frozenset[str]:
    """Bare cue roots ("kata", "ujar"); ``-nya`` forms are derived by the caller."""
    return frozenset(_lines("cue_verbs.txt"))


@cache
def not_sources() -> frozenset[str]:
    """Lower-case words after "menurut" that name no source ("rencana", "saya")."""
    return frozenset(_lines("not_sources.txt"))


@cache
def not_verbs() -> frozenset[str]:
    """Words shaped like prefixed verbs that are none ("tersebut", "mereka", "terbesar")."""
    return frozenset(_lines("not_verbs.txt"))


@cache
def object_verbs() -> frozenset[str]:
    """Reporting verbs that also take a noun object ("menjelaskan alasan penundaan")."""
    return frozenset(_lines("object_verbs.txt"))


@cache
def org_descriptors() -> tuple[tuple[str, ...], ...]:
    """Common nouns before an organisation's name ("surat kabar", "kantor berita"), as word
    tuples, longest first."""
    return tuple(sorted((tuple(x.split()) for x in _lines("org_descriptors.txt")), key=len, reverse=True))


@cache
def requested_things() -> frozenset[str]:
    """What a directive verb asks for when it is a thing ("meminta izin ... untuk ...")."""
    return frozenset(_lines("requested_things.txt"))


@cache
def object_openers() -> frozenset[str]:
    """First words of a noun object after a reporting verb ("soal", "pentingnya")."""
    return frozenset(_lines("object_openers.txt"))


@cache
def not_said_words() -> frozenset[str]:
    """Words before a reporting verb that negate it or make it a purpose ("tak", "untuk")."""
    return frozenset(_lines("not_said.txt"))


@cache
def collectives() -> frozenset[str]:
    """Heads of a definite description of an organisation ("kelompok itu", "institusi tersebut")."""
    return frozenset(_lines("collectives.txt"))


@cache
def not_telling_words() -> frozenset[str]:
    """Verbs before "bahwa" that report knowing or showing, not saying ("menyadari")."""
    return frozenset(_lines("not_telling.txt"))


@cache
def predicate_words() -> frozenset[str]:
    """Words that mark a clause's predicate ("akan", "sudah", "tidak", "adalah")."""
    return frozenset(_lines("predicates.txt"))


@cache
def root_predicates() -> frozenset[str]:
    """Root verbs that make a predicate with no prefix and no object ("naik", "tewas")."""
    return frozenset(_lines("root_predicates.txt"))


@cache
def clause_conjunctions() -> tuple[str, ...]:
    """Conjunctions that open a second speaker's clause after a comma ("setelah", "namun")."""
    return tuple(_lines("clause_conjunctions.txt"))


@cache
def passive_adverbs() -> frozenset[str]:
    """Adverbs between a name and its passive verb ("juga", "berhasil"), besides predicate words."""
    return frozenset(_lines("passive_adverbs.txt"))


@cache
def opener_words() -> frozenset[str]:
    """Words of sentence-opening adverbials ("Sebelumnya", "Sementara itu", "Di sisi lain")
    and ordinals ("Kedua,")."""
    return frozenset(_lines("openers.txt")) | ordinal_words()


@cache
def opening_words() -> frozenset[str]:
    """Words the news corpora open sentences with as adverbials before a comma ("Teranyar,",
    "Alhasil,"), lower case; learnt by ``warta build resources quotes``."""
    return frozenset(ln.split("\t")[0] for ln in _lines("opening_words.txt"))


@cache
def ordinal_words() -> frozenset[str]:
    """Ordinals opening a sentence of an enumeration ("Pertama", "Kedua", "Terakhir")."""
    return frozenset(_lines("ordinals.txt"))


@cache
def _passive_rows() -> list[tuple[str, str]]:
    """Passive reporting forms, each with its mark ("agent" or "")."""
    return [
        (w.strip(), mark.strip())
        for w, _, mark in (line.partition("\t") for line in _lines("passive_cues.txt"))
    ]


@cache
def passive_cues() -> frozenset[str]:
    """Passive reporting forms ("ditambahkan", "dikatakan")."""
    return frozenset(w for w, _ in _passive_rows())


@cache
def agent_passives() -> tuple[str, ...]:
    """Passive reporting forms that introduce their speaker right after them ("disampaikan
    Ketua KPU Budi"), in file order."""
    return tuple(w for w, mark in _passive_rows() if mark == "agent")


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(_lines("reporting_verbs.txt"))


# Clitic particles that scraped text glues to a pronoun ("Iapun", "dialah"); the standard
# spelling writes "ia pun" apart, the pronoun is the same.
_CLITICS = ("pun", "lah")


@cache
def pronouns() -> dict[str, str]:
    """Pronouns that can stand for a speaker ("kata dia", "Ia mengatakan", "Iapun mengakui"):
    each form of a third-person pronoun of :func:`warta.lang.id.pronouns`, with or without a
    glued clitic, -> the pronoun itself (``"beliaupun" -> "beliau"``)."""
    third = [word for word, (person, _) in lang_id.pronouns().items() if person == 3]
    forms = {form: word for word in third for form in (word, *(word + c for c in _CLITICS))}
    # "dirinya" ("himself/herself") stands for the person as "dia" does: "Dirinya juga
    # menyampaikan ..."
    forms.update({form: "dia" for form in ("dirinya", *("dirinya" + c for c in _CLITICS))})
    # "pihaknya" ("his side") as a subject is the speaker before: "Pihaknya menekankan, ...".
    forms.update({form: "dia" for form in ("pihaknya", *("pihaknya" + c for c in _CLITICS))})
    # "keduanya" ("the two of them") stands for a group as "mereka" does.
    forms.update({form: "mereka" for form in ("keduanya", *("keduanya" + c for c in _CLITICS))})
    return forms


@cache
def anonymous_heads() -> tuple[str, ...]:
    return tuple(sorted(_lines("anonymous.txt"), key=len, reverse=True))


@cache
def definite_markers() -> frozenset[str]:
    return frozenset(_lines("definite.txt"))


@cache
def inside_cues() -> tuple[str, ...]:
    """Cue roots that may stand inside a sentence without commas (inside_cues.txt)."""
    return tuple(_lines("inside_cues.txt"))


@cache
def statement_nouns() -> tuple[str, ...]:
    return tuple(sorted(_lines("statement_nouns.txt"), key=len, reverse=True))


@cache
def not_speech_words() -> frozenset[str]:
    return frozenset(_lines("not_speech.txt"))


@cache
def role_words() -> frozenset[str]:
    listed = frozenset(w for line in _lines("role_words.txt") for w in line.split())
    return listed | lang_id.office_titles()


@cache
def org_heads() -> frozenset[str]:
    return frozenset(_lines("org_heads.txt"))


@cache
def ranks() -> tuple[tuple[str, ...], ...]:
    """Ranks and honorifics as token tuples, longest first."""
    return tuple(sorted((tuple(r.split()) for r in _lines("ranks.txt")), key=len, reverse=True))


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def passive_alternation() -> str:
    """The passive cues ("dikatakan", "ditambahkan") as one regex alternation, longest first."""
    return _alternation(passive_cues())


def nya_adverb(word: str) -> bool:
    """A "-nya" sentence adverb: one word of letters, longer than six, ending in "-nya"
    ("Pasalnya", "Idealnya"; not "Isinya").

    Example:
        >>> nya_adverb("Pasalnya"), nya_adverb("Isinya"), nya_adverb("Budi")
        (True, False, False)
    """
    low = word.lower()
    return low.endswith("nya") and len(low) > 6 and low.isalpha()


@cache
def cue_pattern() -> re.Pattern[str]:
    """A cue right after a closing quote mark: ``, kata`` / ``ujarnya`` / ``ditambahkan``."""
    roots = _alternation(cue_verbs())
    passive = passive_alternation()
    return re.compile(
        rf"[ \t]*(?:,[ \t]*)?(?P<cue>(?:(?:{roots})(?P<nya>nya)?|(?:{passive})|menurutnya|(?P<verb>{_alternation(reporting_verbs())})))\b",
        re.IGNORECASE,
    )


@cache
def cue_alternation(*, passive: bool = False) -> str:
    """The bare cue roots (and with ``passive`` the passive cues) as one regex alternation,
    longest first."""
    return _alternation(cue_verbs() | passive_cues() if passive else cue_verbs())


@cache
def reporting_alternation() -> str:
    """The reporting verbs as one regex alternation, longest first."""
    return _alternation(reporting_verbs())


@cache
def reporting_pattern() -> re.Pattern[str]:
    """A reporting verb anywhere in a text (subject before it: "Budi mengatakan, ...")."""
    # The first letters first: most word starts fail there, before the alternation is tried.
    firsts = "".join(sorted({v[0] for v in reporting_verbs()}))
    return re.compile(rf"\b(?=[{firsts}])(?:{reporting_alternation()})\b")


@cache
def stop_words() -> frozenset[str]:
    return frozenset(_lines("stop_words.txt"))


@cache
def discourse_words() -> frozenset[str]:
    return frozenset(_lines("discourse.txt"))


# Spellings of day names a speaker phrase has never stopped at (its first list had only the
# common ones): leaving them out keeps the stage's output as it was.
_DAYS_NOT_STOPPING = frozenset({"Jum'at", "Ahad"})


@cache
def days() -> frozenset[str]:
    """Day names as written ("Senin"): a date after a speaker phrase is not part of it ("kata
    Budi, Senin (3/8/2020)")."""
    return frozenset(lang_id.days()) - _DAYS_NOT_STOPPING


@cache
def place_types() -> frozenset[str]:
    return frozenset(_lines("place_types.txt"))


@cache
def lead_words() -> frozenset[str]:
    """Connectives that open a sentence before its subject ("sementara", "namun")."""
    return frozenset(_lines("leads.txt"))


@cache
def plural_words() -> frozenset[str]:
    """Words before an anonymous head that make it plural or vague ("para", "sejumlah")."""
    return frozenset(_lines("plural.txt"))


@cache
def org_tails() -> frozenset[str]:
    """Words that end organisations' names in English ("Organization", "Council")."""
    return frozenset(_lines("org_tails.txt"))


@cache
def name_particles() -> frozenset[str]:
    """Lower-case particles inside names ("van", "von", "bin"): "Maria van den Berg"."""
    return frozenset(_lines("name_particles.txt"))


@cache
def name_openers() -> frozenset[str]:
    """Words that open personal names ("Muhammad", "I Gusti", "Lalu")."""
    return frozenset(_lines("name_openers.txt"))


@cache
def naming_verbs() -> frozenset[str]:
    """Verbs of naming ("menyebut", "dijuluki"): a quoted phrase after one is a name."""
    return frozenset(_lines("naming_verbs.txt"))


@cache
def prepositions() -> frozenset[str]:
    """Prepositions and subordinators ("dalam", "untuk", "agar")."""
    return frozenset(_lines("prepositions.txt"))


@cache
def topic_words() -> frozenset[str]:
    """Topic prepositions ("soal", "terkait", "mengenai")."""
    return frozenset(_lines("topic_words.txt"))


@cache
def introducers() -> frozenset[str]:
    """Words that open a clause after a verb ("bahwa", "jika", "apakah")."""
    return frozenset(_lines("introducers.txt"))


@cache
def title_small_words() -> frozenset[str]:
    """Small words a quoted Title Case title keeps in lower case ("dan", "di", "of")."""
    return frozenset(_lines("title_small_words.txt"))


@cache
def title_cues() -> tuple[str, ...]:
    """Words before a quoted title that make it a programme or show ("acara", "tayangan")."""
    return tuple(_lines("title_cues.txt"))


@cache
def connectors() -> frozenset[str]:
    """Words and signs that join the parts of a name or role ("dan", "of", "bin", "&")."""
    return frozenset(_lines("connectors.txt"))


@cache
def region_acronyms() -> frozenset[str]:
    """Region acronyms read as part of a role ("DKI", "RI"), upper case."""
    return frozenset(_lines("region_acronyms.txt"))


@cache
def abbreviated_titles() -> frozenset[str]:
    """Titles written abbreviated before a name ("dr", "prof", "kh"), lower case."""
    return frozenset(_lines("abbreviated_titles.txt"))


@cache
def relations() -> frozenset[str]:
    """Nouns that name a person by their relation to someone ("suami", "pengacara" is a role)."""
    return frozenset(_lines("relations.txt"))


@cache
def named_org_heads() -> frozenset[str]:
    """Organisation words whose own name follows them ("PT", "Universitas"), as written."""
    return frozenset(_lines("named_org_heads.txt"))


@cache
def institutions() -> frozenset[str]:
    """Common nouns for institutions that speak as such ("militer", "kepolisian")."""
    return frozenset(_lines("institutions.txt"))


@cache
def judging_passives() -> frozenset[str]:
    """Passive verbs of judging whose agent follows them mid-sentence ("dinilai Brown")."""
    return frozenset(_lines("judging_passives.txt"))


@cache
def directive_verbs() -> frozenset[str]:
    """Reporting verbs that ask or advise ("mengingatkan", "menganjurkan"): "agar" after
    their object opens what was asked."""
    return frozenset(_lines("directive_verbs.txt"))


@cache
def subordinators() -> frozenset[str]:
    """Words that open a subordinate clause ("agar", "sehingga", "sebagaimana")."""
    return frozenset(_lines("subordinators.txt"))


@cache
def sequencers() -> frozenset[str]:
    """Words that chain a second predicate onto the subject ("... kemudian berjalan")."""
    return frozenset(_lines("sequencers.txt"))


@cache
def titled_offices() -> frozenset[str]:
    """Offices whose title includes what they head ("menteri", "menko")."""
    return frozenset(_lines("titled_offices.txt")) | {
        w for w in lang_id.office_titles() if w.startswith(("men", "wamen"))
    }


@cache
def org_titles() -> frozenset[str]:
    """Titles that head an organisation named right after them ("ceo", "ketua")."""
    return frozenset(_lines("org_titles.txt"))


@cache
def title_words() -> frozenset[str]:
    """Words that continue an organisation title ("officer", "eksekutif")."""
    return frozenset(_lines("title_words.txt"))


@cache
def body_levels() -> frozenset[str]:
    """Levels of a governing body ("Pusat", "Wilayah"), as written."""
    return frozenset(_lines("body_levels.txt"))


@cache
def body_acronyms() -> frozenset[str]:
    """Acronyms of a party's or association's boards ("DPP", "PB"), upper case."""
    return frozenset(_lines("body_acronyms.txt"))


@cache
def description_ends() -> frozenset[str]:
    """Words that end an anonymous description ("yang", "kepada", "bahwa")."""
    return frozenset(_lines("description_ends.txt"))


@cache
def adjunct_openers() -> frozenset[str]:
    """Words that open an adjunct between subject and reporting verb ("pada", "dilansir")."""
    return frozenset(_lines("adjunct_openers.txt"))


@cache
def service_marks() -> frozenset[str]:
    """Corps and status marks between a rank and a name ("TNI", "Purn", "Inf"), as written."""
    return frozenset(_lines("service_marks.txt"))


@cache
def statement_channels() -> tuple[str, ...]:
    """Statements and press events something is said in ("keterangan", "siaran pers")."""
    return tuple(_lines("statement_channels.txt"))
