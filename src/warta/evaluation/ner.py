"""``warta eval ner``: score a shipped NER model on a gold file.

Nothing is trained here. The model is the one named, or else the shipped model
whose training types match the file's: NER-UI's PERSON/LOCATION/ORGANIZATION picks
``nerui``, the same plus QUANTITY/TIME picks ``nerugm``, PPL/PLC/IND/... picks
``nerp``, and so on. Those are the models refit on train+dev, meant for the held-out
test splits; their train-only twins (``nerui-train``, ..., whose dev scores are held
out) are never picked, only named. A harmonised model (``news``) is scored on the
file's tags mapped to PER/ORG/LOC/EVT.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from warta.errors import EvaluationError
from warta.evaluation.conll import NerFormat, NerSentence, entity_types, read_ner_file, score_entities
from warta.stages.ner.labels import harmonise
from warta.stages.ner.model import available_models, load_model

__all__ = ["evaluate_ner", "pick_model", "recase", "tag_sentences"]


def recase(tokens: Sequence[str], caps: dict[str, tuple[str, ...]]) -> list[str]:
    """Restore capitals in lower-cased text: words that news mostly writes capitalised.

    The cap ratio comes from the word-class table (``cap`` column, in tenths); a word
    written with a capital at least 6 times in 10 away from a sentence start gets one.
    The sentence's first word is capitalised too, as news would write it.

    Example:
        >>> recase(["banjir", "di", "manado"], {"manado": ("1", "2", "3", "10", "9")})
        ['Banjir', 'di', 'Manado']
    """
    out = []
    for i, tok in enumerate(tokens):
        row = caps.get(tok)
        cap = row[-2] if row is not None else "-"
        if (cap != "-" and int(cap) >= 6) or (i == 0 and tok[:1].isalpha()):
            tok = tok[:1].upper() + tok[1:]
        out.append(tok)
    return out


def tag_sentences(
    tag_many: Callable[[list[list[str]]], list[list[str]]], sentences: Sequence[NerSentence]
) -> tuple[list[list[str]], float]:
    """Tag every sentence with a batch tagger (``NerModel.tag_many``); returns the tags and
    the seconds it took (features included)."""
    began = time.perf_counter()
    tags = tag_many([s.tokens for s in sentences])
    return tags, time.perf_counter() - began


@lru_cache(maxsize=1)
def _model_types() -> dict[str, tuple[frozenset[str], bool]]:
    """Model name -> (types it was trained on, harmonised?) from the shipped metadata.

    Train-only twins (metadata ``twin_of``) are left out: they are used only when named.
    """
    folder = resources.files("warta.stages.ner").joinpath("resources")
    out: dict[str, tuple[frozenset[str], bool]] = {}
    for name in available_models():
        meta = json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))
        if meta.get("twin_of"):
            continue
        out[name] = (frozenset(meta.get("source_types", [])), bool(meta.get("harmonised")))
    return out


def pick_model(types: set[str]) -> str:
    """The shipped model for a gold file's entity types.

    The model trained on exactly these types wins; else the smallest one whose
    types include them; else the production model ``news``. A benchmark's train-only
    twin (``nerp-train``) is never picked: its refit on train+dev (``nerp``) is.

    Example:
        >>> pick_model({"PPL", "PLC", "IND", "EVT", "FNB"})
        'nerp'
    """
    known = _model_types()
    exact = [n for n, (t, h) in known.items() if t == types and not h]
    if exact:
        return sorted(exact)[0]
    supersets = sorted((len(t), n) for n, (t, h) in known.items() if types <= t and not h)
    if supersets:
        return supersets[0][1]
    return "news"


def evaluate_ner(path: Path, *, format: NerFormat, model: str | None = None) -> dict[str, Any]:
    """Entity-level scores of a shipped model on a gold NER file.

    Returns:
        ``precision``, ``recall``, ``f1``, ``support``, ``per_label`` (see
        :func:`~warta.evaluation.conll.score_entities`), plus ``model``, ``data``,
        ``sentences``, ``tokens``, ``seconds`` and ``tokens_per_second`` (tagging,
        features included, after the model is loaded).

    Raises:
        EvaluationError: unreadable gold file or unknown model.
    """
    from warta.errors import ResourceError

    gold = read_ner_file(path, format=format)
    name = model or pick_model(entity_types(gold))
    try:
        tagger = load_model(name)
    except ResourceError as exc:
        raise EvaluationError(exc.message, source=str(path)) from exc
    lowercase_input = all(t == t.lower() for s in gold[:200] for t in s.tokens)
    tagger.tag(["Pemanasan"])  # warm up outside the timing
    if tagger.meta.get("harmonised"):
        shipped = {f"-{t}" for t in tagger.meta.get("source_types", [])}
        # Types the model does not tag (EVT for ``news``) are left out of the gold side too.
        gold_tags = [[t if t[1:] in shipped or t == "O" else "O" for t in harmonise(s.labels)] for s in gold]
        if lowercase_input:
            # A lower-cased file (NERP) is recased as the production model saw it in training.
            from warta.stages.ner.model import shared_classes

            caps = shared_classes().table
            tags, seconds = tag_sentences(lambda ss: tagger.tag_many([recase(t, caps) for t in ss]), gold)
        else:
            tags, seconds = tag_sentences(tagger.tag_many, gold)
    else:
        gold_tags = [s.labels for s in gold]
        tags, seconds = tag_sentences(tagger.tag_many, gold)
    tokens = sum(len(s.tokens) for s in gold)
    return {
        **score_entities(gold_tags, tags),
        "benchmark": f"ner/{Path(path).parent.name}/{Path(path).name}",
        "data": str(path),
        "format": format,
        "model": name,
        "sentences": len(gold),
        "tokens": tokens,
        "seconds": round(seconds, 4),
        "tokens_per_second": round(tokens / seconds) if seconds > 0 else None,
    }
