"""Token features for the CRF tagger: the hot path of NER.

Everything that depends only on a word (its lower-cased form, affixes, shape, word
classes) is computed once per word type and cached as ready-made attribute
strings, one tuple per window position; a sentence's features are then the
concatenation of its neighbours' tuples plus two word bigrams and the gazetteer
matches. No regex runs per token.

Example:
    >>> fx = FeatureExtractor(FeatureConfig(clusters=False, gazetteer=False))
    >>> feats = fx.sentence(["Gubernur", "Ridwan", "Kamil", "hadir"])
    >>> "w=ridwan" in feats[1], "-1:w=gubernur" in feats[1], "sh=Xx" in feats[1]
    (True, True, True)
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from warta.stages.ner.clusters import WordClasses
from warta.stages.ner.gazetteer import Gazetteer

__all__ = ["FeatureConfig", "FeatureExtractor", "case_class", "word_shape"]

_Encoded = tuple[str, tuple[bytes, ...], tuple[tuple[bytes, ...], ...]]

# Per-word feature cache size: past it the cache is cleared (a corpus has a long tail). An
# entry holds some 30 attribute strings (about 1.5 kB), so this bounds each cache near 150 MB;
# news text's word frequencies make 100,000 words hit nearly every token.
_CACHE_LIMIT = 100_000
_OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups a model uses (saved in the model's metadata)."""

    clusters: bool = True  # word2vec k-means ids at each granularity
    case_stats: bool = True  # capitalisation ratio and frequency bucket from news text
    gazetteer: bool = True
    affixes: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        return cls(**{k: bool(v) for k, v in data.items() if k in cls.__dataclass_fields__})


def word_shape(word: str) -> str:
    """Character classes with runs collapsed: ``Jakarta`` -> ``Xx``, ``12,5`` -> ``d,d``.

    Example:
        >>> word_shape("COVID-19"), word_shape("iPhone"), word_shape("ke-2")
        ('X-d', 'xXx', 'x-d')
    """
    out: list[str] = []
    last = ""
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)[:8]


def case_class(word: str) -> str:
    """``U`` all capitals, ``T`` title case or one capital, ``L`` lower, ``D`` digits, ``M`` mixed, ``O`` other."""
    if word.isupper():
        return "U" if len(word) > 1 else "T"
    if word[:1].isupper():
        return "T"
    if word.islower():
        return "L"
    if word.isdigit():
        return "D"
    return "M" if any(c.isupper() for c in word) else "O"


class FeatureExtractor:
    """Turns a tokenised sentence into one list of attribute strings per token.

    Args:
        config: the feature groups to use.
        classes: word classes (needed when ``config.clusters`` or ``config.case_stats``).
        gazetteer: name lists (needed when ``config.gazetteer``).
        known: the attributes a trained model knows; :meth:`attributes` leaves the
            others out (CRFsuite ignores them anyway), which spares the tagger most of
            its work of reading the sentence in. ``None`` keeps every attribute.
    """

    def __init__(
        self,
        config: FeatureConfig,
        *,
        classes: WordClasses | None = None,
        gazetteer: Gazetteer | None = None,
        known: Collection[str] | None = None,
    ) -> None:
        self.config = config
        self._classes = (
            classes.table if classes is not None and (config.clusters or config.case_stats) else None
        )
        self._gazetteer = gazetteer if config.gazetteer else None
        self._cache: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]] = {}
        self._known = None if known is None else frozenset(known)
        self._encoded: dict[str, _Encoded] = {}
        # Word-pair attributes by (left word, right word): looked up, never built, per token.
        self._pairs: tuple[dict[str, dict[str, bytes]], dict[str, dict[str, bytes]]] | None = None
        self._gaz_attrs: dict[str, tuple[bytes | None, bytes | None, bytes | None]] = {}
        self._bos = self._encode_one("BOS")
        self._eos = self._encode_one("EOS")

    def _word(
        self, word: str, *, keep: bool = True
    ) -> tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """(lower-cased word, own attributes, attributes seen from offsets -2, -1, +1, +2).

        ``keep``: remember the entry (tagging keeps only the encoded form, see :meth:`_encode_word`).
        """
        low = word.lower()
        shape = word_shape(word)
        case = case_class(word)
        own = ["w=" + low, "sh=" + shape, "c=" + case]
        ctx = ["w=" + low, "c=" + case]
        if len(word) == 1 and not word.isalnum():
            own.append("punct")
        if self.config.affixes and len(low) > 3:
            own += ["p2=" + low[:2], "p3=" + low[:3], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:]]
        if self._classes is not None:
            row = self._classes.get(low)
            if row is None:
                own.append("k=?")
                ctx.append("k=?")
            else:
                n = len(row) - 2
                if self.config.clusters:
                    own += [f"k{i}={row[i]}" for i in range(n)]
                    ctx += [f"k{i}={row[i]}" for i in range(1, n)]
                if self.config.case_stats:
                    own += ["cap=" + row[n], "fq=" + row[n + 1]]
                    ctx.append("cap=" + row[n])
        context = tuple(tuple(f"{o:+d}:{a}" for a in ctx) for o in _OFFSETS)
        entry = (low, tuple(own), context)
        if keep:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = entry
        return entry

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attribute strings for each token of a sentence."""
        cache = self._cache
        words = [cache.get(t) or self._word(t) for t in tokens]
        n = len(words)
        lows = [w[0] for w in words]
        gaz = self._gazetteer.match(lows) if self._gazetteer is not None else None
        out: list[list[str]] = []
        for i in range(n):
            low, own, _ = words[i]
            feats = ["bias", *own]
            if i >= 2:
                feats += words[i - 2][2][0]
            if i >= 1:
                feats += words[i - 1][2][1]
                feats.append("b-=" + lows[i - 1] + "|" + low)
            else:
                feats.append("BOS")
            if i + 1 < n:
                feats += words[i + 1][2][2]
                feats.append("b+=" + low + "|" + lows[i + 1])
            else:
                feats.append("EOS")
            if i + 2 < n:
                feats += words[i + 2][2][3]
            if gaz is not None:
                g = gaz[i]
                if g is not None:
                    feats.append("g=" + g)
                if i >= 1 and gaz[i - 1] is not None:
                    feats.append("-1:g=" + gaz[i - 1])  # type: ignore[operator]
                if i + 1 < n and gaz[i + 1] is not None:
                    feats.append("+1:g=" + gaz[i + 1])  # type: ignore[operator]
            out.append(feats)
        return out

    def _encode_one(self, attr: str) -> bytes | None:
        return attr.encode() if self._known is None or attr in self._known else None

    def _encode_all(self, attrs: Sequence[str]) -> tuple[bytes, ...]:
        known = self._known
        return tuple(a.encode() for a in attrs if known is None or a in known)

    def _encode_word(self, word: str) -> _Encoded:
        low, own, context = self._cache.get(word) or self._word(word, keep=False)
        entry = (low, self._encode_all(("bias", *own)), tuple(self._encode_all(c) for c in context))
        if len(self._encoded) >= _CACHE_LIMIT:
            self._encoded.clear()
        self._encoded[word] = entry
        return entry

    def _pair_tables(self) -> tuple[dict[str, dict[str, bytes]], dict[str, dict[str, bytes]]]:
        before: dict[str, dict[str, bytes]] = {}
        after: dict[str, dict[str, bytes]] = {}
        if self._known is not None:
            for attr in self._known:
                table = before if attr.startswith("b-=") else after if attr.startswith("b+=") else None
                if table is None:
                    continue
                pair = attr[3:]
                # A word may hold "|" itself: every split is filed, and only the true
                # (left, right) of a sentence can find the attribute again.
                cut = pair.find("|")
                while cut >= 0:
                    table.setdefault(pair[:cut], {})[pair[cut + 1 :]] = attr.encode()
                    cut = pair.find("|", cut + 1)
        self._pairs = (before, after)
        return self._pairs

    def _gaz_attr(self, g: str) -> tuple[bytes | None, bytes | None, bytes | None]:
        out = self._gaz_attrs.get(g)
        if out is None:
            out = self._gaz_attrs[g] = (
                self._encode_one("g=" + g),
                self._encode_one("-1:g=" + g),
                self._encode_one("+1:g=" + g),
            )
        return out

    def attributes(self, tokens: Sequence[str]) -> list[list[bytes]]:
        """:meth:`sentence`'s attributes, UTF-8 encoded, less those the model does not know.

        The order is :meth:`sentence`'s, so a CRF scores both alike.

        Example:
            >>> fx = FeatureExtractor(FeatureConfig(clusters=False, gazetteer=False),
            ...                       known={"bias", "w=ridwan", "-1:w=gubernur", "b-=gubernur|ridwan"})
            >>> fx.attributes(["Gubernur", "Ridwan"])[1]
            [b'bias', b'w=ridwan', b'-1:w=gubernur', b'b-=gubernur|ridwan']
        """
        cache = self._encoded
        words = [cache.get(t) or self._encode_word(t) for t in tokens]
        n = len(words)
        lows = [w[0] for w in words]
        if self._known is None:
            pair_before = [None, *("b-=" + lows[i - 1] + "|" + lows[i] for i in range(1, n))]
            pair_after = [*("b+=" + lows[i] + "|" + lows[i + 1] for i in range(n - 1)), None]
            before: list[bytes | None] = [None if p is None else p.encode() for p in pair_before]
            after: list[bytes | None] = [None if p is None else p.encode() for p in pair_after]
        else:
            tb, ta = self._pairs or self._pair_tables()
            before = [None] * n
            after = [None] * n
            for i in range(1, n):
                left, right = lows[i - 1], lows[i]
                row = tb.get(left)
                if row is not None:
                    before[i] = row.get(right)
                row = ta.get(left)
                if row is not None:
                    after[i - 1] = row.get(right)
        bos, eos = self._bos, self._eos
        out: list[list[bytes]] = []
        for i in range(n):
            feats = list(words[i][1])
            if i >= 2:
                feats += words[i - 2][2][0]
            if i >= 1:
                feats += words[i - 1][2][1]
                b = before[i]
                if b is not None:
                    feats.append(b)
            elif bos is not None:
                feats.append(bos)
            if i + 1 < n:
                feats += words[i + 1][2][2]
                b = after[i]
                if b is not None:
                    feats.append(b)
            elif eos is not None:
                feats.append(eos)
            if i + 2 < n:
                feats += words[i + 2][2][3]
            out.append(feats)
        if self._gazetteer is not None:
            gaz = self._gazetteer.match(lows)
            hits = [i for i, g in enumerate(gaz) if g is not None]
            near = sorted({j for h in hits for j in (h - 1, h, h + 1) if 0 <= j < n}) if hits else ()
            for i in near:
                g = gaz[i]
                prev = gaz[i - 1] if i >= 1 else None
                nxt = gaz[i + 1] if i + 1 < n else None
                feats = out[i]
                if g is not None and (a := self._gaz_attr(g)[0]) is not None:
                    feats.append(a)
                if prev is not None and (a := self._gaz_attr(prev)[1]) is not None:
                    feats.append(a)
                if nxt is not None and (a := self._gaz_attr(nxt)[2]) is not None:
                    feats.append(a)
        return out
