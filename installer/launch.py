"""The bundle's entry script: the package's own entry point, imported as a package so its
relative imports work (PyInstaller runs this file as __main__)."""

import sys

from nclm_desktop.__main__ import main

sys.exit(main())
