"""Where the shared training and evaluation data lives.

warta never looks for data by walking up from where it is installed: the data root is given
(``--data``), or set in ``WARTA_DATA``, or else ``../shared/data`` from the current folder
(the layout of a checkout with the shared data beside it).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_ENV", "data_root"]

DATA_ENV = "WARTA_DATA"


def data_root(explicit: str | Path | None = None) -> Path:
    """The data root: ``explicit``, else ``$WARTA_DATA``, else ``../shared/data``.

    Example:
        >>> data_root("/srv/data")
        PosixPath('/srv/data')
    """
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return Path("..") / "shared" / "data"
