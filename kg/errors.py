"""One base exception for minsheng-kg and a few subclasses.

Every message names the bad value and what was expected, so a CLI can print
``str(error)`` as is.
"""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error raised on purpose by `kg`."""


class IngestError(KGError):
    """A file could not be read as a document.

    `path` is the file, `reason` says what was wrong with it, e.g.
    ``"empty file"`` or ``"binary content (PNG image), not text"``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # keep picklable across process pools
        return (type(self), (self.path, self.reason))


class StoreError(KGError):
    """The triple store could not be opened, read or written."""


class QueryError(KGError):
    """A query is unknown, malformed or was given bad parameters."""


class ConfigError(KGError):
    """A configuration value is missing or invalid.

    Either ``ConfigError("free message")`` or
    ``ConfigError(key, value, expected)``, which renders as
    ``invalid value 'x' for key: expected ...``.
    """

    def __init__(self, *args: object) -> None:
        if len(args) == 3:
            key, value, expected = args
            super().__init__(f"invalid value {value!r} for {key}: expected {expected}")
            self.key, self.value, self.expected = key, value, expected
        else:
            super().__init__(*args)
            self.key = self.value = self.expected = None
        self._args = args

    def __reduce__(self):
        return (type(self), self._args)
