"""The package side of joining pandoc's DOCX files of a document's parts
(:mod:`.docxparts`): the ZIP members, relationships (images and web links, their media
files and content types, in pandoc's order) and list definitions."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

DOCUMENT = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
NOTES = "word/footnotes.xml"
_NOTE_RELS = "word/_rels/footnotes.xml.rels"
_NUMBERING = "word/numbering.xml"
_TYPES = "[Content_Types].xml"
LIST = re.compile(rb'(<w:numId w:val=")(\d+)"')
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*/>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
OWN = (b"/image", b"/hyperlink")  # relationship types of a part's own content
_ABSTRACT = re.compile(rb'<w:abstractNum w:abstractNumId="(\d+)"[^>]*>.*?</w:abstractNum>', re.S)
_NUM = re.compile(rb'<w:num w:numId="(\d+)"[^>]*>.*?</w:num>', re.S)
_NSID = re.compile(rb'<w:nsid w:val="[0-9A-Fa-f]*" />')


class Package:
    """The members of a ZIP package in their order, with their ZIP entries."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.infos = archive.infolist()
            self.files = {info.filename: archive.read(info) for info in self.infos}

    def write(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for info in self.infos:
                archive.writestr(info, self.files[info.filename])
        return out.getvalue()


def relationships(xml: bytes) -> list[bytes]:
    return _RELATIONSHIP.findall(xml)


def attributes(element: bytes) -> dict[bytes, bytes]:
    return dict(_ATTR.findall(element))


def rel_number(rel: bytes) -> int:
    found = re.fullmatch(rb"rId(\d+)", attributes(rel).get(b"Id", b""))
    return int(found.group(1)) if found else 0


def add_own_relationships(joined: Package, part: Package, own: list[bytes],
                       move: Callable[[int], int], number: int, pictures: dict[bytes, bytes]
                       ) -> dict[bytes, bytes]:
    """Add a part's images and links to the joined package under new ids (``move`` of
    their numbers; media files renamed with them), the map from old to new id. As
    pandoc does for the whole document, an image (by its file) or a link target the
    joined package has already keeps that one's id. The part's other relationships
    (styles, headers …) must be the first part's. ``pictures``: the file of each image
    relationship so far (:func:`image_paths`), to which the part's are added."""
    theirs = {attributes(rel).get(b"Id"): rel for rel in relationships(joined.files[RELS])}
    for rel in relationships(part.files[RELS]):
        if rel not in own and theirs.get(attributes(rel).get(b"Id")) != rel:
            raise ValueError(f"a part's relationship differs from the first part's: {rel!r}")
    known = _known(joined.files[RELS], pictures)
    paths = image_paths(part.files[DOCUMENT])
    renamed: dict[bytes, bytes] = {}
    added: list[bytes] = []
    for rel in own:
        attrs = attributes(rel)
        old = attrs[b"Id"]
        key = _key(attrs, paths)
        if key in known:
            renamed[old] = known[key]
            continue
        value = rel_number(rel)
        new = f"rId{move(value)}".encode() if value else old + f"-{number}".encode()
        renamed[old] = known[key] = new
        if old in paths:
            pictures[new] = paths[old]
        rel = rel.replace(b'Id="' + old + b'"', b'Id="' + new + b'"')
        target = attrs.get(b"Target", b"")
        if attrs.get(b"TargetMode") != b"External" and target.startswith(b"media/"):
            moved = _move_media(joined, part, target[len(b"media/"):], old, new, number)
            rel = rel.replace(b'Target="' + target + b'"', b'Target="media/' + moved + b'"')
        added.append(rel)
    joined.files[RELS] = _add_relationships(joined.files[RELS], added)
    if _NOTE_RELS in joined.files and _NOTE_RELS in part.files:
        mine = {attributes(rel).get(b"Id") for rel in relationships(joined.files[_NOTE_RELS])}
        notes = [rel.replace(b'Id="' + old + b'"', b'Id="' + renamed[old] + b'"')
                 for rel in relationships(part.files[_NOTE_RELS])
                 if (old := attributes(rel).get(b"Id", b"")) in renamed]
        joined.files[_NOTE_RELS] = _add_relationships(
            joined.files[_NOTE_RELS],
            [rel for rel in notes if attributes(rel).get(b"Id") not in mine])
    return renamed


# an image's file (pandoc writes it as the picture's description) and its relationship
_PICTURE = re.compile(rb'<pic:cNvPr descr="([^"]*)"[^>]*/>(?:(?!</pic:pic>).)*?r:embed="([^"]+)"',
                      re.S)


def image_paths(xml: bytes) -> dict[bytes, bytes]:
    """The file of each image relationship the document's pictures name."""
    return {found.group(2): found.group(1) for found in _PICTURE.finditer(xml)}


def _key(attrs: dict[bytes, bytes], paths: dict[bytes, bytes]) -> tuple[bytes, bytes]:
    """What makes two images or links the same: the image's file, the link's target."""
    if attrs.get(b"Type", b"").endswith(b"/image"):
        return b"image", paths.get(attrs[b"Id"], b"?" + attrs[b"Id"])
    return b"link", attrs.get(b"Target", b"")


def _known(rels: bytes, paths: dict[bytes, bytes]) -> dict[tuple[bytes, bytes], bytes]:
    known: dict[tuple[bytes, bytes], bytes] = {}
    for rel in relationships(rels):
        attrs = attributes(rel)
        if attrs.get(b"Type", b"").endswith(OWN):
            known[_key(attrs, paths)] = attrs[b"Id"]
    return known


def _move_media(joined: Package, part: Package, name: bytes, old: bytes, new: bytes,
                number: int) -> bytes:
    """Copy a part's media file into the joined package, named by its new relationship
    id as pandoc names it; its new name."""
    stem, dot, suffix = name.rpartition(b".")
    moved = new + dot + suffix if dot and stem == old else f"{number}-".encode() + name
    member, old_member = "word/media/" + moved.decode(), "word/media/" + name.decode()
    if member in joined.files:
        raise ValueError(f"two parts name the same media file {member}")
    joined.files[member] = part.files[old_member]
    info = next(i for i in part.infos if i.filename == old_member)
    copy = zipfile.ZipInfo(member, info.date_time)
    copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
    copy.create_system = info.create_system
    joined.infos.insert(_after_media(joined), copy)
    _add_type(joined, part.files[_TYPES], old_member, member)
    return moved


def _add_relationships(xml: bytes, rels: list[bytes]) -> bytes:
    if not rels:
        return xml
    if b"</Relationships>" not in xml:  # none yet: <Relationships … />
        xml = re.sub(rb"<Relationships\b([^>]*?)\s*/>", rb"<Relationships\1></Relationships>",
                     xml)
    return insert(xml, b"</Relationships>", b"".join(rels))


def in_pandocs_order(joined: Package, paths: dict[bytes, bytes]) -> None:
    """Images and links in the order pandoc writes them for the whole document: images
    by their file, then links by their target; the media files and their content types
    in the images' order. ``paths``: the file of each image relationship."""
    for name in (RELS, _NOTE_RELS):
        xml = joined.files.get(name)
        rels = relationships(xml or b"")
        if xml is None or not rels:
            continue
        own = [rel for rel in rels if attributes(rel).get(b"Type", b"").endswith(OWN)]
        # ("image", file) before ("link", target)
        ordered = [rel for rel in rels if rel not in own] + sorted(
            own, key=lambda rel: _key(attributes(rel), paths))
        first, last = xml.index(rels[0]), xml.rindex(rels[-1]) + len(rels[-1])
        joined.files[name] = xml[:first] + b"".join(ordered) + xml[last:]
    media = ["word/" + attributes(rel)[b"Target"].decode()
             for rel in relationships(joined.files[RELS])
             if attributes(rel).get(b"Type", b"").endswith(b"/image")
             and attributes(rel).get(b"TargetMode") != b"External"]
    places = [i for i, info in enumerate(joined.infos) if info.filename in media]
    by_name = {joined.infos[i].filename: joined.infos[i] for i in places}
    for place, member in zip(places, [m for m in media if m in by_name], strict=True):
        joined.infos[place] = by_name[member]
    types = joined.files[_TYPES]
    overrides = {member: found.group(0) for member in media
                 if (found := re.search(rb'<Override PartName="/' + re.escape(member.encode())
                                        + rb'"[^>]*/>', types))}
    if overrides:
        for override in overrides.values():
            types = types.replace(override, b"", 1)
        joined.files[_TYPES] = insert(types, b"</Types>", b"".join(overrides.values()))


def _after_media(joined: Package) -> int:
    """Where a new media file goes: after the last one (else at the end)."""
    places = [i for i, info in enumerate(joined.infos) if info.filename.startswith("word/media/")]
    return places[-1] + 1 if places else len(joined.infos)


def _add_type(joined: Package, types: bytes, old: str, new: str) -> None:
    """The content type of the media file ``new`` (the part's ``old``)."""
    found = re.search(rb'<Override PartName="/' + re.escape(old.encode()) + rb'"[^>]*/>', types)
    if found:
        override = found.group(0).replace(old.encode(), new.encode())
        joined.files[_TYPES] = insert(joined.files[_TYPES], b"</Types>", override)
        return
    extension = new.rpartition(".")[2].encode()
    default = re.search(rb'<Default Extension="' + re.escape(extension) + rb'"[^>]*/>', types)
    if default and default.group(0) not in joined.files[_TYPES]:
        joined.files[_TYPES] = insert(joined.files[_TYPES], b"<Override", default.group(0),
                                       first=True)


def insert(xml: bytes, before: bytes, what: bytes, first: bool = False) -> bytes:
    at = xml.find(before) if first else xml.rfind(before)
    if at < 0:
        raise ValueError(f"no {before!r} to insert before")
    return xml[:at] + what + xml[at:]


def add_lists(joined: Package, part: Package, used_in: bytes) -> dict[bytes, bytes]:
    """Add the lists the part's text uses to the joined numbering, each under a new
    ``w:num``; a list definition the joined numbering holds already is shared. The
    map from the part's to the new list ids."""
    used = {found.group(2) for found in LIST.finditer(used_in)} - {b"0"}
    if not used:
        return {}
    numbering = joined.files[_NUMBERING]
    mine = part.files[_NUMBERING]
    definitions = {_definition(found.group(0)): found.group(1)
                   for found in _ABSTRACT.finditer(numbering)}
    theirs = {found.group(1): found.group(0) for found in _ABSTRACT.finditer(mine)}
    next_abstract = max((int(a) for a in _ABSTRACT_IDS.findall(numbering)), default=0) + 1
    next_num = max((int(n) for n in _NUM_IDS.findall(numbering)), default=0) + 1
    abstracts: list[bytes] = []
    nums: list[bytes] = []
    mapped: dict[bytes, bytes] = {}
    for found in _NUM.finditer(mine):
        if found.group(1) not in used:
            continue
        num = found.group(0)
        abstract = re.search(rb'<w:abstractNumId w:val="(\d+)"', num)
        if abstract is None:
            raise ValueError(f"a list without its definition: {num!r}")
        definition = theirs[abstract.group(1)]
        key = _definition(definition)
        if key not in definitions:  # pandoc's id tells the kind of marker: kept if free
            if abstract.group(1) in definitions.values():
                definitions[key] = str(next_abstract).encode()
                next_abstract += 1
                abstracts.append(_with_abstract_id(definition, definitions[key]))
            else:
                definitions[key] = abstract.group(1)
                abstracts.append(definition)
        new = str(next_num).encode()
        next_num += 1
        mapped[found.group(1)] = new
        nums.append(num.replace(b'w:numId="' + found.group(1) + b'"', b'w:numId="' + new + b'"', 1)
                    .replace(abstract.group(0), b'<w:abstractNumId w:val="' + definitions[key]
                             + b'"', 1))
    if abstracts:
        numbering = insert(numbering, b"<w:num ", b"".join(abstracts), first=True)
    joined.files[_NUMBERING] = insert(numbering, b"</w:numbering>", b"".join(nums))
    return mapped


_ABSTRACT_IDS = re.compile(rb'<w:abstractNum w:abstractNumId="(\d+)"')
_NUM_IDS = re.compile(rb'<w:num w:numId="(\d+)"')


def _definition(abstract: bytes) -> bytes:
    """A list definition without its id and nsid: equal for equal lists."""
    return _NSID.sub(b"", re.sub(rb'w:abstractNumId="\d+"', b"", abstract, count=1))


def _with_abstract_id(abstract: bytes, new: bytes) -> bytes:
    nsid = (b"0000A" + new if len(new) == 3 else f"{int(new):08X}".encode())
    abstract = re.sub(rb'w:abstractNumId="\d+"', b'w:abstractNumId="' + new + b'"', abstract,
                      count=1)
    return _NSID.sub(b'<w:nsid w:val="' + nsid + b'" />', abstract, count=1)
