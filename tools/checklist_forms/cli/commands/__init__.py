"""One module per command (or pair of sibling commands), each with ``run(args) -> int``.

A command imports the engine it needs inside its own module, so running one command
never pays for the others' imports.
"""
