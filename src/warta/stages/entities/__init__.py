"""Entities within an article: mentions merged per referent, with names, aliases and roles.

Plain functions do the work (:func:`merge_mentions`, :func:`find_roles`, :func:`name_form`,
and the name comparisons in :mod:`~warta.stages.entities.names`); :class:`EntityStep`
wires them to an ``Article``. The word lists under ``resources/`` load on first use.
"""

from __future__ import annotations

from warta.stages.entities.mentions import NameForm, name_form
from warta.stages.entities.merge import (
    bracketed_names,
    compatible,
    merge_mentions,
    name_forms,
    seat_of,
    spelled_out_acronyms,
)
from warta.stages.entities.names import edit_distance, fold, initials, is_acronym, is_typo_of, name_tokens
from warta.stages.entities.repair import repair_mentions, tidy_mention
from warta.stages.entities.resources import EntityResources, load_resources
from warta.stages.entities.roles import find_roles
from warta.stages.entities.step import EntityStep

__all__ = [
    "EntityResources",
    "EntityStep",
    "NameForm",
    "bracketed_names",
    "compatible",
    "edit_distance",
    "find_roles",
    "fold",
    "initials",
    "is_acronym",
    "is_typo_of",
    "load_resources",
    "merge_mentions",
    "name_form",
    "name_forms",
    "name_tokens",
    "repair_mentions",
    "seat_of",
    "spelled_out_acronyms",
    "tidy_mention",
]
