"""Named-entity recognition: a CRF over lexical features, word classes and gazetteers.

Plain functions do the work (:mod:`~warta.stages.ner.features`,
:mod:`~warta.training.ner`, :mod:`~warta.evaluation.ner`);
:class:`~warta.stages.ner.step.NerStep` wires a shipped model to an ``Article``.
Importing this package reads no model: models, word classes and the gazetteer load
on first use, once per process.
"""

from __future__ import annotations

__all__: list[str] = []
