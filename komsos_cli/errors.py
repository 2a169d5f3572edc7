"""The one exception family of komsos.

The core raises these; the CLI turns each into one line on stderr and the
error's exit code. Nothing else in the package decides exit codes.
"""

from __future__ import annotations


class KomsosError(Exception):
    """Base of every error a user may see. `code` is the process exit code."""

    code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(KomsosError):
    """A value typed by the user (or read from a file) is not acceptable."""

    code = 2


class MissingFields(InvalidInput):
    """Required fields were not given and could not be asked for."""

    def __init__(self, message: str, fields: list[str]) -> None:
        super().__init__(message)
        self.fields = fields


class NotFound(KomsosError):
    """No entry matches the id (prefix) given."""

    code = 1


class AmbiguousId(InvalidInput):
    """An id prefix matches several entries."""


class StoreError(KomsosError):
    """The store cannot be read or written; it was left as it was."""

    code = 3


class StoreLocked(StoreError):
    """Another komsos process holds the store's lock for too long."""

    code = 4


class Cancelled(KomsosError):
    """The user said no at a confirmation prompt."""

    code = 1


class Untrusted(KomsosError):
    """A file's signature does not hold: changed after signing, broken, by a key not trusted, or
    missing where one is required (docs/trust.md). Nothing was imported."""

    code = 6
