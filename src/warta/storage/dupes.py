"""Recycled stories: near-duplicate articles and quotes, by MinHash LSH (datasketch).

Each article gets a MinHash signature of its word 3-grams when it is stored (quotes: of
their word 2-grams, as they are short). :func:`cluster_signatures` finds candidate pairs
with LSH, keeps the pairs whose estimated Jaccard similarity reaches the threshold, and
joins them into clusters (connected components). The same press release across
outlets, a republished article with other boilerplate, a trimmed copy and a copy with
typos all share most of their 3-grams; two different reports of one event share few.

Example:
    >>> a = text_signature("Harga beras di pasar induk naik dua ribu rupiah per kilogram pekan ini")
    >>> b = text_signature("Harga beras di pasar induk naik dua ribu rupiah per kilogram pada pekan ini")
    >>> round(similarity(a, b), 1) >= 0.6
    True
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from .text import words

__all__ = [
    "ARTICLE_THRESHOLD",
    "NUM_PERM",
    "QUOTE_MIN_WORDS",
    "QUOTE_THRESHOLD",
    "SIGNATURE_VERSION",
    "cluster_signatures",
    "quote_signature",
    "shingles",
    "similarity",
    "text_signature",
]

NUM_PERM = 128
# Names the shingling and hashing below; stored signatures made otherwise are re-made
# (warta dupes --resign) before they are compared.
SIGNATURE_VERSION = "w3-crc32-affine-p32-128"
# Estimated Jaccard over word 3-grams at or above which two articles are copies. On the
# generated set (tests/storage/dupegen.py) copies score 0.48-0.95 against their
# original and unrelated articles at most 0.19; P/R are the same from 0.3 to 0.5. On the
# news corpora, 0.45 still joined different reports that share background paragraphs,
# so the bar sits at the top of that range.
ARTICLE_THRESHOLD = 0.5
# Quotes are short: word 2-grams, and a higher bar, since a shared phrase is a bigger part.
QUOTE_THRESHOLD = 0.6
# Shorter quotes ("Kami menolak.") recur by chance; they get no signature.
QUOTE_MIN_WORDS = 8
_SEED = 1
_MAX32 = (1 << 32) - 1
# The largest prime under 2**32: with a, b < p and 32-bit shingle hashes, a*h + b stays
# under 2**64, so the affine maps are exact in uint64 and wrap modulo p many times (a
# smaller modulus than the product is what makes the maps behave like random permutations).
_PRIME = np.uint64(4294967291)
# How datasketch's LeanMinHash labels the values; its LSH only bands them.
_SCHEME = "affine32"

Signature = npt.NDArray[np.uint32]
K = TypeVar("K")


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """The fixed random affine maps (a, b) of the signature; stored signatures depend on them."""
    rng = np.random.RandomState(_SEED)
    a = rng.randint(1, int(_PRIME), size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, int(_PRIME), size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingles(text: str, n: int) -> set[bytes]:
    """Word n-grams of ``text`` (lower-cased words), as bytes for hashing."""
    ws = words(text)
    if len(ws) < n:
        return {" ".join(ws).encode()} if ws else set()
    return {" ".join(ws[i : i + n]).encode() for i in range(len(ws) - n + 1)}


def _signature(grams: set[bytes]) -> Signature:
    """MinHash of a set of shingles, vectorised with numpy.

    Each shingle is hashed to 32 bits (CRC-32: stable across processes, unlike ``hash``)
    and mapped by ``NUM_PERM`` affine maps ``(a*h + b) mod p``; the signature keeps the
    minimum of each map. The values go into datasketch's LSH as they are.
    """
    if not grams:
        return np.full(NUM_PERM, _MAX32, dtype=np.uint32)
    a, b = _permutations()
    h = np.fromiter((zlib.crc32(g) for g in grams), dtype=np.uint64, count=len(grams))
    mapped = (np.outer(h, a) + b) % _PRIME
    values: Signature = mapped.min(axis=0).astype(np.uint32)
    return values


def text_signature(text: str) -> Signature:
    """The MinHash signature (128 uint32) of an article text's word 3-grams."""
    return _signature(shingles(text, 3))


def quote_signature(text: str) -> Signature | None:
    """The signature of a quote's word 2-grams, or None for a quote under :data:`QUOTE_MIN_WORDS`."""
    if len(words(text)) < QUOTE_MIN_WORDS:
        return None
    return _signature(shingles(text, 2))


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def cluster_signatures(items: Iterable[tuple[K, Signature]], *, threshold: float) -> list[list[K]]:
    """Groups of keys whose signatures are near-duplicates, largest group first.

    Candidate pairs come from LSH bands tuned to ``threshold``; each pair is checked on
    the full signature before it joins two groups, so a chance band collision does not
    chain unrelated articles together.
    """
    from datasketch import LeanMinHash, MinHashLSH

    keys: list[K] = []
    sigs: list[Signature] = []
    for key, sig in items:
        keys.append(key)
        sigs.append(sig)
    if not keys:
        return []
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = [LeanMinHash(seed=_SEED, hashvalues=s, scheme=_SCHEME) for s in sigs]
    with lsh.insertion_session() as session:
        for i, h in enumerate(hashes):
            session.insert(i, h, check_duplication=False)
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hashes):
        for j in lsh.query(h):
            if j <= i:
                continue
            if similarity(sigs[i], sigs[j]) >= threshold:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[rj] = ri
    groups: dict[int, list[K]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(find(i), []).append(key)
    clusters = [g for g in groups.values() if len(g) > 1]
    clusters.sort(key=len, reverse=True)
    return clusters


def signature_from_bytes(data: bytes) -> Signature:
    values: Signature = np.frombuffer(data, dtype=np.uint32)
    return values


def pairs_of(clusters: Sequence[Sequence[K]]) -> set[frozenset[K]]:
    """Every unordered pair inside each cluster (for precision/recall over pairs)."""
    out: set[frozenset[K]] = set()
    for c in clusters:
        for i, a in enumerate(c):
            for b in c[i + 1 :]:
                out.add(frozenset((a, b)))
    return out
