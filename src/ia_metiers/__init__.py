"""ia-metiers: an offline career advisor for the AI job market in France."""

__version__ = "0.1.0"
