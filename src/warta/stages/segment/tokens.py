"""Tokens: surface tokens as UD Indonesian GSD draws them.

The conventions follow ``id_gsd``:

- a word is one token with its clitics (``bukunya``, ``kauambil``), and so is a word
  with an apostrophe (``Jum'at``, ``Lloyd's``); a reduplication or a bound morpheme
  keeps its hyphen (``anak-anak``, ``ke-5``, ``1960-an``), other hyphenated compounds
  are three tokens (``Rusia`` ``-`` ``Ukraina``; see :mod:`.compounds`);
- numbers keep their separators (``14.30``, ``2.000``, ``1,5``, ``20/2/2022``,
  ``20-02-2022``); a currency sign is its own token (``Rp`` ``10.000``, ``US`` ``$``);
- every other punctuation mark is a token of its own, the period of an abbreviation
  included (``Dr`` ``.``) and each period of an ellipsis; a run of hyphens (``--``) or
  a doubled backquote is one token;
- an abbreviation with inner periods keeps them (``S.H`` ``.``, ``M.Si`` ``.``).

URLs, e-mail addresses, domain names (``detik.com``, ``Kompas.com``), hashtags and
mentions are single tokens.
"""

from __future__ import annotations

import re
from functools import cache

from warta.article import Token
from warta.stages.segment.compounds import compound_parts
from warta.stages.segment.resources import load_resources

__all__ = ["tokenize"]

# Characters that end a URL or a path only when they are not its last character.
_URL_BODY = r"""[^\s<>"“”‘’]"""
_URL_LAST = r"""[^\s<>"“”‘’.,;:!?)\]}']"""

_COMMON = r"""
  [#@]\w+                                   # hashtag, mention
| [A-Za-z]{1,2}(?:\.[A-Za-z]{1,3})+(?=\.)   # S.H. M.Si. a.n. Ph.D. (inner periods kept)
| Rp(?=\d)                                  # Rp10.000 -> Rp 10.000
| (?P<word>\w+(?:(?:-(?!Rp\d)|['’]|(?<=\d)[.,:](?=\d)|(?<=\d)/|/(?=\d))\w+)*)  # words, numbers, dates
| -{2,} | `` | ''                           # dashes and TeX-style quotes
| \S                                        # any other mark
"""

# Only a text with one of these can hold a URL, an e-mail address or a domain; the
# others take the shorter pattern, which is faster.
_SPECIAL_HINT = re.compile(r"@|://|www\.|\.[a-z]")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    tlds = "|".join(re.escape(t) for t in load_resources().tlds)
    special = rf"""
  (?:https?://|ftp://|www\.){_URL_BODY}*{_URL_LAST}                       # URL
| [\w.+-]*\w@\w[\w-]*(?:\.\w[\w-]*)+                                      # e-mail
| \w[\w-]*(?:\.\w[\w-]*)*\.(?:{tlds})(?![\w-])(?:/{_URL_BODY}*{_URL_LAST})?  # detik.com
|"""
    return re.compile(_COMMON, re.X), re.compile(special + _COMMON, re.X)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` (usually one sentence) into tokens with offsets into ``text``.

    Example:
        >>> [t.text for t in tokenize("Harga naik 3,5 persen jadi Rp10.000 (20/2/2022).")]
        ['Harga', 'naik', '3,5', 'persen', 'jadi', 'Rp', '10.000', '(', '20/2/2022', ')', '.']
    """
    stop = len(text) if end is None else end
    plain, special = _patterns()
    pattern = special if _SPECIAL_HINT.search(text, start, stop) else plain
    if text.find("-", start, stop) < 0:
        return [Token(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, stop)]
    tokens: list[Token] = []
    for m in pattern.finditer(text, start, stop):
        form = m.group()
        at = m.start()
        if m.lastgroup == "word" and "-" in form:
            tokens.extend(Token(at + s, at + e, form[s:e]) for s, e in compound_parts(form))
        else:
            tokens.append(Token(at, m.end(), form))
    return tokens
