"""Allow ``python -m ia_metiers``."""

from ia_metiers.cli.app import main

main()
