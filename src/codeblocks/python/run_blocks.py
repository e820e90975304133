"""Entry point of the code block harness: python3 run_blocks.py <job.json>.

Started by src/codeblocks/run.ts with the block's temporary working directory
as the current directory.
"""

import os
import sys

from lesson_harness.blocks import main

# The lesson code should see the path a script in its working directory would
# see, not this folder.
sys.path[0] = os.getcwd()
main(sys.argv[1])
