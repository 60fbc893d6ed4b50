"""The ``brieflint`` command: exit codes, one-line errors, and a quick start (the app is in
``app.py``)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from brieflint.errors import DEBUG_VARIABLE, BrieflintError


def _terminate(signum: int, frame: object) -> None:
    # turn SIGTERM into an exception so that atomic writes remove their temporary files
    raise SystemExit(128 + signum)


def _safe(text: str) -> str:
    from brieflint.display import for_terminal

    return for_terminal(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: exit 0 (clean), 1 (findings), 2 (usage, config or input error)."""
    import signal

    owner = argv is None  # brieflint owns the process (the console script, python -m)
    if owner:
        signal.signal(signal.SIGTERM, _terminate)
        # Start-up imports and builds some million objects that live until exit; the collector
        # would walk them about a hundred times (30 ms of a half-second run). Collection resumes,
        # with those objects set aside (``gc.freeze``), once the command's code is loaded.
        gc.disable()
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        from brieflint.app import command_in, create_app, run

        app = create_app(command_in(args))
        if owner:
            gc.freeze()
            gc.enable()
        run(app, args)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except BrieflintError as exc:
        from brieflint.display import error_line

        print(error_line(str(exc)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("brieflint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # output piped into e.g. `head`: nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug: one line, and the traceback on request
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(
            f"brieflint: internal error: {type(exc).__name__}: {_safe(str(exc))} "
            f"(set {DEBUG_VARIABLE}=1 for a traceback, and please report it)",
            file=sys.stderr,
        )
        return 2
    finally:
        if owner:
            gc.enable()
    return 0
