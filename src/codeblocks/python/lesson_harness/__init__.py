"""The Python side of the code block tests: see blocks.py (entry), clock.py, network.py."""
