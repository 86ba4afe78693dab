"""The token pattern of the NER word classes and gazetteer: words with inner hyphens,
apostrophes, dots, commas and slashes kept whole ("Bangka-Belitung", "Jum'at", "1.250")."""

from __future__ import annotations

import re

__all__ = ["NAME_TOKEN"]

NAME_TOKEN = re.compile(r"\w+(?:[-'’.,/]\w+)*|[^\w\s]")
