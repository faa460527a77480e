"""powermap: a queryable model of the geopolitical system that news articles describe."""

__version__ = "0.1.0"

#: Stamped on every stored row, so that a fact can be traced to the code that produced it.
PIPELINE_VERSION = f"powermap-{__version__}"
