"""Offset maps between a cleaned text and the raw input it came from.

Cleaning removes boilerplate and repairs characters, so a position in the cleaned
``Article.text`` is not the same position in ``Article.raw``. An :class:`OffsetMap`
stores the map as sorted anchor pairs ``(clean, raw)``: between two anchors the map
is a plain shift, ``raw = raw_a + (i - clean_a)``, clamped so that it never runs past
the next anchor (a replaced stretch that got shorter or longer maps into its source).

Maps compose: when a later cleaning pass edits text that an earlier pass produced,
``earlier.compose(later)`` gives the map from the newest text straight to the raw.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

__all__ = ["Edit", "OffsetMap", "apply_edits"]

# (start, end, replacement) in the coordinates of the text being edited.
Edit = tuple[int, int, str]


class OffsetMap:
    """Piecewise-shift map from positions in a derived text to positions in its source.

    Args:
        clean: anchor positions in the derived text, strictly increasing, starting at 0.
        raw: the matching positions in the source text, non-decreasing.
        clean_len: length of the derived text.
        raw_len: length of the source text.
    """

    __slots__ = ("_clean", "_raw", "clean_len", "raw_len")

    def __init__(self, clean: Sequence[int], raw: Sequence[int], *, clean_len: int, raw_len: int) -> None:
        self._clean = list(clean) or [0]
        self._raw = list(raw) or [0]
        self.clean_len = clean_len
        self.raw_len = raw_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], clean_len=length, raw_len=length)

    @property
    def anchors(self) -> list[tuple[int, int]]:
        return list(zip(self._clean, self._raw, strict=True))

    @classmethod
    def from_anchors(cls, anchors: Iterable[Sequence[int]], *, clean_len: int, raw_len: int) -> OffsetMap:
        pairs = [(int(a[0]), int(a[1])) for a in anchors]
        return cls([c for c, _ in pairs], [r for _, r in pairs], clean_len=clean_len, raw_len=raw_len)

    def is_identity(self) -> bool:
        return self._clean == [0] and self._raw == [0] and self.clean_len == self.raw_len

    def __call__(self, pos: int) -> int:
        """Map one position of the derived text to the source text."""
        k = bisect_right(self._clean, pos) - 1
        if k < 0:
            return 0
        out = self._raw[k] + (pos - self._clean[k])
        limit = self._raw[k + 1] if k + 1 < len(self._raw) else self.raw_len
        return min(out, limit)

    def to_clean(self, raw_pos: int) -> int:
        """Map a source position forward; a position inside removed text maps to where it was."""
        k = bisect_right(self._raw, raw_pos) - 1
        if k < 0:
            return 0
        # Several anchors can share one raw position (text inserted there): take the first.
        while k > 0 and self._raw[k - 1] == self._raw[k] == raw_pos:
            k -= 1
        out = self._clean[k] + (raw_pos - self._raw[k])
        limit = self._clean[k + 1] if k + 1 < len(self._clean) else self.clean_len
        return min(out, limit)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end maps as the end of its last character."""
        if end <= start:
            r = self(start)
            return r, r
        return self(start), self(end - 1) + 1

    def compose(self, later: OffsetMap) -> OffsetMap:
        """Return the map from ``later``'s derived text to this map's source.

        ``later`` maps text B to text A; ``self`` maps text A to the raw text R.
        """
        if later.is_identity():
            return self
        if self.is_identity():
            return later
        points: set[int] = set(later._clean)
        # Positions in B where the A-coordinate crosses one of self's anchors.
        for a_anchor in self._clean[1:]:
            k = bisect_right(later._raw, a_anchor) - 1
            if k < 0:
                continue
            b = later._clean[k] + (a_anchor - later._raw[k])
            nxt = later._clean[k + 1] if k + 1 < len(later._clean) else later.clean_len
            if b < nxt:
                points.add(b)
        clean: list[int] = []
        raw: list[int] = []
        for b in sorted(points):
            if b > later.clean_len:
                continue
            r = self(later(b))
            if clean and raw[-1] + (b - clean[-1]) == r:
                continue  # still on the same shift: no new anchor needed
            clean.append(b)
            raw.append(r)
        return OffsetMap(clean, raw, clean_len=later.clean_len, raw_len=self.raw_len)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text and its map back to ``text``.

    Example:
        >>> new, m = apply_edits("benar benar", [(5, 6, "-")])
        >>> new, m(6)
        ('benar-benar', 6)
    """
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    parts: list[str] = []
    clean: list[int] = [0]
    raw: list[int] = [0]
    prev = 0
    out_len = 0
    for start, end, repl in ordered:
        if start < prev:
            raise ValueError(f"overlapping edits at {start} (previous edit ends at {prev})")
        parts.append(text[prev:start])
        out_len += start - prev
        if len(repl) != end - start:
            # Anchor at the start of the replacement and right after it.
            if clean[-1] != out_len or raw[-1] != start:
                clean.append(out_len)
                raw.append(start)
            parts.append(repl)
            out_len += len(repl)
            clean.append(out_len)
            raw.append(end)
        else:
            parts.append(repl)
            out_len += len(repl)
        prev = end
    parts.append(text[prev:])
    out_len += len(text) - prev
    # Drop anchors that merely continue the previous shift.
    c2: list[int] = [clean[0]]
    r2: list[int] = [raw[0]]
    for c, r in zip(clean[1:], raw[1:], strict=True):
        if r2[-1] + (c - c2[-1]) == r and c != c2[-1]:
            continue
        if c == c2[-1]:
            r2[-1] = r  # a zero-length stretch: the later anchor wins
            continue
        c2.append(c)
        r2.append(r)
    return "".join(parts), OffsetMap(c2, r2, clean_len=out_len, raw_len=len(text))
