"""The briefing workflow shared by the bot and the CLI (no Telegram, no SQL): see workflow.py."""

from .intake import describe, read_report, store_report
from .options import options_key
from .ports import SENT, BriefingStore, Destination, Sender, SendResult, SendStatus
from .workflow import BriefingWorkflow, Failure, Outcome, Rendered, WorkflowConfig

__all__ = [
    "SENT", "BriefingStore", "BriefingWorkflow", "Destination", "Failure", "Outcome", "Rendered",
    "SendResult", "SendStatus", "Sender", "WorkflowConfig", "describe", "options_key",
    "read_report", "store_report",
]
