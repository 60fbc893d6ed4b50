"""Worker processes that end with their parent.

A worker of a parallel run waits on a pipe from its parent; when the parent is killed outright
(``kill -9``, the out-of-memory killer) nothing closes that pipe in time and the worker would
live on, adopted by init, holding its memory. On Linux the kernel is asked to send the worker
SIGTERM when its parent dies (``prctl(PR_SET_PDEATHSIG)``); everywhere, a watcher thread also
checks once a second that the parent is still the one that started the worker, and ends the
worker when it is not.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Make this (forked) process end when the process ``parent`` does."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request above was made
        _end()
    watcher = threading.Thread(target=_watch, args=(parent,), name="orphan-watch", daemon=True)
    watcher.start()


def _watch(parent: int) -> None:
    stop = threading.Event()
    while not stop.wait(POLL_SECONDS):
        if os.getppid() != parent:
            _end()
            return


def _end() -> None:
    # SIGTERM first (brieflint turns it into an orderly exit that removes temporary files),
    # and a hard exit if that did not end the process. The signal goes to the main thread: sent
    # to the process from this thread, it would be taken by this thread, and the main thread,
    # blocked in a read (a worker waiting on its pipe), would not run the handler until the read
    # ended.
    main = threading.main_thread().ident
    with contextlib.suppress(OSError, ValueError):
        if hasattr(signal, "pthread_kill") and main is not None:
            signal.pthread_kill(main, signal.SIGTERM)
        else:
            os.kill(os.getpid(), signal.SIGTERM)
    threading.Timer(5.0, os._exit, args=(128 + signal.SIGTERM,)).start()
