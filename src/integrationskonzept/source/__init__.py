"""Reading sources: safe YAML with positions, schema errors, git revisions."""

from __future__ import annotations

# Folders of a concept that hold no sources (templates, design, build output, tooling):
# the loader does not walk into them, a git revision is exported without them.
SKIP_DIRS = frozenset({"templates", "design", "build", "_build", "ausgabe", "node_modules",
                       "venv", "__pycache__"})
