"""The ``ia-metiers`` command line, a thin layer over the library."""
