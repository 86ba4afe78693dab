"""Put back paragraph breaks that a scraper turned into commas.

Some scrapers join an article's paragraphs with a comma and no space: "..., kata Budi.,Sementara
itu ..." or '..." ujarnya.,“Kami ...', and an empty paragraph adds another comma (".,,"). Left
as they are, whole paragraphs read as one sentence: sentence splitting, quote attribution
and summaries all see a run-on. A comma (or a run of commas) is a lost break when it follows
a sentence's end (``.``, ``?``, ``!``, ``…``, with a closing quote mark) and comes right
before, with no space, a capitalised word or an opening quote mark. Ordinary prose always
puts a space after a comma, so it is left alone (in 2,390 articles of news-2025 a sentence
end and a comma before a capital, with no space, occur 6 times, all inside quotes, which the
opening-mark test keeps out). Where the full stop went with the break ("(15/9/2019),Ia
menambahkan"), a comma glued to a capitalised function word (a pronoun or a connective) is
the break too: nothing else is capitalised after a comma but a name.

Example:
    >>> [f.before for f in find_glued_paragraphs('Harga naik.,Sementara itu, pedagang mengeluh.,,"Kami rugi," ujarnya.')]
    [',', ',,']
"""

from __future__ import annotations

import re

from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import function_words

__all__ = ["find_glued_paragraphs"]

# The end of a sentence, the commas, then (looked ahead) a capitalised word or an opening
# quote mark: a curly one, or a straight one glued to the word it opens.
_GLUED = re.compile(r"[.!?…][”\"’']?[ \t]?(,+)(?=[“‘]|\"\w|[A-Z][a-z])")


# The same with a space after the commas ("... kata Edhy., Kemudian ..."): taken only after a
# word, so that a title's or degree's abbreviation before a comma ("S.H., Kepala ...", "Tbk.,
# Budi") is left alone.
_GLUED_SPACED = re.compile(r"[.!?…][”\"’']?[ \t]?(,+)[ \t]+(?=[“‘]|\"\w|[A-Z][a-z])")
_LAST_WORD = re.compile(r"(\w+)$")

# A comma glued to a capitalised function word, with no sentence end before it ("...
# Minggu (15/9/2019),Ia menambahkan", "..." ungkapnya bangga,Saat ini"): some scrapers
# dropped the full stop with the break. Mid-sentence, only names are capitalised after a
# comma, and prose puts a space there; a pronoun or connective opens a new sentence.
_GLUED_BARE = re.compile(r"(?<=[a-z)])(,+)(?=([A-Z][a-z]+)\b)")


def _word_ends_sentence(word: str) -> bool:
    """A word that can end a sentence before the lost break: four letters or more, or a
    lower-case word ("independen.,", "Edhy.,"); not "Tbk" or "SH"."""
    return word.isalpha() and (len(word) >= 4 or word.islower()) and not word.isupper()


def find_glued_paragraphs(text: str) -> list[Fix]:
    """A paragraph break for each run of commas that joins two paragraphs."""
    found = [m.span(1) for m in _GLUED.finditer(text)]
    for m in _GLUED_SPACED.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
        if word is not None and _word_ends_sentence(word.group(1)):
            found.append(m.span(1))
    function = function_words()
    found.extend(m.span(1) for m in _GLUED_BARE.finditer(text) if m.group(2).lower() in function)
    fixes = []
    for start, end in sorted(set(found)):
        fixes.append(
            Fix(
                start,
                end,
                "\n\n",
                "lost-character",
                "glued-paragraphs",
                "paragraphs joined by a comma: the break restored",
                text[start:end],
            )
        )
    return fixes
