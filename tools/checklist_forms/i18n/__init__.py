"""Interface words of the forms, the workbooks and the command, per language."""
