"""Summary stage: extractive summary, keyphrases and topic of an article.

Logic lives in plain functions (:mod:`.terms`, :mod:`.features`, :mod:`.rank`,
:mod:`.keyphrases`, :mod:`.topic`); :mod:`.step` wires them to an ``Article``;
:mod:`.train` rebuilds the shipped artefacts from ``../shared/data``.
"""
