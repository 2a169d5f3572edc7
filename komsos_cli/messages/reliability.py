"""Messages of the reliability commands."""

MESSAGES: dict[str, dict[str, str]] = {}
