"""Messages of the summary commands."""

MESSAGES: dict[str, dict[str, str]] = {}
