"""Building warta's artefacts from ``../shared/data``: the NER models (:mod:`.ner`, with the
BiLSTM-CRF of :mod:`.neural`), the summary ranker, topic model and term tables
(:mod:`.summary`). ``warta build ...`` runs them; the data root is an option
(``--data``) or ``WARTA_DATA`` (:func:`warta.paths.data_root`).

This layer sits above the stages (it imports them and the evaluation readers); nothing
below it imports it.
"""
