from brieflint.cli import main

raise SystemExit(main())
