"""Runs a lesson's blocks in the reader's browser: Pyodide in a Web Worker.

The same virtual clock as `npm test` (clock.py) drives the run, so
"Main coroutine finished in 3.00 seconds" prints exactly, and at once. What
differs from the test harness is only what a browser tab lacks:

- No sockets or pipes, so asyncio's selector event loop cannot start (it needs
  a self-pipe), and Pyodide's own loop needs WebAssembly stack switching for
  `asyncio.run()`, which not every browser has. `BrowserEventLoop` is the
  standard `BaseEventLoop` with a selector that never waits for I/O: a wait
  for the next timer jumps the virtual clock (or, on the real clock, sleeps
  for real, which blocks only the worker). `asyncio.run` is replaced by one
  that runs on this loop.
- No threads: `run_in_executor` (and so `asyncio.to_thread`) runs the function
  at once, as Pyodide's own loop does.
- No terminal: `input()` fails at once with EOFError, saying why.

Each run gets a fresh `__main__` namespace and a clock starting at the same
whole-second readings; a `continue` chain runs its earlier blocks first,
quietly. A block's traceback counts lines from 1 in that block, as the editor
shows it, and leaves out this module's frames.
"""

import asyncio
import builtins
import contextlib
import io
import linecache
import sys
import time
import traceback
import types

from . import clock as virtual_clock
from .errors import type_names

_READERS = [name for base in virtual_clock._CLOCKS for name in (base, f"{base}_ns")]
_REAL_TIME = {name: getattr(time, name) for name in _READERS}
_REAL_TIME["sleep"] = time.sleep
_REAL_ASYNCIO_RUN = asyncio.run


class DeadlockError(RuntimeError):
    """The event loop has nothing scheduled and nothing can wake it."""


class _NeverWaitingSelector:
    """What BaseEventLoop asks for I/O: there is none, so a wait is only for the next timer."""

    def __init__(self, clock):
        self._clock = clock

    def select(self, timeout=None):
        if timeout is None:
            # On a machine this would hang for ever; in a browser tab nothing can ever wake it.
            raise DeadlockError(
                "the program waits for something that can never happen: no task is ready and no timer is set "
                "(an awaited future that nothing completes?)"
            )
        if timeout > 0:
            if self._clock is None:
                _REAL_TIME["sleep"](timeout)
            else:
                self._clock.advance(timeout)
        return []

    def close(self):
        pass


class BrowserEventLoop(asyncio.BaseEventLoop):
    """asyncio's base loop over the virtual clock (or the real one), with no I/O and no threads."""

    def __init__(self, clock=None):
        super().__init__()
        self._virtual_clock = clock
        self._selector = _NeverWaitingSelector(clock)
        if clock is not None:
            self._clock_resolution = virtual_clock._LOOP_RESOLUTION

    def time(self):
        if self._virtual_clock is None:
            return _REAL_TIME["monotonic"]()
        return self._virtual_clock.read("monotonic")

    def call_at(self, when, callback, *args, context=None):
        if self._virtual_clock is not None:
            virtual_clock._check_sleep(self._virtual_clock, when - self.time(), "an asyncio sleep or timer")
        return super().call_at(when, callback, *args, context=context)

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def run_in_executor(self, executor, func, *args):
        future = self.create_future()
        try:
            future.set_result(func(*args))
        except BaseException as error:  # noqa: BLE001 - the future carries it, as a thread pool's would
            future.set_exception(error)
        return future

    async def shutdown_default_executor(self, timeout=None):
        pass


def _use_clock(clock):
    """Points `time` at the virtual clock, or back at the real one (clock None)."""
    for name in _READERS:
        setattr(time, name, _REAL_TIME[name] if clock is None else virtual_clock._reader(clock, name))
    time.sleep = _REAL_TIME["sleep"] if clock is None else clock.sleep


def _asyncio_run(clock):
    def run(main, *, debug=None, loop_factory=None):
        # Pyodide keeps its own loop marked as running; ours runs inside it.
        outer = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        try:
            factory = loop_factory or (lambda: BrowserEventLoop(clock))
            with asyncio.Runner(debug=debug, loop_factory=factory) as runner:
                return runner.run(main)
        finally:
            asyncio.events._set_running_loop(outer)

    run.__doc__ = _REAL_ASYNCIO_RUN.__doc__
    return run


def _no_input(prompt=""):
    """input(): a page has no terminal to type into; fail at once, saying so, instead of waiting."""
    sys.stdout.write(str(prompt))
    sys.stdout.flush()
    raise EOFError("input() has no keyboard to read from here; put the value in the code instead")


def _describe(error, block_names):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename not in block_names:
        tb = tb.tb_next
    return {
        "type": type(error).__name__,
        "types": type_names(error),
        "message": str(error),
        "traceback": "".join(traceback.format_exception(type(error), error, tb)),
    }


def _execute(block, namespace):
    try:
        exec(compile(block["code"], block["name"], "exec", dont_inherit=True), namespace)
    except SystemExit as error:
        if error.code not in (None, 0):
            raise
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()


def run_blocks(blocks, clock_mode):
    """Runs the blocks (dicts: code, name, quiet) in one fresh namespace; returns the result dict.

    `error` is the first exception of a shown block (its traceback also goes to
    stderr, as Python prints it); `contextFailed` says a quiet block raised.
    """
    _use_clock(None)  # a new clock starts from the real readings, not the last run's
    clock = virtual_clock.VirtualClock() if clock_mode == "virtual" else None
    _use_clock(clock)
    builtins.input = _no_input
    asyncio.run = _asyncio_run(clock)
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = module
    names = {block["name"] for block in blocks}
    for block in blocks:
        code = block["code"]
        # Tracebacks quote the block's own lines (mtime None: never reloaded from disk).
        linecache.cache[block["name"]] = (len(code), None, code.splitlines(True), block["name"])
    sys.argv = [blocks[-1]["name"]] if blocks else [""]
    for block in blocks:
        quiet = block["quiet"]
        try:
            if quiet:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    _execute(block, module.__dict__)
            else:
                _execute(block, module.__dict__)
        except BaseException as error:  # noqa: BLE001 - the block's failure is the result
            report = _describe(error, names)
            if quiet:
                return {"error": report, "contextFailed": True}
            sys.stderr.write(report["traceback"])
            sys.stderr.flush()
            return {"error": report, "contextFailed": False}
    return {"error": None, "contextFailed": False}
