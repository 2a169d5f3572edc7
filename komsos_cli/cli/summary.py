"""Commands of this area register here (see komsos_cli/cli/__init__.py)."""
