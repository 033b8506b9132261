"""startpakke — the facilitator's companion for establishing a barnevernledernettverk."""

import os

__version__ = "0.1.0"

# The first time a pydantic model is built, pydantic scans every installed package's entry
# points for plugins (about 30 ms at start-up). startpakke uses no pydantic plugins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
