"""Fixtures shared by the SDK tests.

The suite runs strict (`OFFCLOUD_STRICT=1`, inherited by the CLI's subprocesses): the spec, the
fixtures and the sandbox are our one reading of the API and must agree exactly. Tests of the
lenient default pass `strict=False` (or clear the variable) themselves.
"""

import os

from cli_support import served
from sdk_support import harness

os.environ["OFFCLOUD_STRICT"] = "1"

__all__ = ["harness", "served"]
