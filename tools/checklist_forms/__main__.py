from checklist_forms.cli.main import main

raise SystemExit(main())
