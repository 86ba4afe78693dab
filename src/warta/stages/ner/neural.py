"""A BiLSTM-CRF tagger run with numpy, and the marginal-averaging ensemble with the CRF.

The network (trained with PyTorch by :mod:`warta.training.neural`; PyTorch is
not needed here) reads, per token, the word's vector from the shared word2vec table
(``resources/embeddings.npz``, learned from the news corpora and frozen in training), a
character CNN, the token's case class, its capitalisation ratio in news text and the
gazetteer match at its position; a bidirectional LSTM reads the sentence and a linear
layer scores each tag; a CRF layer's transitions tie the tags together.

Everything that depends only on a word type (its vector, its characters' CNN, its case
class and ratio) is computed once per type and cached, like the CRF's attribute strings.
Sentences are run through the LSTM in batches, one matrix product per time step for the
whole batch, so a file or an article is tagged at CRF-like speed.

Tag marginals come from the CRF layer's forward-backward pass. An ensemble
(:func:`combine`) averages them, weighted, with the feature CRF's marginals and decodes
the best *valid* BIO sequence (no ``I-X`` after ``O`` or another type).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from warta.stages.ner.clusters import WordClasses
from warta.stages.ner.features import case_class
from warta.stages.ner.gazetteer import Gazetteer

__all__ = [
    "CHAR_LIMIT",
    "BiLstmTagger",
    "Embeddings",
    "bio_constraints",
    "case_class_id",
    "combine",
    "decode_valid",
    "load_embeddings",
]

# A word's first CHAR_LIMIT characters feed the character CNN (training and tagging alike).
CHAR_LIMIT = 20
# Past this many word types the per-type cache is cleared (a corpus has a long tail).
_CACHE_LIMIT = 100_000
_BATCH = 16
_NEG = -1e9


class Embeddings:
    """The shared word vectors: lower-cased word -> row of an int8 table (unit vectors x 127).

    Row 0 is the zero vector, for words the table does not have.
    """

    def __init__(self, words: Sequence[str], table: np.ndarray, meta: dict[str, Any]) -> None:
        self.index = {w: i + 1 for i, w in enumerate(words)}
        self.vectors = np.zeros((len(words) + 1, table.shape[1]), dtype=np.float32)
        self.vectors[1:] = table.astype(np.float32) / 127.0
        self.meta = meta

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def row(self, word: str) -> int:
        return self.index.get(word.lower(), 0)

    @staticmethod
    def quantise(vectors: np.ndarray) -> np.ndarray:
        """Unit-normalise rows and store them as int8 (``round(x * 127)``)."""
        unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        out: np.ndarray = np.clip(np.rint(unit * 127.0), -127, 127).astype(np.int8)
        return out

    @staticmethod
    def write(path: Any, words: Sequence[str], vectors: np.ndarray, meta: dict[str, Any]) -> None:
        """Save ``words`` and their quantised ``vectors`` as a compressed ``.npz``."""
        np.savez_compressed(
            path,
            words=np.array("\n".join(words)),
            table=Embeddings.quantise(vectors),
            meta=np.array(json.dumps(meta)),
        )

    @classmethod
    def read(cls, data: bytes) -> Embeddings:
        with np.load(io.BytesIO(data)) as z:
            words = str(z["words"]).split("\n")
            return cls(words, z["table"], json.loads(str(z["meta"])))


@lru_cache(maxsize=1)
def load_embeddings() -> Embeddings:
    """The shipped word vectors, read once per process."""
    from importlib import resources

    from warta.errors import ResourceError

    ref = resources.files("warta.stages.ner").joinpath("resources", "embeddings.npz")
    try:
        return Embeddings.read(ref.read_bytes())
    except FileNotFoundError as exc:
        raise ResourceError("packaged resource missing: stages/ner/resources/embeddings.npz") from exc


_CASE_IDS = {"U": 1, "T": 2, "L": 3, "D": 4, "M": 5, "O": 6}


def case_class_id(word: str) -> int:
    """The CRF's case class as a number: 1 all capitals, 2 title case (or one capital), 3 lower
    case, 4 digits, 5 mixed, 6 other."""
    return _CASE_IDS[case_class(word)]


def cap_ratio_id(row: tuple[str, ...] | None) -> int:
    """0 unknown word, 1 too rare to say, 2-12 the capitalisation ratio in tenths plus 2."""
    if row is None:
        return 0
    cap = row[-2]
    return 1 if cap == "-" else 2 + int(cap)


@lru_cache(maxsize=16)
def bio_constraints(labels: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(allowed transitions ``[from, to]``, allowed first tags) for BIO tags."""
    n = len(labels)
    allowed = np.zeros((n, n), dtype=bool)
    first = np.array([not lab.startswith("I-") for lab in labels])
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            allowed[i, j] = not b.startswith("I-") or (a != "O" and a[2:] == b[2:])
    return allowed, first


def decode_valid(marginals: np.ndarray, allowed: np.ndarray, first: np.ndarray) -> list[int]:
    """The valid tag sequence with the highest sum of log marginals (Viterbi)."""
    best_each = marginals.argmax(axis=1)
    if first[best_each[0]] and allowed[best_each[:-1], best_each[1:]].all():
        return [int(i) for i in best_each]  # the token-wise best is valid, hence the best valid
    logp = np.log(marginals + 1e-9)
    trans = np.where(allowed, 0.0, _NEG)
    score = logp[0] + np.where(first, 0.0, _NEG)
    back = []
    for t in range(1, len(logp)):
        cand = score[:, None] + trans
        best = cand.argmax(0)
        back.append(best)
        score = cand[best, np.arange(len(best))] + logp[t]
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


def combine(
    parts: Sequence[tuple[np.ndarray, float]], labels: Sequence[str]
) -> tuple[list[str], list[float]]:
    """Average weighted marginal tables (tokens x labels, same label order) and decode.

    Returns:
        The best valid tags and each one's averaged marginal.
    """
    total = sum(w for _, w in parts)
    mean: np.ndarray = np.sum([p * w for p, w in parts], axis=0) / total
    path = decode_valid(mean, *bio_constraints(tuple(labels)))
    return [labels[j] for j in path], [float(mean[i, j]) for i, j in enumerate(path)]


class BiLstmTagger:
    """A trained BiLSTM-CRF (weights from an ``.npz``) with its input tables.

    Args:
        weights: the arrays written by :mod:`warta.training.neural`.
        meta: ``labels``, ``chars`` (the character vocabulary, id = position + 2) and
            ``gazetteer_types`` (id = position + 1).
        embeddings: the shared word vectors.
        classes: the word classes (capitalisation ratios).
        gazetteer: the name lists.
    """

    def __init__(
        self,
        weights: dict[str, np.ndarray],
        meta: dict[str, Any],
        *,
        embeddings: Embeddings,
        classes: WordClasses,
        gazetteer: Gazetteer,
    ) -> None:
        w = {k: v.astype(np.float32) for k, v in weights.items()}
        self.labels: list[str] = list(meta["labels"])
        self._chars = {c: i + 2 for i, c in enumerate(meta["chars"])}
        self._gaz_ids = {g: i + 1 for i, g in enumerate(meta["gazetteer_types"])}
        self._embeddings = embeddings
        self._classes = classes.table
        self._gazetteer = gazetteer
        self.hidden = int(w["w_hh_f"].shape[0])
        self._char_emb = w["char_emb"]
        self._conv_w = w["conv_w"]  # (filters, char dim, width)
        self._conv_b = w["conv_b"]
        self._case_emb = w["case_emb"]
        self._cap_emb = w["cap_emb"]
        h4 = 4 * self.hidden
        e, c = embeddings.dim, self._conv_w.shape[0]
        k, r = self._case_emb.shape[1], self._cap_emb.shape[1]
        # Gates i, f, o go through sigmoid(x) = (tanh(x / 2) + 1) / 2: halving their weights
        # here lets one tanh serve all four gates.
        half = np.ones(h4, dtype=np.float32)
        half[: 2 * self.hidden] = 0.5
        half[3 * self.hidden :] = 0.5
        both = np.concatenate([half, half])
        w_ih = w["w_ih"] * both  # (input, 8 * hidden): forward gates then backward gates
        self._w_word = w_ih[: e + c + k + r]
        # The gazetteer's contribution to the input gates (bias included), precomputed per id.
        self._gaz_gates = w["gaz_emb"] @ w_ih[e + c + k + r :] + w["b_ih"] * both
        self._w_hh = np.stack([w["w_hh_f"] * half, w["w_hh_b"] * half])  # (2, hidden, 4 * hidden)
        self._h4 = h4
        self._out_f = w["out_w"][: self.hidden]
        self._out_b_w = w["out_w"][self.hidden :]
        self._out_b = w["out_b"]
        self._exp_trans = np.exp(w["trans"])
        self._exp_start = np.exp(w["start"] - w["start"].max())
        self._exp_end = np.exp(w["end"] - w["end"].max())
        self._cache: dict[str, np.ndarray] = {}

    def _char_features(self, words: Sequence[str]) -> np.ndarray:
        """The character CNN of each word (words x filters): max over its positions of ReLU(conv)."""
        cut = [w[:CHAR_LIMIT] for w in words]
        longest = max(len(w) for w in cut)
        width = self._conv_w.shape[2]
        pad = width // 2
        ids = np.zeros((len(cut), longest + 2 * pad), dtype=np.int64)  # id 0: the zero padding
        chars = self._chars
        for i, w in enumerate(cut):
            ids[i, pad : pad + len(w)] = [chars.get(ch, 1) for ch in w]
        x = self._char_emb[ids]  # (words, positions, char dim); row 0 of the table is zero
        x[ids == 0] = 0.0
        # conv[n, p, f] = sum over window offsets k and char dims c of x[n, p + k, c] * w[f, c, k]
        conv = sum(x[:, k : k + longest] @ self._conv_w[:, :, k].T for k in range(width)) + self._conv_b
        lengths = np.array([len(w) for w in cut])
        conv = np.where(
            (np.arange(longest)[None, :] < lengths[:, None])[:, :, None], np.maximum(conv, 0.0), 0.0
        )
        out: np.ndarray = conv.max(axis=1)
        return out

    def _add_words(self, words: Sequence[str]) -> None:
        """Compute and cache the input-gate contributions (8 x hidden) of new word types."""
        lows = [w.lower() for w in words]
        emb = self._embeddings
        classes = self._classes
        vec = np.concatenate(
            [
                emb.vectors[[emb.row(w) for w in lows]],
                self._char_features(words),
                self._case_emb[[case_class_id(w) for w in words]],
                self._cap_emb[[cap_ratio_id(classes.get(w)) for w in lows]],
            ],
            axis=1,
        )
        self._cache.update(zip(words, vec @ self._w_word, strict=True))

    def _emissions(self, batch: Sequence[Sequence[str]]) -> np.ndarray:
        """Tag scores (batch x steps x labels) of sentences; padded steps hold garbage.

        Both directions run in one loop: the backward LSTM reads each sentence reversed and
        left-aligned, so that padding only ever follows a sentence and needs no masking, and
        one batched product per step serves both directions' recurrent weights.
        """
        lengths = np.array([len(s) for s in batch])
        steps = int(lengths.max())
        size = len(batch)
        h4 = self._h4
        hidden = self.hidden
        gates = np.zeros((2, steps, size, h4), dtype=np.float32)
        cache = self._cache
        gaz_ids = self._gaz_ids
        new = {tok for tokens in batch for tok in tokens if tok not in cache}
        if len(cache) + len(new) > _CACHE_LIMIT:
            cache.clear()
            new = {tok for tokens in batch for tok in tokens}
        if new:
            self._add_words(sorted(new))
        for b, tokens in enumerate(batch):
            rows = [cache[tok] for tok in tokens]
            matches = self._gazetteer.match([t.lower() for t in tokens])
            table = np.array(rows) + self._gaz_gates[[gaz_ids.get(m, 0) if m else 0 for m in matches]]
            n = len(tokens)
            gates[0, :n, b] = table[:, :h4]
            gates[1, :n, b] = table[::-1, h4:]
        w_hh = self._w_hh
        h = np.zeros((2, size, hidden), dtype=np.float32)
        c = np.zeros((2, size, hidden), dtype=np.float32)
        states = np.empty((steps, 2, size, hidden), dtype=np.float32)
        for t in range(steps):
            # The i, f and o weights were halved at load: sigmoid(x) = (tanh(x / 2) + 1) / 2.
            act = np.tanh(gates[:, t] + np.matmul(h, w_hh))
            sig = act * 0.5 + 0.5
            c = sig[..., hidden : 2 * hidden] * c + sig[..., :hidden] * act[..., 2 * hidden : 3 * hidden]
            h = sig[..., 3 * hidden :] * np.tanh(c)
            states[t] = h
        # Backward states back in reading order: position p of a sentence of n was step n-1-p.
        positions = np.arange(steps)[None, :]
        back_step = np.clip(lengths[:, None] - 1 - positions, 0, steps - 1)
        forward = states[:, 0].transpose(1, 0, 2)  # (size, steps, hidden)
        backward = states[back_step, 1, np.arange(size)[:, None]]
        scores: np.ndarray = forward @ self._out_f + backward @ self._out_b_w + self._out_b
        return scores

    def _marginals(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Forward-backward over a batch in probability space, rescaled at each step."""
        size, steps, _ = emissions.shape
        live = np.arange(steps)[None, :] < lengths[:, None]
        # exp of the scores less each row's maximum: a per-(sentence, step) factor that the
        # final normalisation removes.
        em = np.exp(emissions - emissions.max(axis=2, keepdims=True))
        trans = self._exp_trans
        alpha = np.empty_like(em)
        a = self._exp_start * em[:, 0]
        alpha[:, 0] = a = a / a.sum(axis=1, keepdims=True)
        for t in range(1, steps):
            nxt = (a @ trans) * em[:, t]
            nxt /= nxt.sum(axis=1, keepdims=True)
            a = np.where(live[:, t : t + 1], nxt, a)
            alpha[:, t] = a
        beta = np.empty_like(em)
        last = lengths - 1
        end = np.broadcast_to(self._exp_end, (size, len(self._exp_end)))
        bt = end.copy()
        beta[:, steps - 1] = bt
        for t in range(steps - 2, -1, -1):
            nxt = (em[:, t + 1] * bt) @ trans.T
            nxt /= nxt.sum(axis=1, keepdims=True)
            # A sentence's last token starts from the end weights; before it, the recursion.
            bt = np.where(np.equal(last, t)[:, None], end, np.where(np.greater(last, t)[:, None], nxt, bt))
            beta[:, t] = bt
        out: np.ndarray = alpha * beta
        out /= out.sum(axis=2, keepdims=True)
        return out

    def marginals(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, a (tokens x labels) table of tag marginals (labels in ``self.labels`` order).

        Empty sentences get an empty table.
        """
        out: list[np.ndarray] = [np.zeros((0, len(self.labels)), dtype=np.float32)] * len(sentences)
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for start in range(0, len(order), _BATCH):
            chunk = order[start : start + _BATCH]
            lengths = np.array([len(sentences[i]) for i in chunk])
            tables = self._marginals(self._emissions([sentences[i] for i in chunk]), lengths)
            for row, (i, n) in enumerate(zip(chunk, lengths, strict=True)):
                out[i] = tables[row, :n]
        return out
