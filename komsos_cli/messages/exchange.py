"""Messages of the exchange commands."""

MESSAGES: dict[str, dict[str, str]] = {}
