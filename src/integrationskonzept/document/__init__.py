"""Concept → Pandoc Markdown: the template context, the outline, one escaper."""
