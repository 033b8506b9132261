from startpakke.cli import main

raise SystemExit(main())
