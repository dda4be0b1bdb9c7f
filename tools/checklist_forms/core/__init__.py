"""What a checklist is and the rules on it: no Sphinx, no file I/O."""
