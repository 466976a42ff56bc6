"""ik: Integrationskonzepte als Code.

The library behind the ``ik`` command: load and check a concept folder
(:func:`integrationskonzept.loader.load_concept`), analyse gaps, build documents.
"""

from __future__ import annotations

__version__ = "0.1.0"
