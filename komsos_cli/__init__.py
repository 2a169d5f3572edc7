"""komsos: the field-report logger for Babinsa.

The core (entries, store, query, dates, model) can be used without the CLI.
"""

__version__ = "0.1.0"
