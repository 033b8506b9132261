from startpakke.launch import main

raise SystemExit(main())
