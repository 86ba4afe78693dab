"""The benchmarks' entity types and their mapping onto warta's labels."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["HARMONISE", "harmonise"]

# Every benchmark's types onto the production label set; anything else becomes O.
HARMONISE: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "IND": "ORG",
    "EVT": "EVT",
}


def harmonise(labels: Sequence[str]) -> list[str]:
    """Map benchmark tags onto PER/ORG/LOC/EVT (others become ``O``).

    Example:
        >>> harmonise(["B-PPL", "I-PPL", "B-FNB", "B-IND"])
        ['B-PER', 'I-PER', 'O', 'B-ORG']
    """
    out = []
    for tag in labels:
        typ = HARMONISE.get(tag[2:]) if tag != "O" else None
        out.append(f"{tag[:2]}{typ}" if typ else "O")
    return out
