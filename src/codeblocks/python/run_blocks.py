"""Entry point of the code block harness: python3 run_blocks.py <job.json>.

Started by src/codeblocks/run.ts, inside the sandbox (src/codeblocks/sandbox.ts),
with the block's temporary working directory as the current directory.
"""

import os
import resource
import sys

from lesson_harness.blocks import main

# Limits the sandbox itself does not set (bubblewrap has no cgroups): a block,
# and everything it starts, inherits them and cannot raise them. They bound a
# fork bomb, a memory hog and a file that fills the disk; an ordinary lesson
# stays far below each.
LIMITS = {
    resource.RLIMIT_NPROC: 256,  # processes and threads of the sandbox's user
    resource.RLIMIT_AS: 4 * 1024**3,  # bytes of address space per process
    resource.RLIMIT_FSIZE: 64 * 1024**2,  # bytes per file written
}
for limit, value in LIMITS.items():
    _, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(limit, (value, value))

# The lesson code should see the path a script in its working directory would
# see, not this folder.
sys.path[0] = os.getcwd()
main(sys.argv[1])
