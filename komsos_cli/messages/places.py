"""Messages of the places commands."""

MESSAGES: dict[str, dict[str, str]] = {}
