"""Reading sources: safe YAML with positions, schema errors, git revisions."""
