"""Parts of a gap report made when first read: its Befunde (:class:`Befunde`, a
selection of them :class:`Auswahl`), its Doppelstrukturen (a :class:`Folge`) and its
names (:class:`Namen`). Pickled, a sequence becomes the plain tuple of its values.

Most views of a large concept read the verdicts of all needs but whole Befunde only of
the gaps, the first Doppelstrukturen and a few names: each part is equal to, and shows
as, the plain value (the tuple, the dict) that it stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from .report import Befund


T = TypeVar("T")
_MISSING = object()


class Auswahl(Sequence[T]):
    """Values at some positions, in that order, each made by ``get`` when first read
    (:class:`Folge`, :meth:`Folge.at`). Equal, hashed and shown as the tuple of its
    values."""

    __slots__ = ("_get", "_positions")

    def __init__(self, get: Callable[[int], T], positions: Sequence[int]) -> None:
        self._get, self._positions = get, positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...

    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        if isinstance(i, slice):
            return tuple(map(self._get, self._positions[i]))
        return self._get(self._positions[i])

    def __iter__(self) -> Iterator[T]:
        return map(self._get, self._positions)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Auswahl | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[tuple[T, ...]], tuple[tuple[T, ...]]]:
        """Pickled as the plain tuple of its values (what it stands for)."""
        return tuple, (tuple(self),)


def _kept(make: Callable[[int], T], n: int) -> Callable[[int], T]:
    """``make``, each value made once and kept (a closure, not a method of the sequence:
    no reference cycle, so a report is freed as soon as it is dropped)."""
    made: list[T | None] = [None] * n

    def get(i: int) -> T:
        got = made[i]
        if got is None:
            got = made[i] = make(i)
        return got

    return get


class Folge(Auswahl[T]):
    """``n`` values, the i-th made by ``make(i)`` when first read, then kept."""

    __slots__ = ()

    def __init__(self, make: Callable[[int], T], n: int) -> None:
        super().__init__(_kept(make, n), range(n))

    def at(self, positions: list[int]) -> Auswahl[T]:
        """The values at ``positions``, in that order, each made when first read."""
        return Auswahl(self._get, positions)


class Befunde(Folge["Befund"]):
    """The Befunde of a report in source order, each made when first read (most views
    read the verdicts of all needs and the whole Befund only of the gaps): ``make(i)``
    gives the i-th, ``urteile`` and ``lagen`` hold what the counts and the lists of gaps
    read of every one, ``handlungsfelder`` the Handlungsfeld of each."""

    __slots__ = ("urteile", "lagen", "handlungsfelder")

    def __init__(self, make: Callable[[int], Befund], urteile: list[str], lagen: list[str],
                 handlungsfelder: list[str | None]) -> None:
        super().__init__(make, len(urteile))
        self.urteile, self.lagen, self.handlungsfelder = urteile, lagen, handlungsfelder

    def where(self, column: list[str], test: Callable[[str], bool]) -> tuple[Befund, ...]:
        """The Befunde whose value in ``column`` (``urteile`` …) passes ``test``."""
        get = self._get
        return tuple([get(i) for i, v in enumerate(column) if test(v)])


class Namen(Mapping[str, str]):
    """Readable names by id: the titles in ``tables`` (the later table's where two have
    the id), else ``namen``; the whole dict made only when it is iterated (in the order
    of ``namen``, then of the tables)."""

    __slots__ = ("_namen", "_tables", "_alle")

    def __init__(self, namen: dict[str, str], tables: tuple[dict[str, str], ...]) -> None:
        self._namen, self._tables = namen, tables[::-1]
        self._alle: dict[str, str] | None = None

    def __getitem__(self, ident: str) -> str:
        titel = self.get(ident, _MISSING)
        if titel is _MISSING:
            raise KeyError(ident)
        return str(titel)

    def get(self, ident: str, default: Any = None) -> Any:  # without raising KeyError
        for table in self._tables:
            titel = table.get(ident)
            if titel is not None:
                return titel
        return self._namen.get(ident, default)

    def __contains__(self, ident: object) -> bool:
        return ident in self._namen or any(ident in t for t in self._tables)

    def _dict(self) -> dict[str, str]:
        alle = self._alle
        if alle is None:
            alle = self._alle = dict(self._namen)
            for table in reversed(self._tables):
                alle.update(table)
        return alle

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __eq__(self, other: object) -> bool:
        return self._dict() == other if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._dict())
