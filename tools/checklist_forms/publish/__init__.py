"""From checklists to the files the site publishes: the exported tree, form HTML, workbooks."""
