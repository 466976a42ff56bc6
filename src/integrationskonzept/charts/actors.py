"""The Akteurslandkarte: actors on a ring grouped by typ, relations as styled lines.

The layout is computed here, deterministically: actors sorted by typ (in the order of
the source format's vocabulary) and name, spread evenly over a circle with a gap between
typ groups; labels run radially outwards so 80 actors stay readable. Circle size shows
einfluss; lines bend slightly towards the centre, parallel relations between the same
pair fan out. All text is at least 8 pt; a long actor name wraps onto up to four
lines (the short name ``kurz`` when there is one), no label overlaps its neighbours, and
every name stays whole: each gap on the ring is as wide as its two labels need, and where
the ring is too short for that it grows taller (an ellipse, up to twice as tall as wide)
while the chart keeps the text width. A relation's thema is drawn only where it overlaps no other
label (every thema is in the alt text and the table). Förderung and Hierarchie are
directed: the arrow points to ``zu``.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .base import PAGE_WIDTH_PT, Chart, ChartStyle, Raw, build_source, caption, colour, pt, shorten

MAX_ACTORS = 80  # at 8 pt one label line needs 10 pt of the ring: 80 fit on an A4 width
MAX_RELATIONS = 150
TYPES = ("Verwaltung", "Politik", "Zivilgesellschaft", "Migrant*innenorganisation",
         "Wohlfahrtsverband", "Bildungsträger", "Arbeitsverwaltung", "Religionsgemeinschaft",
         "Wirtschaft", "Beratung", "Wissenschaft", "Sonstige")
TYPE_COLOURS = ["#4E79A7", "#E15759", "#59A14F", "#F28E2B", "#B07AA1", "#76B7B2", "#EDC948",
                "#9C755F", "#FF9DA7", "#A0CBE8", "#8CD17D", "#BAB0AC"]  # one per TYPES entry
# art: (colour, thickness pt, dash, directed)
RELATIONS = {
    "Kooperation": ("#1F77B4", 1.2, "solid", False),
    "Allianz": ("#2CA02C", 2.6, "solid", False),
    "Förderung": ("#9467BD", 1.3, "dashed", True),
    "Hierarchie": ("#4D4D4D", 1.2, "solid", True),
    "informell": ("#8C8C8C", 1.0, "dotted", False),
    "Spannung": ("#FF7F0E", 1.6, "densely-dashed", False),
    "Konflikt": ("#D62728", 2.4, "dash-dotted", False),
}
INFLUENCE = {"hoch": 1.0, "mittel": 0.72, "gering": 0.5}
_HALF_LABEL = 100.0
_EV = re.compile(r"\be\. V\.")
_MAX_ROOM = 130.0  # a radial label towards the top or bottom may run this long
_MAX_STRETCH = 2.0  # the ring grows up to this much taller than wide to give labels room
_MAX_HEIGHT = 680.0  # the ring never grows taller: with legend and caption it fits A4
_MIN_ROOM = 70.0  # a label pushed outwards keeps at least this much room
_FONT = 8.0  # no chart text below 8 pt in print
_HORIZONTAL = 12  # up to this many actors the labels stay horizontal
_CHAR = 0.56  # average character width in em (Source Sans 3), generous
_LINE = 0.96 * _FONT  # one label line: cap height + leading 0.3 em (templates/akteure.typ)
MAX_LINES = 4


def _stroke(art: str) -> Raw:
    paint, width, dash, _ = RELATIONS.get(art, ("#8C8C8C", 1.0, "solid", False))
    return Raw(f'(paint: rgb("{paint}"), thickness: {width:.1f}pt, dash: "{dash}", '
               'cap: "round")')


def _lines(actor: Mapping[str, Any], most: int = MAX_LINES, room: float = _HALF_LABEL
           ) -> list[str]:
    """The label as lines that fit the label's half box: the name, wrapped onto up to
    ``most`` lines (the short name when the name needs more than one line and there
    is one). Only when even ``most`` lines cannot hold it (a crowded ring) is the last
    line cut with „…“; the full name is in the alt text and the table. ``room``: the
    length of a line in pt."""
    name = " ".join(str(actor.get("name") or actor.get("id") or "?").split())
    kurz = " ".join(str(actor.get("kurz") or "").split())
    # "e. V." and "e.V." stay on one line
    name, kurz = (_EV.sub("e.\u00a0V.", t) for t in (name, kurz))
    limit = max(6, int(room / (_FONT * _CHAR)))
    text = kurz if len(name) > limit and kurz else name
    lines = textwrap.wrap(text, limit, break_long_words=False, break_on_hyphens=True) or [text]
    # a word longer than a line: typst hyphenates it, count the lines it takes
    needed = sum(max(1, math.ceil(len(line) / limit)) for line in lines)
    if needed <= most:
        return lines
    if kurz and text != kurz:
        return _lines({"name": kurz}, most, room)
    kept = textwrap.wrap(text, limit, break_long_words=False, break_on_hyphens=True)[:most]
    rest = text[len(" ".join(kept[:-1])):].strip() if len(kept) > 1 else text
    return [*kept[:-1], shorten(rest, limit)]


def _extent(lines: int) -> float:
    """The height of a label of ``lines`` lines (cap height to descender, with leading)."""
    return lines * _LINE


def actor_map(
    actors: Sequence[Mapping[str, Any]],
    title: str,
    *,
    max_actors: int = MAX_ACTORS,
    style: ChartStyle | None = None,
) -> Chart:
    """Akteurslandkarte from actor mappings.

    Each actor: ``id``, ``name``, optional ``kurz``, ``typ``, ``einfluss`` (hoch, mittel,
    gering) and ``beziehungen``: a list of ``{zu, art, thema}``. Relations to unknown or
    left-out actors are skipped. With more than ``max_actors`` actors the best connected
    ones are drawn and the caption says so.
    """
    style = style or ChartStyle()
    by_id: dict[str, Mapping[str, Any]] = {}
    for a in actors:
        by_id.setdefault(str(a.get("id") or a.get("name")), a)
    edges: dict[tuple[str, str, str], str | None] = {}
    for aid, a in by_id.items():
        for rel in a.get("beziehungen") or []:
            other, art = str(rel.get("zu")), str(rel.get("art") or "informell")
            if other not in by_id or other == aid:
                continue
            directed = RELATIONS.get(art, ("", 0, "", False))[3]
            ends = (aid, other) if directed else tuple(sorted((aid, other)))
            key = (ends[0], ends[1], art)
            if not edges.get(key):
                edges[key] = str(rel["thema"]) if rel.get("thema") else None
    notes = []
    ids = list(by_id)
    if len(ids) > max_actors:
        degree = {i: 0 for i in ids}
        for one, two, _ in edges:
            degree[one] += 1
            degree[two] += 1
        rank = {"hoch": 0, "mittel": 1, "gering": 2}
        ids = sorted(ids, key=lambda i: (-degree[i], rank.get(str(by_id[i].get("einfluss")), 3),
                                         str(by_id[i].get("name", i)).casefold()))[:max_actors]
        notes.append(f"die {max_actors} am stärksten vernetzten von {len(by_id)} Akteuren "
                     "dargestellt")
    kept = set(ids)
    edge_list = [(a, b, art, t) for (a, b, art), t in edges.items() if a in kept and b in kept]
    edge_list.sort(key=lambda e: (list(RELATIONS).index(e[2]) if e[2] in RELATIONS else 99,
                                  e[0], e[1]))
    if len(edge_list) > MAX_RELATIONS:
        notes.append(f"{MAX_RELATIONS} von {len(edge_list)} Beziehungen dargestellt")
        edge_list = edge_list[:MAX_RELATIONS]

    types = [t for t in TYPES if any(by_id[i].get("typ") == t for i in ids)]
    types += sorted({str(by_id[i].get("typ") or "Sonstige") for i in ids} - set(types))
    type_colour = {t: TYPE_COLOURS[(TYPES.index(t) if t in TYPES else i) % len(TYPE_COLOURS)]
                   for i, t in enumerate(types)}

    def typ(i: str) -> str:
        return str(by_id[i].get("typ") or "Sonstige")

    order = sorted(ids, key=lambda i: (types.index(typ(i)),
                                       str(by_id[i].get("name", i)).casefold(), i))
    geometry = _layout(order, [typ(i) for i in order], by_id)
    data = {
        "breite": pt(geometry["width"]), "hoehe": pt(geometry["height"]),
        "halbe-label": pt(_HALF_LABEL), "schrift": pt(_FONT),
        "kanten": _edges(edge_list, geometry),
        "knoten": [{**node, "farbe": colour(type_colour[typ(i)])}
                   for i, node in geometry["nodes"].items()],
        "typen": [{"text": t, "farbe": colour(type_colour[t])} for t in types],
        "groessen": [{"text": k, "r": pt(5.5 * f)}
                     for k, f in INFLUENCE.items()],
        "arten": [{"text": art, "strich": _stroke(art), "farbe": colour(RELATIONS[art][0]),
                   "pfeil": RELATIONS[art][3]}
                  for art in RELATIONS if any(e[2] == art for e in edge_list)],
    }
    alt = _alt(title, order, edge_list, by_id, types, typ, notes)
    table = (("Akteur", "Typ", "Einfluss", "Beziehung", "mit", "Thema"),
             tuple((str(by_id[a].get("name", a)), typ(a), str(by_id[a].get("einfluss") or ""),
                    art, str(by_id[b].get("name", b)), t or "")
                   for a, b, art, t in edge_list))
    source = build_source("akteure.typ", data, style)
    return Chart(kind="akteure", typst_source=source, alt=alt, caption=caption(title, notes),
                 table=table, notes=tuple(notes), style=style)


def _layout(order: list[str], types: list[str], by_id: Mapping[str, Mapping[str, Any]]
            ) -> dict[str, Any]:
    groups = len(dict.fromkeys(types))
    slots = len(order) + (groups if groups > 1 else 0)
    radius_max = PAGE_WIDTH_PT / 2 - _HALF_LABEL - 10
    radius = min(radius_max, max(100.0, slots * 24 / (2 * math.pi)))
    slot = 2 * math.pi * radius / max(slots, 1)
    r_max = max(4.0, min(13.0, slot * 0.42))
    radial = len(order) > _HORIZONTAL
    angles: dict[str, float] = {}
    position, previous = 0, None
    for aid, t in zip(order, types, strict=True):
        if previous is not None and t != previous and groups > 1:
            position += 1
        previous = t
        angles[aid] = -math.pi / 2 + 2 * math.pi * (position + 0.5) / max(slots, 1)
        position += 1
    sizes = {aid: r_max * INFLUENCE.get(str(by_id[aid].get("einfluss")), INFLUENCE["mittel"])
             for aid in order}
    lines = {aid: _lines(by_id[aid]) for aid in order}
    push = {aid: 0.0 for aid in order}  # how far a label starts further out (radial)
    wall = PAGE_WIDTH_PT / 2 - 14  # the labels end here: the chart stays in the text width

    ry = radius  # the ring grows downwards and upwards (an ellipse) where labels need room

    def room(aid: str, pushed: float = 0.0) -> float:
        """Along the label's ray to the side of the canvas (radial), or the half box."""
        if not radial:
            return _HALF_LABEL
        c = abs(math.cos(angles[aid]))
        start = radius + sizes[aid] + 3 + pushed
        return min(_MAX_ROOM, (wall - start * c) / c if c > 1e-6 else _MAX_ROOM)

    if radial:  # spread the ring where the labels need the room, so none is cut
        even, best = dict(angles), (ry, dict(angles))
        while True:
            for _ in range(12):
                lines = {aid: _lines(by_id[aid], room=room(aid, 0.0)) for aid in order}
                spread = _spread(order, types, sizes, (radius, ry), lines, r_max, angles)
                if spread is None or spread == angles:
                    break
                angles.update(spread)
            lines, push = _stagger(order, angles, sizes, (radius, ry), by_id, room)
            reach = _reach(order, angles, sizes, push, lines)
            if ry > radius and sum(_span(reach, ry, r_max)[1:]) > _MAX_HEIGHT:
                ry, angles = best[0], dict(best[1])  # too tall for the page: as far as fits
                break
            best = (ry, dict(angles))
            if (not _clashes(order, angles, sizes, (radius, ry), lines, True)
                    or ry >= radius * _MAX_STRETCH):
                break
            ry, angles = min(radius * _MAX_STRETCH, ry + 8), dict(even)
        lines, push = _stagger(order, angles, sizes, (radius, ry), by_id, room)
    while not radial and radius < radius_max and _clashes(order, angles, sizes, (radius, ry),
                                                          lines, radial):
        radius = ry = min(radius_max, radius + 8)
    lines = _fit(order, angles, sizes, (radius, ry), lines, radial, by_id, push, room)
    tallest = max((_extent(len(ls)) for ls in lines.values()), default=_LINE)
    if radial:  # how far the labels reach from the centre, across and down
        cx = _span(_reach(order, angles, sizes, push, lines), radius, r_max)[0]
        # up and down apart: the labels above may reach less far than those below
        _, cy, below = _span(_reach(order, angles, sizes, push, lines), ry, r_max)
    else:
        longest = max((_length(ls) for ls in lines.values()), default=0.0)
        cx = radius + r_max + 3 + min(_HALF_LABEL, longest) + 6
        cy = below = radius + r_max + 3 + tallest / 2 + 6
    nodes: dict[str, dict[str, Any]] = {}
    xy: dict[str, tuple[float, float, float]] = {}
    boxes: list[tuple[float, float, float, float]] = []  # where the actors' labels are
    for aid in order:
        angle, r = angles[aid], sizes[aid]
        x, y = cx + radius * math.cos(angle), cy + ry * math.sin(angle)
        left = math.cos(angle) < -1e-9
        # the label box is centred on the anchor; its outer half holds the text
        lx = cx + (radius + r + 3 + push[aid]) * math.cos(angle)
        ly = cy + (ry + r + 3 + push[aid]) * math.sin(angle)
        turn = math.degrees(angle) + (180 if left else 0) if radial else 0.0
        height = _extent(len(lines[aid]))
        nodes[aid] = {"x": pt(x), "y": pt(y), "r": pt(r), "zeilen": lines[aid],
                      "hoehe": pt(height + 4), "halb": pt(max(_HALF_LABEL, room(aid))),
                      "winkel": round(turn, 2),
                      "links": left, "lx": pt(lx), "ly": pt(ly)}
        xy[aid] = (x, y, r)
        length = _length(lines[aid])
        if not radial:
            x0 = lx - length if left else lx
            boxes.append((x0, ly - height / 2, x0 + length, ly + height / 2))
        else:  # a radial label: boxes along its ray, as wide as its lines
            half, step = max(5.0, height / 2), 0.0
            while step <= length:
                bx = cx + (radius + r + 3 + push[aid] + step) * math.cos(angle)
                by = cy + (ry + r + 3 + push[aid] + step) * math.sin(angle)
                boxes.append((bx - half, by - half, bx + half, by + half))
                step += 6
    return {"width": 2 * cx, "height": cy + below, "centre": (cx, cy), "r_max": r_max,
            "nodes": nodes, "xy": xy, "label_boxes": boxes}


def _reach(order: list[str], angles: Mapping[str, float], sizes: Mapping[str, float],
           push: Mapping[str, float], lines: Mapping[str, list[str]]
           ) -> list[tuple[float, float, float]]:
    """Per radial label: how far it reaches beyond the ring, its angle, its half height."""
    return [(sizes[a] + 3 + push.get(a, 0.0) + _length(lines[a]), angles[a],
             _extent(len(lines[a])) / 2) for a in order]


def _span(reach: list[tuple[float, float, float]], radius: float, r_max: float
          ) -> tuple[float, float, float]:
    """How far the radial labels reach from the centre: sideways (with ``radius`` the
    ring's width), up and down (with ``radius`` its height)."""
    side = max([radius + r_max] + [(radius + d) * abs(math.cos(t)) + e * abs(math.sin(t))
                                   for d, t, e in reach]) + 6
    up = max([radius + r_max] + [-(radius + d) * math.sin(t) + e * abs(math.cos(t))
                                 for d, t, e in reach]) + 6
    down = max([radius + r_max] + [(radius + d) * math.sin(t) + e * abs(math.cos(t))
                                   for d, t, e in reach]) + 6
    return side, up, down


def _length(lines: Sequence[str]) -> float:
    return max((len(line) for line in lines), default=0) * _FONT * _CHAR


def _bend(ring: tuple[float, float], angles: Mapping[str, float], a: str, b: str) -> float:
    """The radius of the circle that spaces two neighbours' labels like the ring does: on an
    ellipse (rx, ry) neighbours at angle t are (rx sin² t + ry cos² t) dt apart, at least."""
    rx, ry = ring
    return min(rx * math.sin(t) ** 2 + ry * math.cos(t) ** 2 for t in (angles[a], angles[b]))


def _pairs(order: list[str], radial: bool) -> list[tuple[str, str]]:
    """The labels that could touch: neighbours on the ring (radial), else every pair."""
    if radial:
        return [(order[i], order[(i + 1) % len(order)]) for i in range(len(order))
                if len(order) > 1]
    return [(a, b) for i, a in enumerate(order) for b in order[i + 1:]]


def _needed(a: str, b: str, angles: Mapping[str, float], lines: Mapping[str, list[str]]
            ) -> float:
    """How far from the centre two radial labels are apart enough (1 pt at least)."""
    apart = abs(angles[a] - angles[b]) % (2 * math.pi)
    apart = min(apart, 2 * math.pi - apart)
    width = (_extent(len(lines[a])) + _extent(len(lines[b]))) / 2 + 1
    return width / max(2 * math.sin(apart / 2), 1e-9)


def _clash(a: str, b: str, angles: Mapping[str, float], sizes: Mapping[str, float],
           ring: tuple[float, float], lines: Mapping[str, list[str]], radial: bool,
           push: Mapping[str, float] | None = None) -> bool:
    """Whether the labels of ``a`` and ``b`` overlap (1 pt apart at least)."""
    ea, eb = _extent(len(lines[a])), _extent(len(lines[b]))
    if radial:  # both run outwards: where both have started, they fan apart
        push = push or {}
        inner = _bend(ring, angles, a, b) + 3 + max(sizes[a] + push.get(a, 0.0),
                                                    sizes[b] + push.get(b, 0.0))
        return inner < _needed(a, b, angles, lines)
    box = []
    for aid, extent in ((a, ea), (b, eb)):
        d = ring[0] + sizes[aid] + 3
        lx, ly = d * math.cos(angles[aid]), d * math.sin(angles[aid])
        length = min(_HALF_LABEL, _length(lines[aid]))
        x0 = lx - length if math.cos(angles[aid]) < -1e-9 else lx
        box.append((x0, ly - extent / 2, x0 + length, ly + extent / 2))
    (a0, a1, a2, a3), (b0, b1, b2, b3) = box
    return a0 < b2 + 1 and b0 < a2 + 1 and a1 < b3 + 1 and b1 < a3 + 1


def _clashes(order: list[str], angles: Mapping[str, float], sizes: Mapping[str, float],
             ring: tuple[float, float], lines: Mapping[str, list[str]], radial: bool) -> bool:
    return any(_clash(a, b, angles, sizes, ring, lines, radial)
               for a, b in _pairs(order, radial))


def _spread(order: list[str], types: list[str], sizes: Mapping[str, float],
            ring: tuple[float, float], lines: Mapping[str, list[str]], r_max: float,
            angles: Mapping[str, float]) -> dict[str, float] | None:
    """Angles for radial labels: each gap between neighbours as wide as their labels need
    where they start, a typ gap between groups, the rest shared evenly; None when the
    labels need more than the ring has."""
    count = len(order)
    if count < 2:
        return None
    gaps = []
    for i, a in enumerate(order):
        b = order[(i + 1) % count]
        width = (_extent(len(lines[a])) + _extent(len(lines[b]))) / 2 + 1.5
        radius = _bend(ring, angles, a, b)
        inner = radius + 3 + max(sizes[a], sizes[b])
        need = 2 * math.asin(min(1.0, width / (2 * inner)))
        need = max(need, 2 * math.asin(min(1.0, (2 * r_max + 2) / (2 * radius))))
        if types[i] != types[(i + 1) % count]:
            need += 2 * math.asin(min(1.0, 12 / radius))  # the gap between two typ groups
        gaps.append(need)
    slack = 2 * math.pi - sum(gaps)
    if slack < 0:
        return None
    gaps = [g + slack / count for g in gaps]
    # the first actor sits where the even layout puts it, right of the top
    angle = -math.pi / 2 + gaps[-1] / 2
    out = {}
    for aid, gap in zip(order, gaps, strict=True):
        out[aid] = round(angle, 9)
        angle += gap
    return out


def _stagger(order: list[str], angles: Mapping[str, float], sizes: Mapping[str, float],
             ring: tuple[float, float], by_id: Mapping[str, Mapping[str, Any]],
             room: Callable[[str, float], float]
             ) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Radial labels of several lines: where two neighbours would touch, the taller one
    starts further out (where the rays are further apart) and wraps to the shorter room."""
    push = {aid: 0.0 for aid in order}
    lines = {aid: _lines(by_id[aid], room=room(aid, 0.0)) for aid in order}
    for _ in range(6):
        changed = False
        for a, b in _pairs(order, True):
            if not _clash(a, b, angles, sizes, ring, lines, True, push):
                continue
            taller = a if len(lines[a]) >= len(lines[b]) else b
            if len(lines[taller]) < 2:
                continue  # two single lines: nothing to gain, _fit decides
            start = _needed(a, b, angles, lines) - _bend(ring, angles, a, b) - 3 - sizes[taller]
            if room(taller, start) < _MIN_ROOM:
                continue  # too little room left for the text
            push[taller] = max(push[taller], start)
            lines[taller] = _lines(by_id[taller], room=room(taller, push[taller]))
            changed = True
        if not changed:
            break
    return lines, push


def _fit(order: list[str], angles: Mapping[str, float], sizes: Mapping[str, float],
         ring: tuple[float, float], lines: dict[str, list[str]], radial: bool,
         by_id: Mapping[str, Mapping[str, Any]], push: Mapping[str, float],
         room: Callable[[str, float], float]) -> dict[str, list[str]]:
    """Fewer lines for labels that would overlap a neighbour (the taller one gives way);
    only a crowded ring gets there, real maps keep every name whole."""
    lines = dict(lines)
    changed = True
    while changed:
        changed = False
        for a, b in _pairs(order, radial):
            if not _clash(a, b, angles, sizes, ring, lines, radial, push):
                continue
            taller = a if len(lines[a]) >= len(lines[b]) else b
            if len(lines[taller]) > 1:
                lines[taller] = _lines(by_id[taller], len(lines[taller]) - 1,
                                       room(taller, push.get(taller, 0.0)))
                changed = True
    return lines


def _edges(edge_list: list[tuple[str, str, str, str | None]], geometry: dict[str, Any]
           ) -> list[dict[str, Any]]:
    (mx0, my0), xy = geometry["centre"], geometry["xy"]
    pairs: dict[tuple[str, str], list[int]] = {}
    for n, (a, b, _, _) in enumerate(edge_list):
        pairs.setdefault(tuple(sorted((a, b))), []).append(n)  # type: ignore[arg-type]
    out = []
    # thema labels avoid nodes and the actors' labels
    taken = [(x - r, y - r, x + r, y + r) for x, y, r in xy.values()]
    taken += geometry["label_boxes"]
    for n, (a, b, art, thema) in enumerate(edge_list):
        (x0, y0, _), (x1, y1, r1) = xy[a], xy[b]
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        cx, cy = mx + (mx0 - mx) * 0.45, my + (my0 - my) * 0.45
        group = pairs[tuple(sorted((a, b)))]  # type: ignore[index]
        if len(group) > 1:
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            nx, ny = -(y1 - y0) / length, (x1 - x0) / length
            if a > b:  # same side whatever the direction
                nx, ny = -nx, -ny
            shift = (group.index(n) - (len(group) - 1) / 2) * 16
            cx, cy = cx + nx * shift, cy + ny * shift
        paint, _, _, directed = RELATIONS.get(art, ("#8C8C8C", 1.0, "solid", False))
        arrow = None
        if directed:
            ux, uy = x1 - cx, y1 - cy
            norm = math.hypot(ux, uy) or 1.0
            ux, uy = ux / norm, uy / norm
            tx, ty = x1 - ux * (r1 + 1), y1 - uy * (r1 + 1)
            bx, by = tx - ux * 6.5, ty - uy * 6.5
            arrow = [(pt(tx), pt(ty)), (pt(bx - uy * 2.8), pt(by + ux * 2.8)),
                     (pt(bx + uy * 2.8), pt(by - ux * 2.8))]
        spot = _free_spot(thema, (x0, y0), (cx, cy), (x1, y1), taken)
        if spot is None:  # no free place on the line: the thema stays in the alt text
            thema, spot = None, _free_spot(None, (x0, y0), (cx, cy), (x1, y1), taken)
        assert spot is not None
        tx, ty = spot
        out.append({
            "x0": pt(x0), "y0": pt(y0), "cx": pt(cx), "cy": pt(cy), "x1": pt(x1), "y1": pt(y1),
            "strich": _stroke(art), "farbe": colour(paint), "pfeil": arrow,
            "thema": shorten(thema, 30) if thema else None,
            "tx": pt(tx), "ty": pt(ty),
        })
    return out


def _free_spot(thema: str | None, p0: tuple[float, float], c: tuple[float, float],
               p1: tuple[float, float], taken: list[tuple[float, float, float, float]]
               ) -> tuple[float, float] | None:
    """A point on the curve where the thema label overlaps no other label, or None."""
    def at(t: float) -> tuple[float, float]:
        u = 1 - t
        return (u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0],
                u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1])

    if not thema:
        return at(0.5)
    half_w = min(30, len(thema)) * 8.0 * 0.26 + 2
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85):
        x, y = at(t)
        x0, y0, x1, y1 = box = (x - half_w, y - 6.0, x + half_w, y + 6.0)
        # the first place that overlaps no box (stops at the first box it overlaps)
        if not any(min(x1, o[2]) > max(x0, o[0]) and min(y1, o[3]) > max(y0, o[1])
                   for o in taken):
            taken.append(box)
            return (x0 + x1) / 2, (y0 + y1) / 2
    return None


def _alt(title: str, order: list[str], edge_list: list[tuple[str, str, str, str | None]],
         by_id: Mapping[str, Mapping[str, Any]], types: list[str], typ: Any,
         notes: list[str]) -> str:
    def name(i: str) -> str:
        return " ".join(str(by_id[i].get("name") or i).split())

    parts = [f"Akteurslandkarte: {title}; {len(order)} Akteure, {len(edge_list)} Beziehungen."]
    groups = []
    for t in types:
        members = []
        for i in order:
            if typ(i) == t:
                einfluss = by_id[i].get("einfluss")
                members.append(name(i) + (f" (Einfluss {einfluss})" if einfluss else ""))
        groups.append(f"{t}: " + ", ".join(members))
    if groups:
        parts.append("Akteure nach Typ: " + "; ".join(groups) + ".")
    by_art: dict[str, list[str]] = {}
    for a, b, art, thema in edge_list[:80]:
        arrow = " → " if RELATIONS.get(art, ("", 0, "", False))[3] else " – "
        by_art.setdefault(art, []).append(
            name(a) + arrow + name(b) + (f" (Thema: {thema})" if thema else ""))
    if by_art:
        parts.append("Beziehungen: " + "; ".join(f"{art}: {', '.join(v)}"
                                                for art, v in by_art.items()) + ".")
    if len(edge_list) > 80:
        parts.append(f"… und {len(edge_list) - 80} weitere Beziehungen.")
    if notes:
        parts.append("Hinweis: " + "; ".join(notes) + ".")
    return " ".join(parts)
