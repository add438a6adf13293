from natoplanner.app import main

raise SystemExit(main())
