"""Reading the catalogue from YAML files: parse, merge overlays, validate, cache."""

from ia_metiers.catalog.loader import bundled_data_dir, load, validate
from ia_metiers.core.catalog import Catalog

__all__ = ["Catalog", "bundled_data_dir", "load", "validate"]
