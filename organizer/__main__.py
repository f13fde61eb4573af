"""Allow `python -m organizer`, which the tests use to run the real command line."""

from organizer.cli import main

raise SystemExit(main())
