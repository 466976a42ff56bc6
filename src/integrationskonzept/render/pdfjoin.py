"""Joining the parts of a long PDF (:mod:`.pdfparts`) into one tagged PDF (pikepdf).

The first text part is the base (copying its pages and structure would cost as much as
the rest): its catalogue (language, metadata with the PDF/A and PDF/UA claims, output
intent, viewer settings) is the document's, as every part has the same. The other text
parts follow with their pages, their structure tree (under the one ``Document``
element), the parent tree numbered on, the ids of table cells made unique, named
destinations and bookmarks (:func:`join_texts`, while typst still sets the rest). Then
the contents part goes before them (title page, contents, lists of figures and tables)
without its last page, where the theme left the invisible headings and figures the
contents list („Geister“): its entries point at ``ik-geist-N``, names that now point at
the places the text parts reported; the lists of figures point at the figures in their
order. Last, the footers of all pages are laid over the pages as marked artifacts, and
the metadata count the joined pages (:meth:`Texte.finish`).
"""

from __future__ import annotations

import io
import re

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from .pdfparts import Ort


class Unvereinbar(Exception):  # noqa: N818 (not an error of the user: set it whole)
    """The parts do not join (a name in two parts, an entry without its place …)."""


def join_texts(texte: list[bytes]) -> Texte:
    """The text parts joined, waiting for the contents and the footers (the larger share
    of the work: it can run while typst sets those); :meth:`Texte.finish` adds them.

    The contents' heading entries point at ``ik-geist-N`` (``koepfe`` there), the lists
    of figures and tables at ``figuren`` in the order they stand there."""
    try:
        return Texte(texte)
    except _FAILURES as exc:
        raise Unvereinbar(f"{type(exc).__name__}: {exc}") from None


_FAILURES = (pikepdf.PdfError, KeyError, ValueError, TypeError, AttributeError, IndexError)


class Texte:
    """The text parts in one PDF: the first is the base (copying its pages and
    structure would cost as much as the rest); its catalogue is the document's
    (language, metadata, output intent, viewer settings, as every part has them)."""

    def __init__(self, texte: list[bytes]) -> None:
        self.out = out = Pdf.open(io.BytesIO(texte[0]))
        tree = out.Root.StructTreeRoot
        self.document = _document(tree)
        self.nums: list[pikepdf.Object | int] = list(tree.ParentTree.Nums)
        self.ids = _pairs(tree.IDTree.Names) if "/IDTree" in tree else []
        self.dests = _pairs(_dest_names(out))
        self.outlines = _outline_items(out)
        self.starts = [0]  # the index of each text part's first page
        next_key = int(tree.ParentTreeNextKey)
        for number, data in enumerate(texte[1:], 2):
            part = Pdf.open(io.BytesIO(data))
            self.starts.append(len(out.pages))
            out.pages.extend(part.pages)
            next_key = _take_structure(out, part, self.document, self.nums, self.ids,
                                       next_key, f"t{number}-")
            self.dests += [(name, out.copy_foreign(target))
                           for name, target in _pairs(_dest_names(part))]
            self.outlines += [out.copy_foreign(item) for item in _outline_items(part)]
        self.next_key = next_key

    def finish(self, inhalt: bytes, fuss: bytes, koepfe: dict[str, Ort],
               figuren: list[Ort]) -> bytes:
        """The joined PDF: the contents part before the text, the footers over it all."""
        try:
            return self._finish(inhalt, fuss, koepfe, figuren)
        except _FAILURES as exc:
            raise Unvereinbar(f"{type(exc).__name__}: {exc}") from None

    def _finish(self, inhalt: bytes, fuss: bytes, koepfe: dict[str, Ort],
                figuren: list[Ort]) -> bytes:
        out, nums, ids = self.out, self.nums, self.ids
        root = out.Root
        tree = root.StructTreeRoot
        # the contents part, without its last page (the invisible entries)
        front = Pdf.open(io.BytesIO(inhalt))
        vorne = len(front.pages) - 1
        ghost_pages = {page.obj.objgen for page in front.pages[vorne:]}
        figure_links = _links_to(front, ghost_pages)
        for annot in figure_links:
            annot.Dest = Array()  # set below, to the figure's page in the joined document
        front_document = _document(front.Root.StructTreeRoot)
        front_document.K = Array([kid for kid in _kids(front_document) if _has_content(kid)])
        for i, page in enumerate(front.pages[:vorne]):
            out.pages.insert(i, page)
        next_key = _take_structure(out, front, self.document, nums, ids, self.next_key, "t0-",
                                   front=True)
        figure_links = [out.copy_foreign(annot) for annot in figure_links]
        dests = [(name, out.copy_foreign(target)) for name, target in _pairs(_dest_names(front))
                 if not name.startswith("ik-geist-")] + self.dests
        outlines = [out.copy_foreign(item) for item in _outline_items(front)] + self.outlines
        starts = [vorne + start for start in self.starts]
        for name, ort in koepfe.items():
            dests.append((name, _dest(out, starts, ort)))
        if len(figure_links) != len(figuren):
            raise ValueError(f"{len(figure_links)} Verweise auf Abbildungen, {len(figuren)} Orte")
        for annot, ort in zip(figure_links, figuren, strict=True):
            annot.Dest = _dest(out, starts, ort)
        tree.ParentTree = out.make_indirect(Dictionary(Nums=Array(nums)))
        tree.ParentTreeNextKey = next_key
        if ids:
            tree.IDTree = out.make_indirect(Dictionary(Names=_name_array(ids)))
        names = root.get("/Names")
        if names is None:
            root.Names = names = out.make_indirect(Dictionary())
        names.Dests = out.make_indirect(Dictionary(Names=_name_array(dests)))
        _set_outlines(out, outlines)
        _count_pages_in_metadata(out)
        _lay_footers(out, fuss)
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True, fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buffer.getvalue()


def _document(tree: pikepdf.Object) -> pikepdf.Object:
    """The one ``Document`` element under the structure tree's root."""
    return tree.K[0] if isinstance(tree.K, Array) else tree.K


def _take_structure(out: Pdf, part: Pdf, document: pikepdf.Object,
                    nums: list[pikepdf.Object | int], ids: list[tuple[str, pikepdf.Object]],
                    next_key: int, prefix: str, *, front: bool = False) -> int:
    """Put the structure of ``part`` (its pages already in ``out``) under ``document``,
    after its elements (``front``: before them); number its entries of the parent tree
    on from ``next_key``, its table cells' ids with ``prefix``. The next free key."""
    offset = next_key
    for page in part.pages:  # (copying again finds the copies made with the pages)
        copied_page = out.copy_foreign(page.obj)
        if "/StructParents" in copied_page:
            copied_page.StructParents = int(page.obj.StructParents) + offset
        for annot in copied_page.get("/Annots", []):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset
    ptree = part.Root.StructTreeRoot
    kids = [out.copy_foreign(kid) for kid in _kids(_document(ptree))]
    for kid in kids:
        if isinstance(kid, Dictionary):
            kid.P = document
    if front:
        document.K = Array(kids + _kids(document))
    else:
        for kid in kids:
            document.K.append(kid)
    pnums = list(ptree.ParentTree.Nums)
    for i in range(0, len(pnums), 2):
        nums.append(int(pnums[i]) + offset)
        nums.append(out.copy_foreign(pnums[i + 1]))
    if "/IDTree" in ptree:
        theirs = [(name, out.copy_foreign(el)) for name, el in _pairs(ptree.IDTree.Names)]
        _rename_ids(theirs, prefix)
        ids += [(prefix + name, el) for name, el in theirs]
    return offset + int(ptree.ParentTreeNextKey)


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


def _has_content(element: pikepdf.Object) -> bool:
    """Whether a structure element holds marked content or an annotation (the invisible
    entries of the contents part hold none)."""
    if not isinstance(element, Dictionary):
        return True  # a marked-content id
    if element.get("/Type") in (Name.MCR, Name.OBJR):
        return True
    return any(_has_content(kid) for kid in _kids(element))


def _rename_ids(elements: list[tuple[str, pikepdf.Object]], prefix: str) -> None:
    """Make the ids of a part's table cells unique in the joined document: the cells
    themselves and the ``Headers`` that name them, in the tables around them."""
    tables: dict[tuple[int, int], pikepdf.Object] = {}
    for _name, el in elements:
        el.ID = pikepdf.String(prefix + str(el.ID))
        up: pikepdf.Object | None = el
        while up is not None and isinstance(up, Dictionary) and up.get("/S") != Name.Table:
            up = up.get("/P")
        if isinstance(up, Dictionary):
            tables[up.objgen] = up
    stack = list(tables.values())
    while stack:
        el = stack.pop()
        attrs = el.get("/A")
        if attrs is not None:
            for attr in (list(attrs) if isinstance(attrs, Array) else [attrs]):
                if isinstance(attr, Dictionary) and "/Headers" in attr:
                    attr.Headers = Array([pikepdf.String(prefix + str(h)) for h in attr.Headers])
        for kid in _kids(el):
            if isinstance(kid, Dictionary) and "/S" in kid:
                stack.append(kid)


def _pairs(array: pikepdf.Object) -> list[tuple[str, pikepdf.Object]]:
    items = list(array)
    return [(str(items[i]), items[i + 1]) for i in range(0, len(items), 2)]


def _dest_names(pdf: Pdf) -> pikepdf.Object:
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return Array()
    dests = names.Dests
    if "/Kids" in dests:
        raise ValueError("verschachtelte Namensbäume")
    return dests.get("/Names", Array())


def _name_array(pairs: list[tuple[str, pikepdf.Object]]) -> Array:
    seen: dict[str, pikepdf.Object] = {}
    for name, value in pairs:
        if name in seen:
            raise ValueError(f"Name »{name}« in zwei Teilen")
        seen[name] = value
    return Array([x for name in sorted(seen, key=lambda n: n.encode("utf-8"))
                  for x in (pikepdf.String(name), seen[name])])


def _links_to(pdf: Pdf, pages: set[tuple[int, int]]) -> list[pikepdf.Object]:
    """The link annotations that point at one of ``pages``, in page and reading order."""
    found = []
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            dest = annot.get("/Dest")
            if isinstance(dest, Array) and len(dest) and dest[0].objgen in pages:
                found.append(annot)
    return found


def _dest(pdf: Pdf, starts: list[int], ort: Ort) -> Array:
    page = pdf.pages[starts[ort.teil] + ort.seite - 1]
    height = float(page.mediabox[3])
    # typst's own destinations point 10 pt above the element
    return Array([page.obj, Name.XYZ, ort.x, max(0.0, height - max(0.0, ort.y - 10)), 0])


def _outline_items(pdf: Pdf) -> list[pikepdf.Object]:
    """The top-level bookmarks of ``pdf``, in order."""
    outlines = pdf.Root.get("/Outlines")
    items = []
    item = outlines.get("/First") if outlines is not None else None
    while item is not None:
        items.append(item)
        item = item.get("/Next")
    return items


def _set_outlines(out: Pdf, items: list[pikepdf.Object]) -> None:
    """The bookmarks of the joined document: ``items`` (top level) one after another."""
    if not items:
        if "/Outlines" in out.Root:
            del out.Root["/Outlines"]
        return
    outlines = out.make_indirect(Dictionary(Type=Name.Outlines))
    count = 0
    for before, item, after in zip([None, *items[:-1]], items, [*items[1:], None], strict=True):
        item.Parent = outlines
        for key, value in (("/Prev", before), ("/Next", after)):
            if value is None:
                if key in item:
                    del item[key]
            else:
                item[key] = value
        count += 1 + max(0, int(item.get("/Count", 0)))
    outlines.First, outlines.Last, outlines.Count = items[0], items[-1], count
    out.Root.Outlines = outlines


def _count_pages_in_metadata(out: Pdf) -> None:
    """The page count in the XMP metadata (``xmpTPg:NPages``) of the joined document."""
    metadata = out.Root.get("/Metadata")
    if metadata is None:
        return
    xmp = metadata.read_bytes()
    counted = re.sub(rb"<xmpTPg:NPages>\d+</xmpTPg:NPages>",
                     b"<xmpTPg:NPages>%d</xmpTPg:NPages>" % len(out.pages), xmp)
    if counted != xmp:
        metadata.write(counted)


def _lay_footers(out: Pdf, fuss: bytes) -> None:
    """Each page gets the footer of the same page of ``fuss`` over its content, as a
    form XObject inside an artifact (footers are pagination, not text)."""
    footers = Pdf.open(io.BytesIO(fuss))
    if len(footers.pages) != len(out.pages):
        raise ValueError(f"{len(footers.pages)} Fußzeilen für {len(out.pages)} Seiten")
    for page, footer in zip(out.pages, footers.pages, strict=True):
        form = out.copy_foreign(footer.as_form_xobject())
        name = page.add_resource(form, Name.XObject, prefix="IkFuss")
        page.contents_add(out.make_stream(b"q\n"), prepend=True)
        page.contents_add(out.make_stream(
            b"\nQ /Artifact BMC q " + str(name).encode("ascii") + b" Do Q EMC\n"))
