"""From filled forms and workbooks back to verdicts, reports, comparisons and job ads."""
