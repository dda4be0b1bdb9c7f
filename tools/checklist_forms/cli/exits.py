"""Exit codes of ``checklist-forms``: 0 success, 1 a check failed, 2 unusable input."""

OK, FAILED, UNUSABLE = 0, 1, 2
