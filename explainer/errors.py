"""Errors that point an editor at a file and a line, and say how to fix it."""

from __future__ import annotations


class ExplainerError(Exception):
    """Base class: ``str()`` is one line, ``file:line: what (fix: how)``."""

    def __init__(self, file: str, line: int | None, what: str, fix: str | None = None):
        self.file, self.line, self.what, self.fix = file, line, what, fix
        super().__init__(self.format())

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what}" + (f" (fix: {self.fix})" if self.fix else "")


class SeedError(ExplainerError):
    """A seed file that cannot be read or parsed; the other seeds still build."""


class CorrectionError(ExplainerError):
    """A correction file that cannot be read or does not match its seed."""
