"""Allow ``python -m ia_metiers``."""

from ia_metiers.cli import main

main()
