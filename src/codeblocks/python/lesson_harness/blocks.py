"""Runs one chain of code blocks in this process and reports on each.

The job file (written by src/codeblocks/run.ts) lists the blocks with their
MDX file and first line. Each block is compiled under the MDX file's name,
with its code placed on the lines it has in that file, so Python's own
tracebacks point into the lesson. stderr is merged into stdout, as in a
terminal. After each block the harness appends one JSON line to the results
file, then writes the marker to stdout, which splits the output by block.
"""

import json
import linecache
import os
import sys
import traceback
import types

from . import clock as virtual_clock
from . import network
from .errors import type_names

_HARNESS_FILES = {os.path.abspath(sys.argv[0])}


def _is_harness_frame(filename):
    return filename in _HARNESS_FILES or os.path.dirname(filename) == os.path.dirname(os.path.abspath(__file__))


def _describe(error):
    tb = error.__traceback__
    while tb is not None and _is_harness_frame(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    report = {
        "type": type(error).__name__,
        "types": type_names(error),
        "message": str(error),
        "traceback": "".join(traceback.format_exception(type(error), error, tb)),
    }
    if isinstance(error, ModuleNotFoundError) and error.name:
        top = error.name.split(".", 1)[0]
        report["missingModule"] = top
        report["missingModuleIsStandard"] = top in sys.stdlib_module_names
    return report


def _run(block, namespace):
    # Blank lines in front put the code on its own lines of the MDX file.
    source = "\n" * (block["firstLine"] - 1) + block["source"]
    try:
        exec(compile(source, block["file"], "exec", dont_inherit=True), namespace)
    except SystemExit as error:
        if error.code not in (None, 0):
            return _describe(error)
    except BaseException as error:  # noqa: BLE001 - the block's failure is the result
        return _describe(error)
    return None


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


def main(job_path):
    with open(job_path, encoding="utf-8") as file:
        job = json.load(file)
    os.dup2(1, 2)
    for name, text in job["files"].items():
        # Lets tracebacks quote the lesson's lines (mtime None: never reloaded from disk).
        linecache.cache[name] = (len(text), None, text.splitlines(True), name)

    network.install(job["network"])
    clock = virtual_clock.install() if job["clock"] == "virtual" else None

    module = types.ModuleType("__main__")
    sys.modules["__main__"] = module
    sys.argv = [job["blocks"][0]["file"]]
    marker = job["marker"].encode()

    with open(job["results"], "a", encoding="utf-8") as results:
        for block in job["blocks"]:
            started_virtual = clock.advanced if clock else 0.0
            error = _run(block, module.__dict__)
            _flush()
            record = {
                "error": error,
                "virtualSeconds": (clock.advanced - started_virtual) if clock else None,
            }
            results.write(json.dumps(record) + "\n")
            results.flush()
            os.write(1, marker)
            if error is not None and not block["expectsError"]:
                break
