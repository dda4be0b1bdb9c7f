"""Benchmarks of the handbook's checklist engine (``nox -s bench``).

Every goal is a ratio measured inside one run, so a shared or slower machine changes the
absolute times but not the verdicts. ``python -m benchmarks.run --quick`` is the smoke
version the tests run.
"""
