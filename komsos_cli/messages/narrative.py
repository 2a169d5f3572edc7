"""Messages of the narrative commands."""

MESSAGES: dict[str, dict[str, str]] = {}
