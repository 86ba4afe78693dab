"""Training the BiLSTM-CRF of :mod:`warta.stages.ner.neural` with PyTorch.

Needs ``pip install warta[ner-neural]`` (PyTorch, CPU is enough). The word vectors are
the shipped ``embeddings.npz`` (frozen: a small benchmark cannot move 60,000 vectors
well), so the network only learns its character CNN, the small case, ratio and
gazetteer tables, the LSTM, the output layer and the CRF transitions. The exported
weights are float16 in an ``.npz``; tagging reads them with numpy alone.

Training is deterministic for a given seed and thread count (CPU, one process).
"""

from __future__ import annotations

import io
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from warta.stages.ner.clusters import WordClasses
from warta.stages.ner.gazetteer import Gazetteer
from warta.stages.ner.neural import CHAR_LIMIT, Embeddings, cap_ratio_id, case_class_id

__all__ = ["NeuralParams", "train_bilstm"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NeuralParams:
    """The network's sizes and its training schedule."""

    hidden: int = 64  # LSTM units per direction
    char_dim: int = 30
    char_filters: int = 50
    case_dim: int = 8
    cap_dim: int = 8
    gazetteer_dim: int = 16
    dropout: float = 0.5
    learning_rate: float = 0.002
    batch: int = 16
    epochs: int = 25
    seed: int = 1
    threads: int = 1  # two threads per process on two cores stall when two trainings run at once
    # The ensemble's weight on this network's marginals; the feature CRF's weight is 1.
    weight: float = 1.5

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _encode(
    tokens: Sequence[str],
    *,
    embeddings: Embeddings,
    chars: dict[str, int],
    classes: dict[str, tuple[str, ...]],
    gazetteer: Gazetteer,
    gaz_ids: dict[str, int],
) -> tuple[list[int], list[int], list[int], list[int], list[list[int]]]:
    low = [t.lower() for t in tokens]
    matches = gazetteer.match(low)
    return (
        [embeddings.row(w) for w in low],
        [case_class_id(t) for t in tokens],
        [cap_ratio_id(classes.get(w)) for w in low],
        [gaz_ids.get(m, 0) if m else 0 for m in matches],
        [[chars.get(c, 1) for c in t[:CHAR_LIMIT]] for t in tokens],
    )


def _batches(data: list[Any], size: int, rng: random.Random) -> list[list[Any]]:
    """Shuffled batches of sentences of similar length (less padding, so faster epochs):
    the shuffled data is cut into pools of 20 batches, each pool sorted by length."""
    rng.shuffle(data)
    pool = 20 * size
    batches = []
    for start in range(0, len(data), pool):
        ordered = sorted(data[start : start + pool], key=lambda item: len(item[1]))
        batches += [ordered[i : i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(batches)
    return batches


def train_bilstm(
    sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    params: NeuralParams,
    embeddings: Embeddings,
    classes: WordClasses,
    gazetteer: Gazetteer,
) -> tuple[bytes, dict[str, Any]]:
    """Train on ``(tokens, tags)`` pairs.

    Returns:
        The ``.npz`` bytes of the weights, and the metadata :class:`BiLstmTagger` needs
        (``labels``, ``chars``, ``gazetteer_types``) plus ``params`` and ``seconds``.
    """
    import importlib

    # PyTorch is optional (``warta[ner-neural]``) and untyped here.
    torch: Any = importlib.import_module("torch")
    nn: Any = torch.nn

    torch.manual_seed(params.seed)
    rng = random.Random(params.seed)
    torch.set_num_threads(params.threads)
    labels = sorted({tag for _, tags in sentences for tag in tags})
    label_id = {t: i for i, t in enumerate(labels)}
    char_list = sorted({c for tokens, _ in sentences for t in tokens for c in t[:CHAR_LIMIT]})
    chars = {c: i + 2 for i, c in enumerate(char_list)}
    gaz_types = sorted(
        {m for tokens, _ in sentences for m in gazetteer.match([t.lower() for t in tokens]) if m}
    )
    gaz_ids = {g: i + 1 for i, g in enumerate(gaz_types)}
    data = [
        (
            _encode(
                tokens,
                embeddings=embeddings,
                chars=chars,
                classes=classes.table,
                gazetteer=gazetteer,
                gaz_ids=gaz_ids,
            ),
            [label_id[t] for t in tags],
        )
        for tokens, tags in sentences
        if tokens
    ]
    n_labels = len(labels)
    p = params

    class Net(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.tensor(embeddings.vectors), freeze=True)
            self.char_emb = nn.Embedding(len(chars) + 2, p.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(p.char_dim, p.char_filters, 3, padding=1)
            self.case_emb = nn.Embedding(7, p.case_dim)
            self.cap_emb = nn.Embedding(13, p.cap_dim)
            self.gaz_emb = nn.Embedding(len(gaz_types) + 1, p.gazetteer_dim)
            self.drop = nn.Dropout(p.dropout)
            width = embeddings.dim + p.char_filters + p.case_dim + p.cap_dim + p.gazetteer_dim
            self.lstm = nn.LSTM(width, p.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * p.hidden, n_labels)
            self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.start = nn.Parameter(torch.zeros(n_labels))
            self.end = nn.Parameter(torch.zeros(n_labels))

        def emissions(self, batch: Sequence[Any]) -> tuple[Any, Any]:
            size = len(batch)
            steps = max(len(b[0]) for b in batch)
            width = max(len(c) for b in batch for c in b[4])
            words = torch.zeros(size, steps, dtype=torch.long)
            case, cap, gaz = torch.zeros_like(words), torch.zeros_like(words), torch.zeros_like(words)
            char_ids = torch.zeros(size, steps, width, dtype=torch.long)
            char_len = torch.ones(size, steps, dtype=torch.long)
            mask = torch.zeros(size, steps, dtype=torch.bool)
            for i, (w, k, r, g, cs) in enumerate(batch):
                n = len(w)
                words[i, :n] = torch.tensor(w)
                case[i, :n] = torch.tensor(k)
                cap[i, :n] = torch.tensor(r)
                gaz[i, :n] = torch.tensor(g)
                mask[i, :n] = True
                for j, c in enumerate(cs):
                    char_ids[i, j, : len(c)] = torch.tensor(c)
                    char_len[i, j] = len(c)
            conv = torch.relu(self.conv(self.char_emb(char_ids.view(size * steps, width)).transpose(1, 2)))
            # Positions past a word's end do not take part in the max (as in numpy tagging).
            live = torch.arange(width)[None, :] < char_len.view(-1, 1)
            conv = conv.masked_fill(~live[:, None, :], float("-inf")).max(dim=2).values.view(size, steps, -1)
            x = torch.cat(
                [self.emb(words), conv, self.case_emb(case), self.cap_emb(cap), self.gaz_emb(gaz)], dim=2
            )
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), mask.sum(1), batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=steps)
            return self.out(self.drop(h)), mask

        def loss(self, batch: Sequence[Any], tags: Sequence[list[int]]) -> Any:
            em, mask = self.emissions(batch)
            size, steps, _ = em.shape
            y = torch.zeros(size, steps, dtype=torch.long)
            for i, seq in enumerate(tags):
                y[i, : len(seq)] = torch.tensor(seq)
            gold = self.start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
            alpha = self.start + em[:, 0]
            for t in range(1, steps):
                m = mask[:, t]
                gold = gold + m * (
                    self.trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t : t + 1]).squeeze(1)
                )
                step = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
                alpha = torch.where(m.unsqueeze(1), step, alpha)
            last = y.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()

    net = Net()
    optimiser = torch.optim.Adam([q for q in net.parameters() if q.requires_grad], lr=p.learning_rate)
    began = time.perf_counter()
    for epoch in range(p.epochs):
        total = 0.0
        for chunk in _batches(data, p.batch, rng):
            optimiser.zero_grad()
            loss = net.loss([x for x, _ in chunk], [y for _, y in chunk])
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach())
        logger.info(
            "epoch %d/%d: loss %.0f (%.0f s)", epoch + 1, p.epochs, total, time.perf_counter() - began
        )
    net.eval()

    def arr(t: Any) -> np.ndarray:
        out: np.ndarray = t.detach().numpy().astype(np.float16)
        return out

    lstm = net.lstm
    weights = {
        "char_emb": arr(net.char_emb.weight),
        "conv_w": arr(net.conv.weight),
        "conv_b": arr(net.conv.bias),
        "case_emb": arr(net.case_emb.weight),
        "cap_emb": arr(net.cap_emb.weight),
        "gaz_emb": arr(net.gaz_emb.weight),
        # torch keeps (4 * hidden, input) per direction with gates i, f, g, o; numpy wants
        # (input, 8 * hidden), forward gates then backward, and one bias per gate.
        "w_ih": arr(torch.cat([lstm.weight_ih_l0, lstm.weight_ih_l0_reverse], dim=0).T),
        "b_ih": arr(
            torch.cat([lstm.bias_ih_l0 + lstm.bias_hh_l0, lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse])
        ),
        "w_hh_f": arr(lstm.weight_hh_l0.T),
        "w_hh_b": arr(lstm.weight_hh_l0_reverse.T),
        "out_w": arr(net.out.weight.T),
        "out_b": arr(net.out.bias),
        "trans": arr(net.trans),
        "start": arr(net.start),
        "end": arr(net.end),
    }
    buf = io.BytesIO()
    np.savez_compressed(buf, allow_pickle=False, **weights)
    meta = {
        "labels": labels,
        "chars": char_list,
        "gazetteer_types": gaz_types,
        "params": p.as_dict(),
        "seconds": round(time.perf_counter() - began, 1),
        "torch": torch.__version__,
    }
    return buf.getvalue(), meta
