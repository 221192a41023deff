"""PyInstaller's entry script: the frozen `triage-app` runs the same `main()` as the installed command."""

from __future__ import annotations

import multiprocessing
import sys

from triage_app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
