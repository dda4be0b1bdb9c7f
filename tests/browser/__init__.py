"""Browser tests (a package, so this folder's conftest and test modules never shadow
the ones in tests/: the other tests import names from tests/conftest.py)."""
