"""Comparing two versions of a concept (`ik diff`): what changed since the council decided."""

from __future__ import annotations

from ..source.git import VersionInfo, version_info
from .changes import Diff, FieldChange, ItemChange
from .compare import compare
from .report import FORMATS, diff_dict, format_diff, format_markdown, format_text
from .versions import compare_versions, last_beschluss_rev

__all__ = [
    "FORMATS", "Diff", "FieldChange", "ItemChange", "VersionInfo", "compare",
    "compare_versions", "diff_dict", "format_diff", "format_markdown",
    "format_text", "last_beschluss_rev", "version_info",
]
