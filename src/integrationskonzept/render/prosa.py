"""The Markdown fields of the sources, parsed one by one and spliced into the document."""

from __future__ import annotations

import concurrent.futures
import json
import re
import tempfile
from pathlib import Path

from ..document.prosa import Sammlung
from .limits import limits_for
from .pandoc import lua, run_pandoc
from .prosacache import ProsaCache

# From this many texts on, two pandoc runs read them at once (one per core; Jinja, which
# writes the document meanwhile, needs little: Peine's 139 texts 0.24 -> 0.16 s).
TEILE_AB = 60
_BLANKS = re.compile(r"\n{3,}")
_NOTE = re.compile(r"(?<!\\)\[\^(\d+)\]")
_PLACEHOLDER = re.compile(r'^::: \{\.ik-prosa key="(p\d+)" ebene="\d+"\}\n:::$', re.M)


def expand_prosa(markdown: str, sammlung: Sammlung) -> str:
    """Fill the prosa placeholders with the Markdown fields (:func:`prosa_texte`)."""
    return splice_prosa(markdown, prosa_texte(sammlung))


def prosa_texte(sammlung: Sammlung) -> dict[str, str]:
    """The Markdown fields by key, each parsed on its own and written back balanced.

    One pandoc run (``lua/prosa.lua``) reads every text separately and writes it
    back as Markdown; each snippet is balanced (the writer closes what it opens), so
    no field can reach into the rest of the document. Template lists next to a text
    sit in a div (``.ik-felder``) so a text ending in a list cannot merge with them.
    The run is bounded in time and memory by the texts' size
    (:func:`.limits.limits_for`). Texts read before and unchanged since come from ik's
    cache (:mod:`.prosacache`); only the others are read.
    """
    if not sammlung.texte:
        return {}
    data = sammlung.data()
    cache = ProsaCache(data)
    known = cache.known(sammlung.texte)  # texts read before, unchanged since
    keys = [key for key in sammlung.texte if key not in known]
    if not keys:
        return known
    limits = limits_for(sum(len(str(sammlung.texte[key].get("text", ""))) for key in keys))
    # pandoc needs about 2 ms per text whatever its length: many texts in two runs at once
    teile = [keys] if len(keys) < TEILE_AB else [keys[: len(keys) // 2], keys[len(keys) // 2:]]
    with tempfile.TemporaryDirectory(prefix="ik-prosa-") as tmp:
        work = Path(tmp)
        (work / "leer.md").write_text("", encoding="utf-8")

        def parse(number: int) -> dict[str, str]:
            source, target = work / f"prosa-{number}.json", work / f"texte-{number}.json"
            part = {**data, "texte": {key: sammlung.texte[key] for key in teile[number]}}
            source.write_text(json.dumps(part, ensure_ascii=False), encoding="utf-8")
            run_pandoc(
                ["-f", "commonmark", "-t", "plain", "--lua-filter", lua("prosa.lua"),
                 "leer.md"],
                cwd=work, env={"IK_PROSA": str(source), "IK_PROSA_OUT": str(target)},
                timeout=limits.seconds, memory_limit=limits.memory, what="die Textfelder",
            )
            result: dict[str, str] = json.loads(target.read_text(encoding="utf-8"))
            return result

        with concurrent.futures.ThreadPoolExecutor(max_workers=len(teile)) as pool:
            texte: dict[str, str] = {}
            for result in pool.map(parse, range(len(teile))):
                texte.update(result)
    cache.keep(sammlung.texte, texte)
    return {**known, **texte}


def splice_prosa(markdown: str, texte: dict[str, str]) -> str:
    """``markdown`` with each placeholder replaced by its text from :func:`prosa_texte`."""
    if not texte:
        return markdown

    def splice(match: re.Match[str]) -> str:
        key = match.group(1)
        body = texte.get(key, "").strip("\n")
        # footnote labels are numbered per text: make them unique in the document
        return _NOTE.sub(lambda m: f"[^{key}-{m.group(1)}]", body)

    return _BLANKS.sub("\n\n", _PLACEHOLDER.sub(splice, markdown))
