"""The Akteurslandkarte: actors on a ring grouped by typ, relations as styled lines.

The layout is computed here, deterministically: actors sorted by typ (in the order of
the source format's vocabulary) and name, spread evenly over a circle with a gap between
typ groups; labels run radially outwards so 80 actors stay readable. Circle size shows
einfluss; lines bend slightly towards the centre, parallel relations between the same
pair fan out. All text is at least 8 pt; actor labels are one line (the short name when
the name is too long), a relation's thema is drawn only where it overlaps no other
label (every thema is in the alt text and the table). Förderung and Hierarchie are
directed: the arrow points to ``zu``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
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
_FONT = 8.0  # no chart text below 8 pt in print
_HORIZONTAL = 12  # up to this many actors the labels stay horizontal
_CHAR = 0.56  # average character width in em (Source Sans 3), generous


def _stroke(art: str) -> Raw:
    paint, width, dash, _ = RELATIONS.get(art, ("#8C8C8C", 1.0, "solid", False))
    return Raw(f'(paint: rgb("{paint}"), thickness: {width:.1f}pt, dash: "{dash}", '
               'cap: "round")')


def _label(actor: Mapping[str, Any]) -> str:
    """One line that fits the label's half box (the short name if the name is longer);
    labels of neighbours on the ring never overlap that way."""
    name = " ".join(str(actor.get("name") or actor.get("id") or "?").split())
    kurz = actor.get("kurz")
    limit = int(_HALF_LABEL / (_FONT * _CHAR))
    return shorten(str(kurz) if len(name) > limit and kurz else name, limit)


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
    longest = max((len(_label(by_id[i])) for i in order), default=0)
    cx = radius + r_max + 3 + min(_HALF_LABEL, longest * _FONT * _CHAR) + 6
    cy = cx if len(order) > _HORIZONTAL else radius + r_max + 14
    nodes: dict[str, dict[str, Any]] = {}
    xy: dict[str, tuple[float, float, float]] = {}
    boxes: list[tuple[float, float, float, float]] = []  # where the actors' labels are
    position, previous = 0, None
    for aid, t in zip(order, types, strict=True):
        if previous is not None and t != previous and groups > 1:
            position += 1
        previous = t
        angle = -math.pi / 2 + 2 * math.pi * (position + 0.5) / max(slots, 1)
        position += 1
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = r_max * INFLUENCE.get(str(by_id[aid].get("einfluss")), INFLUENCE["mittel"])
        left = math.cos(angle) < -1e-9
        # the label box is centred on the anchor; its outer half holds the text
        lx = cx + (radius + r + 3) * math.cos(angle)
        ly = cy + (radius + r + 3) * math.sin(angle)
        turn = 0.0 if len(order) <= _HORIZONTAL else math.degrees(angle) + (180 if left else 0)
        nodes[aid] = {"x": pt(x), "y": pt(y), "r": pt(r), "text": _label(by_id[aid]),
                      "winkel": round(turn, 2),
                      "links": left, "lx": pt(lx), "ly": pt(ly)}
        xy[aid] = (x, y, r)
        length = min(_HALF_LABEL, len(nodes[aid]["text"]) * _FONT * _CHAR)
        if len(order) <= _HORIZONTAL:
            x0 = lx - length if left else lx
            boxes.append((x0, ly - 6, x0 + length, ly + 6))
        else:  # a radial label: small boxes along its ray
            step = 0.0
            while step <= length:
                bx = cx + (radius + r + 3 + step) * math.cos(angle)
                by = cy + (radius + r + 3 + step) * math.sin(angle)
                boxes.append((bx - 5, by - 5, bx + 5, by + 5))
                step += 6
    return {"width": 2 * cx, "height": 2 * cy, "centre": (cx, cy), "r_max": r_max,
            "nodes": nodes, "xy": xy, "label_boxes": boxes}


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
    best: tuple[float, tuple[float, float, float, float]] | None = None
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85):
        x, y = at(t)
        box = (x - half_w, y - 6.0, x + half_w, y + 6.0)
        overlap = sum(max(0.0, min(box[2], o[2]) - max(box[0], o[0]))
                      * max(0.0, min(box[3], o[3]) - max(box[1], o[1])) for o in taken)
        if best is None or overlap < best[0]:
            best = (overlap, box)
        if overlap == 0:
            break
    if best is None or best[0] > 0:
        return None
    taken.append(best[1])
    return (best[1][0] + best[1][2]) / 2, (best[1][1] + best[1][3]) / 2


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
