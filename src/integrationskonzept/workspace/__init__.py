"""The Landkreis workspace: a Kreis concept and the concepts of its Gemeinden.

A Landkreis names its members in konzept.yaml (``gemeinden:``); each member stays a
complete concept that validates and builds alone. The workspace is checked in one run
(:func:`validate_workspace`), analysed Kreis-wide for gaps (:func:`workspace_gaps`), and
compared between versions (:func:`compare_workspaces`). References with a prefix
(``kreis:jobcenter``, ``[[peine:m-6-1]]``) point into another concept of the workspace.

Modules: :mod:`.loader` (loading, refusals), :mod:`.vocab` (shared vocabularies),
:mod:`.validate`, :mod:`.gaps` (pure), :mod:`.summary` (the Gemeinden for the Kreis
document, pure), :mod:`.diff`.
"""

from __future__ import annotations

from .loader import KREIS, Arbeitsbereich, Mitgliedskonzept, is_workspace, load_workspace
from .validate import WorkspaceReport, validate_workspace

__all__ = [
    "KREIS", "Arbeitsbereich", "Mitgliedskonzept", "WorkspaceReport", "is_workspace",
    "load_workspace", "validate_workspace",
]
