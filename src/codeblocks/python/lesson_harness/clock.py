"""The virtual clock: sleeping costs no real time, and every clock agrees.

`time.sleep` in the main thread, and every asyncio timer, move one shared
counter forward instead of waiting. `time.time`, `time.monotonic` and
`time.perf_counter` (and their `_ns` forms) read that counter, so a block that
sleeps 3 seconds reports exactly 3.00 seconds in a few milliseconds.

The event loop only jumps to its next timer when nothing real is in flight:
a socket or pipe other than the loop's own wake-up pipe, work handed to a
thread (`run_in_executor`, `asyncio.to_thread`, `wrap_future`) or another live
thread (asyncio's subprocess watchers are threads). Then it waits for real,
bounded by the next timer, and the clock moves by the time really waited, so a
timeout still fires if the real work is too slow.

Standard modules imported by the harness before the patch (asyncio,
subprocess, threading, queue, socket) keep the real clock for their own
timeouts, so a `subprocess.run(timeout=...)` still ends.

Not virtual: CPU time (work between sleeps takes no virtual time), sleeps in
other threads (real, so a thread's work is never skipped), and C-level clocks
such as `datetime.now()`.
"""

import asyncio
import asyncio.futures
import concurrent.futures
import concurrent.futures.thread
import functools
import selectors
import threading
import time
import warnings
import weakref

# Captured before anything is patched: the selector measures real waits.
_real_monotonic = time.monotonic
_real_sleep = time.sleep

_CLOCKS = ("time", "monotonic", "perf_counter")
NANOSECONDS = 1_000_000_000


class VirtualClock:
    """One counter of virtual seconds, read through every patched clock."""

    def __init__(self):
        self._lock = threading.Lock()
        self.advanced = 0.0
        # Whole-second starting points keep differences of whole-second sleeps exact.
        self._bases = {name: int(getattr(time, name)()) for name in _CLOCKS}

    def advance(self, seconds):
        with self._lock:
            self.advanced += seconds

    def read(self, clock):
        return self._bases[clock] + self.advanced

    def read_ns(self, clock):
        return self._bases[clock] * NANOSECONDS + round(self.advanced * NANOSECONDS)

    def sleep(self, seconds):
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        # Other threads sleep for real: their work must not be skipped, and the
        # event loop waits for them (see _FastForwardSelector).
        if threading.current_thread() is not threading.main_thread():
            _real_sleep(seconds)
            return
        _real_sleep(0)  # still give other threads their turn, as a real sleep would
        self.advance(seconds)


# asyncio futures that wait for work in another thread; weak, so finished
# and forgotten ones drop out by themselves.
_thread_work = weakref.WeakSet()
_original_wrap_future = asyncio.futures.wrap_future


def _tracking_wrap_future(future, *, loop=None):
    wrapped = _original_wrap_future(future, loop=loop)
    if isinstance(future, concurrent.futures.Future):
        _thread_work.add(wrapped)
    return wrapped


def _thread_work_pending():
    if any(not future.done() for future in list(_thread_work)):
        return True
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is current or thread is threading.main_thread():
            continue
        # An idle thread-pool worker stays alive, waiting for the next job; its
        # jobs are tracked above.
        if getattr(thread, "_target", None) is concurrent.futures.thread._worker:
            continue
        return True
    return False


class _FastForwardSelector(selectors.BaseSelector):
    """Wraps the loop's selector: a wait with nothing real pending is a jump of the clock."""

    def __init__(self, inner, loop, clock):
        self._inner = inner
        self._loop = loop
        self._clock = clock

    def register(self, fileobj, events, data=None):
        return self._inner.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._inner.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._inner.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self._inner.get_key(fileobj)

    def get_map(self):
        return self._inner.get_map()

    def close(self):
        self._inner.close()

    def _real_work_pending(self):
        wake_up = getattr(self._loop, "_ssock", None)
        wake_up_fd = wake_up.fileno() if wake_up is not None else -1
        if any(key.fd != wake_up_fd for key in self._inner.get_map().values()):
            return True
        return _thread_work_pending()

    def select(self, timeout=None):
        if timeout is not None and timeout <= 0:
            return self._inner.select(timeout)
        if timeout is not None and not self._real_work_pending():
            ready = self._inner.select(0)
            if not ready:
                self._clock.advance(timeout)
            return ready
        started = _real_monotonic()
        ready = self._inner.select(timeout)
        waited = _real_monotonic() - started
        self._clock.advance(timeout if timeout is not None and (not ready or waited > timeout) else waited)
        return ready


class VirtualClockEventLoop(asyncio.SelectorEventLoop):
    """The default event loop, with `time()` read from the virtual clock."""

    def __init__(self, clock):
        self._virtual_clock = clock
        super().__init__(_FastForwardSelector(selectors.DefaultSelector(), self, clock))

    def time(self):
        return self._virtual_clock.read("monotonic")


def _policy_class():
    # The policy API is deprecated from Python 3.14 on, but it is still the one
    # hook that asyncio.run, new_event_loop and get_event_loop all go through.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        base = asyncio.DefaultEventLoopPolicy

    class VirtualClockPolicy(base):
        def __init__(self, clock):
            super().__init__()
            self._virtual_clock = clock

        def new_event_loop(self):
            return VirtualClockEventLoop(self._virtual_clock)

    return VirtualClockPolicy


def _reader(clock, name):
    original = getattr(time, name)
    nanoseconds = name.endswith("_ns")
    which = name.removesuffix("_ns")

    @functools.wraps(original)
    def read():
        return clock.read_ns(which) if nanoseconds else clock.read(which)

    return read


def install():
    """Patches `time` and asyncio for the rest of this process; returns the clock."""
    clock = VirtualClock()
    for name in _CLOCKS:
        setattr(time, name, _reader(clock, name))
        setattr(time, f"{name}_ns", _reader(clock, f"{name}_ns"))

    @functools.wraps(_real_sleep)
    def sleep(seconds):
        clock.sleep(seconds)

    time.sleep = sleep
    asyncio.futures.wrap_future = asyncio.wrap_future = _tracking_wrap_future
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.set_event_loop_policy(_policy_class()(clock))
    return clock
