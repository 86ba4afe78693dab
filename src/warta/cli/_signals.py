"""Graceful stop for long commands: the first SIGINT or SIGTERM asks the work to stop and
keep what is done; a second SIGINT stops at once."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["graceful_stop"]


@contextmanager
def graceful_stop(on_stop: Callable[[str], None] | None = None) -> Iterator[threading.Event]:
    """An event set by the first SIGINT or SIGTERM while the block runs.

    ``on_stop`` is told which signal came (to print "stopping, keeping what is done"). A
    second SIGINT raises KeyboardInterrupt as usual. Outside the main thread (where Python
    cannot install handlers) the event is never set by a signal.
    """
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        if on_stop is not None:
            on_stop(signal.Signals(signum).name)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
