"""Delivery: the brief as an email (placeholder until issue 7 lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.config import EmailSettings
from briefgen.errors import DeliveryError
from briefgen.model import Brief


@dataclass
class DeliveryReport:
    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.refused

    def summary(self) -> str:
        return f"sent to {len(self.accepted)} recipients"


def send_brief(
    pdf: Path, brief: Brief | None, settings: EmailSettings, to: list[str], reporter: Any = None
) -> DeliveryReport:
    raise DeliveryError("email delivery is not built yet")


def email_command(
    pdf: Path,
    settings: EmailSettings,
    to: list[str],
    eml: Path | None = None,
    dry_run: bool = False,
) -> int:
    raise DeliveryError("email delivery is not built yet")
