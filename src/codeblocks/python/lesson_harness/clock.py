"""The virtual clock: sleeping costs no real time, and every clock agrees.

`time.sleep` in the main thread, and every asyncio timer, move one shared
counter forward instead of waiting. `time.time`, `time.monotonic` and
`time.perf_counter` (and their `_ns` forms) read that counter, so a block that
sleeps 3 seconds reports exactly 3.00 seconds in a few milliseconds.

A sleep only jumps the clock when nothing real is in flight: a child process
still running (`subprocess.Popen`, asyncio's subprocesses, `os.fork`), another
live thread, or work handed to a thread pool (`executor.submit`,
`run_in_executor`, `asyncio.to_thread`); for the event loop also a socket or
pipe other than its own wake-up pipe. Otherwise it waits for real, bounded by
the sleep (or the next timer), and the clock moves by the time really waited,
so work the block waits for is never skipped, and a timeout still fires if
that work is too slow. Once nothing real is pending, the rest is jumped.

Standard modules imported by the harness before the patch (asyncio,
subprocess, threading, queue, socket) keep the real clock for their own
timeouts, so a `subprocess.run(timeout=...)` still ends.

Not virtual: CPU time (work between sleeps takes no virtual time), sleeps in
other threads (real, so a thread's work is never skipped), and C-level clocks
such as `datetime.now()`.

The clock counts at most MAX_VIRTUAL_SECONDS (2**32 s, about 136 years) in
all. Its readings are floats: `time.time()` starts near 1.8e9, and past 2**33
(8.6e9) a float cannot tell two instants a microsecond apart. A sleep or timer
that would go further (`time.sleep(1e300)`, `asyncio.sleep(math.inf)`) fails
at once, saying so, instead of spinning on a clock that can no longer move;
NaN fails as it does on the real clock. The event loop treats timers due
within a microsecond as due (asyncio's default is the real clock's
nanosecond, which a float near 2**24 can no longer add, so a long virtual
sleep used to spin forever on a timer that was never quite due).
"""

import asyncio
import concurrent.futures
import concurrent.futures.thread
import functools
import math
import os
import selectors
import subprocess
import threading
import time
import warnings
import weakref

# Captured before anything is patched: the selector measures real waits.
_real_monotonic = time.monotonic
_real_sleep = time.sleep

_CLOCKS = ("time", "monotonic", "perf_counter")
NANOSECONDS = 1_000_000_000
# How often a real wait checks again whether the work it waits for is done:
# nothing wakes a sleeper when a thread or a child process ends.
_POLL_SECONDS = 0.005
# The most virtual seconds a process may sleep in all (see the module docstring).
MAX_VIRTUAL_SECONDS = 2**32
# Timers of the virtual event loop due within this many seconds count as due.
_LOOP_RESOLUTION = 1e-6


def _check_sleep(clock, seconds, what):
    """Fails a sleep or timer the virtual clock cannot represent, saying why."""
    if math.isnan(seconds):
        raise ValueError(f"{what}: invalid value NaN (not a number)")
    if seconds > MAX_VIRTUAL_SECONDS - clock.advanced:
        raise OverflowError(
            f"{what} of {seconds!r} s is longer than the virtual clock can represent: it counts at most "
            f"2**32 seconds (about 136 years) in all, beyond which its float readings lose microsecond "
            f"resolution; sleep less, or give the block the `realtime` setting to sleep for real"
        )


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
        _check_sleep(self, seconds, "time.sleep")
        # Other threads sleep for real: their work must not be skipped, and
        # sleeps in the main thread and the event loop wait for them.
        if threading.current_thread() is not threading.main_thread():
            _real_sleep(seconds)
            return
        _real_sleep(0)  # still give other threads their turn, as a real sleep would
        # The block may be sleeping to let real work finish (a child process, a
        # thread): wait for real while it lasts, then jump the rest. The clock
        # follows the real time since the sleep began, the checks included.
        started = _real_monotonic()
        waited = 0.0
        while waited < seconds and _real_work_pending():
            _real_sleep(min(seconds - waited, _POLL_SECONDS))
            now = min(_real_monotonic() - started, seconds)
            self.advance(now - waited)
            waited = now
        self.advance(seconds - waited)


# Work handed to thread pools (asyncio's executor included); weak, so
# finished and forgotten futures drop out by themselves.
_thread_work = weakref.WeakSet()
_original_submit = concurrent.futures.ThreadPoolExecutor.submit


@functools.wraps(_original_submit)
def _tracking_submit(self, fn, /, *args, **kwargs):
    future = _original_submit(self, fn, *args, **kwargs)
    _thread_work.add(future)
    return future


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


# Process ids of children started by subprocess.Popen (asyncio's subprocesses
# too) or os.fork; dropped once they have exited.
_children = set()
_original_popen_init = subprocess.Popen.__init__
_original_fork = os.fork


@functools.wraps(_original_popen_init)
def _tracking_popen_init(self, *args, **kwargs):
    _original_popen_init(self, *args, **kwargs)
    _children.add(self.pid)


@functools.wraps(_original_fork)
def _tracking_fork():
    pid = _original_fork()
    if pid:
        _children.add(pid)
    return pid


def _children_running():
    for pid in list(_children):
        try:
            # WNOWAIT: only look. Reaping belongs to the Popen object or asyncio,
            # which would otherwise lose the exit status.
            exited = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            exited = True  # already reaped
        if exited is None:
            return True
        _children.discard(pid)
    return False


def _real_work_pending():
    """Whether a thread or child process is still at work (sockets are the event loop's business)."""
    return _thread_work_pending() or _children_running()


class _FastForwardSelector(selectors.BaseSelector):
    """Wraps the loop's selector: a wait with nothing real pending is a jump of the clock."""

    def __init__(self, inner, loop, clock):
        self._inner = inner
        self._loop = loop
        self._clock = clock
        # Real time at which the last wait ended as a slice with nothing to do.
        self._slice_ended = None

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

    def _sockets_pending(self):
        wake_up = getattr(self._loop, "_ssock", None)
        wake_up_fd = wake_up.fileno() if wake_up is not None else -1
        return any(key.fd != wake_up_fd for key in self._inner.get_map().values())

    def select(self, timeout=None):
        resumed, self._slice_ended = self._slice_ended, None
        if timeout is not None and timeout <= 0:
            return self._inner.select(timeout)
        unwatched = _real_work_pending()
        if timeout is not None and not unwatched and not self._sockets_pending():
            # asyncio waits at most a day at a time; jump straight to the next timer.
            timeout = max(timeout, self._loop._next_timer_in())
            ready = self._inner.select(0)
            if not ready:
                self._clock.advance(timeout)
            return ready
        # Real work is in flight: wait for real, bounded by the next timer. The
        # selector wakes for sockets and pipes, but not when a thread or child
        # process ends, so those are waited for in short slices; the loop's own
        # work between two slices counts as waiting too (it is part of the wait).
        wait = timeout
        if unwatched:
            wait = _POLL_SECONDS if timeout is None else min(timeout, _POLL_SECONDS)
        started = resumed if resumed is not None else _real_monotonic()
        ready = self._inner.select(wait)
        ended = _real_monotonic()
        waited = ended - started
        if timeout is not None and (waited >= timeout or (not ready and wait == timeout)):
            waited = timeout  # the next timer is due: land on it exactly
        elif not ready and wait != timeout:
            self._slice_ended = ended
        self._clock.advance(waited)
        return ready


class VirtualClockEventLoop(asyncio.SelectorEventLoop):
    """The default event loop, with `time()` read from the virtual clock."""

    def __init__(self, clock):
        self._virtual_clock = clock
        super().__init__(_FastForwardSelector(selectors.DefaultSelector(), self, clock))
        self._clock_resolution = _LOOP_RESOLUTION

    def time(self):
        return self._virtual_clock.read("monotonic")

    def call_at(self, when, callback, *args, context=None):
        # asyncio.sleep, call_later and timeouts all come through here.
        _check_sleep(self._virtual_clock, when - self.time(), "an asyncio sleep or timer")
        return super().call_at(when, callback, *args, context=context)

    def _next_timer_in(self):
        scheduled = self._scheduled
        return scheduled[0].when() - self.time() if scheduled else 0.0


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
    concurrent.futures.ThreadPoolExecutor.submit = _tracking_submit
    if hasattr(os, "waitid"):  # only where a child can be looked at without reaping it
        subprocess.Popen.__init__ = _tracking_popen_init
        os.fork = _tracking_fork
    # A forked child has none of its parent's children or threads.
    os.register_at_fork(after_in_child=_children.clear)
    os.register_at_fork(after_in_child=_thread_work.clear)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.set_event_loop_policy(_policy_class()(clock))
    return clock
