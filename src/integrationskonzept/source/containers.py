"""The containers a YAML file is read into: a dict and a list that remember positions."""

from __future__ import annotations


class YMap(dict):  # type: ignore[type-arg]
    """A mapping from a YAML file; ``pos[key]`` is (key line, key col, value line, value col)."""

    __slots__ = ("line", "column", "pos")

    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line = line
        self.column = column
        self.pos: dict[str, tuple[int, int, int, int]] = {}


class YList(list):  # type: ignore[type-arg]
    """A sequence from a YAML file; ``pos[i]`` is (line, col) of item i."""

    __slots__ = ("line", "column", "pos")

    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line = line
        self.column = column
        self.pos: list[tuple[int, int]] = []
