"""Joining the parts of a long PDF (:mod:`.pdfparts`) into one tagged PDF (pikepdf).

The first part (title page, contents, lists of figures and tables) is the base: its
catalogue (language, metadata with the PDF/A and PDF/UA claims, output intent, viewer
settings) stays. Its last page, where the theme left the invisible headings and figures
the contents list („Geister“), is left out. Then each text part's pages follow, with
their structure tree (under the one ``Document`` element), the parent tree numbered on,
the ids of table cells made unique, named destinations and bookmarks. The entries of
the contents point at ``ik-geist-N``; those names now point at the places the text
parts reported; the lists of figures point at the figures in their order. Last, the
footers of all pages are laid over the pages as marked artifacts.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf


class Unvereinbar(Exception):  # noqa: N818 (not an error of the user: set it whole)
    """The parts do not join (a name in two parts, an entry without its place …)."""


@dataclass(frozen=True)
class Ort:
    """Where a heading or figure of a text part is: part (0 = the first text part),
    page in that part (1 = its first), and its place on the page in pt from top left."""

    teil: int
    seite: int
    x: float
    y: float


def join(inhalt: bytes, texte: list[bytes], fuss: bytes, koepfe: dict[str, Ort],
         figuren: list[Ort]) -> bytes:
    """One PDF from the contents part, the text parts and the footers.

    ``koepfe``: the named destination of each heading entry of the contents
    (``ik-geist-N``) and where it points; ``figuren``: where the entries of the lists of
    figures and tables point, in the order they stand there.
    """
    try:
        return _join(inhalt, texte, fuss, koepfe, figuren)
    except (pikepdf.PdfError, KeyError, ValueError, TypeError, AttributeError,
            IndexError) as exc:
        raise Unvereinbar(f"{type(exc).__name__}: {exc}") from None


def _join(inhalt: bytes, texte: list[bytes], fuss: bytes, koepfe: dict[str, Ort],
          figuren: list[Ort]) -> bytes:
    out = Pdf.open(io.BytesIO(inhalt))
    root = out.Root
    tree = root.StructTreeRoot
    document = tree.K[0] if isinstance(tree.K, Array) else tree.K
    geister = len(out.pages) - 1  # the last page holds the invisible entries
    ghost_pages = {out.pages[i].obj.objgen for i in range(geister, len(out.pages))}
    figure_links = _links_to(out, ghost_pages)
    del out.pages[geister:]
    document.K = Array([kid for kid in _kids(document) if _has_content(kid)])
    nums: list[pikepdf.Object | int] = (
        list(tree.ParentTree.Nums) if "/ParentTree" in tree else [])
    next_key = int(tree.get("/ParentTreeNextKey", 0))
    ids = _pairs(tree.IDTree.Names) if "/IDTree" in tree else []
    dests = [(name, target) for name, target in _pairs(_dest_names(out))
             if not name.startswith("ik-geist-")]
    starts: list[int] = []  # the index of each text part's first page
    for number, data in enumerate(texte, 1):
        part = Pdf.open(io.BytesIO(data))
        starts.append(len(out.pages))
        offset = next_key
        first = len(out.pages)
        out.pages.extend(part.pages)
        for page in out.pages[first:]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annot in page.obj.get("/Annots", []):
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
        ptree = part.Root.StructTreeRoot
        proot = ptree.K[0] if isinstance(ptree.K, Array) else ptree.K
        copied = out.copy_foreign(proot)
        prefix = f"t{number}-"
        for kid in _kids(copied):
            if isinstance(kid, Dictionary):
                kid.P = document
                _rename_ids(kid, prefix)
            document.K.append(kid)
        pnums = list(ptree.ParentTree.Nums)
        for i in range(0, len(pnums), 2):
            nums.append(int(pnums[i]) + offset)
            nums.append(out.copy_foreign(pnums[i + 1]))
        next_key = offset + int(ptree.ParentTreeNextKey)
        if "/IDTree" in ptree:
            ids += [(prefix + name, out.copy_foreign(el))
                    for name, el in _pairs(ptree.IDTree.Names)]
        dests += [(name, out.copy_foreign(target)) for name, target in _pairs(_dest_names(part))]
        _append_outlines(out, part)
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
    _lay_footers(out, fuss)
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


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


def _rename_ids(element: Dictionary, prefix: str) -> None:
    """Make the ids of a text part's table cells unique in the joined document."""
    stack = [element]
    while stack:
        el = stack.pop()
        if "/ID" in el:
            el.ID = pikepdf.String(prefix + str(el.ID))
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


def _append_outlines(out: Pdf, part: Pdf) -> None:
    theirs = part.Root.get("/Outlines")
    if theirs is None or "/First" not in theirs:
        return
    mine = out.Root.get("/Outlines")
    if mine is None:
        out.Root.Outlines = mine = out.make_indirect(Dictionary(Type=Name.Outlines, Count=0))
    item = theirs.First
    while True:
        nxt = item.get("/Next")
        copied = out.copy_foreign(item)
        copied.Parent = mine
        if "/Next" in copied:
            del copied["/Next"]
        if "/Last" in mine:
            mine.Last.Next = copied
            copied.Prev = mine.Last
        else:
            mine.First = copied
            if "/Prev" in copied:
                del copied["/Prev"]
        mine.Last = copied
        mine.Count = int(mine.get("/Count", 0)) + 1 + max(0, int(copied.get("/Count", 0)))
        if nxt is None:
            break
        item = nxt


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
