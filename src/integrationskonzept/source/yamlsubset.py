"""The subset of YAML the fast reader takes: block YAML as concept files are written.

:mod:`.fastyaml` hands a file to rapidyaml only when every line of it has one of the
shapes below; rapidyaml is more lenient than libyaml (it reads a stray ``]``,
``titel: Integration: Ein Konzept`` or an unclosed quote without complaint), and within
this subset both read the same (the tests compare them on generated and mutated files).
Anything else – flow collections over several lines, quoted keys, escapes, anchors,
tags, indicators at a value's start – goes to the safe reader, which also says what is
wrong with a file that is not YAML.

Line shapes: blank or comment; ``key: value``, ``- key: value`` and ``- value`` with a
plain value continued on more indented lines, a single-line quoted value without
escapes, a single-line flow list/mapping of such values, or a flow list broken after
its commas onto more indented lines; ``key: |`` / ``key: >`` (also after ``- ``) with
a block of more indented lines, every line at least as indented as its first; ``-``
alone. Keys are simple words.
"""

from __future__ import annotations

import re
import sys

# Characters the safe reader refuses in a file (tabs, control characters; U+FFFE and
# U+FFFF are looked for in is_plain_block_yaml, in a character class they would triple
# the time to compile the pattern; see safeyaml._check_characters): no part of the
# subset matches them, so a file in the subset needs no separate scan for them.
CONTROL = r"\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f"
# The patterns are built from runs of ordinary characters (``[^:#\\r\\n]*``), which the
# regular expression engine scans in a tight loop; a ": " or " #" ends a plain value.
NL = r"\r?\n"
KEY = r"[A-Za-z0-9_][A-Za-z0-9_.\-]*"
PSTART = r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`~" + CONTROL + r"]|[-?:](?=[^\s,\[\]{}]))"
PRUN = rf"[^:#\r\n{CONTROL}]*"  # spaces included: a " #" ends the run at the "#" (see PBODY)
PBODY = rf"{PRUN}(?:(?::(?=[^\s])|(?<=[^\s])#){PRUN})*"
PLAIN = PSTART + PBODY
DQ = rf'"[^"\\\r\n{CONTROL}]*"'
SQ = rf"'[^'\r\n{CONTROL}]*(?:''[^'\r\n{CONTROL}]*)*'"
# In a flow list or mapping "?" and ":" cannot start a value (libyaml refuses them).
FSTART = r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`~" + CONTROL + r"]|-(?=[^\s,\[\]{}]))"
FRUN = rf"[^:#\r\n,\[\]{{}}{CONTROL}]*"
FBODY = rf"{FRUN}(?:(?::(?=[^\s,\[\]{{}}])|(?<=[^\s])#){FRUN})*"
FS = rf"(?:{FSTART}{FBODY}|{DQ}|{SQ})"
FSEQ = rf"\[[ ]*(?:{FS}(?:[ ]*,[ ]*{FS})*)?[ ]*\]"
FMAP = rf"\{{[ ]*(?:{KEY}:[ ]+{FS}(?:[ ]*,[ ]*{KEY}:[ ]+{FS})*)?[ ]*\}}"
VALUE = rf"(?:{DQ}|{SQ}|{FSEQ}|{FMAP}|{PLAIN})"


def flow_lines(ind: str, extra: str) -> str:
    """A flow list over several lines, broken after a comma, the lines more indented."""
    brk = rf"(?:[ ]*{NL}(?P={ind}){extra}[ ]+|[ ]*)"
    return rf"\[[ ]*{FS}(?:[ ]*,{brk}{FS})*[ ]*\]"
TEXT = rf"[^\r\n{CONTROL}]*"  # the rest of a line: a comment, a line of a block
# the end of a line after its content: spaces, a comment after a space. The same as
# (?:[ ]+#…)?[ ]*\n, as alternatives: the engine gets over the usual bare line end faster.
END = rf"(?:{NL}|[ ]+(?:#{TEXT})?{NL})"
BLANK = rf"[ ]*{NL}"
def block(ind: str, extra: str, name: str) -> str:
    """The lines of a block scalar: blank lines, then the first content line sets the
    indentation every later content line keeps (at least)."""
    return (rf"(?:{BLANK})*(?:(?P<{name}>(?P={ind}){extra}[ ]+)[^\s{CONTROL}]{TEXT}{NL}"
            rf"(?:(?P={name}){TEXT}{NL}|{BLANK})*)?")


def cont(ind: str, extra: str) -> str:
    """The more indented lines a plain value goes on with."""
    return rf"(?:(?P={ind}){extra}[ ]+{PSTART}{PBODY}{END})*"


def not_deeper(ind: str, extra: str) -> str:
    """The next line with content is not more indented than ``ind`` + ``extra``: a value
    is complete (libyaml refuses a deeper line there; rapidyaml may read it as a key).

    Written as two tests: the next line itself, then – only where the next line is blank
    or a comment – the first line with content after those; the same condition as one
    lookahead over any number of blank lines, which the engine is slower to rule out on
    every line (a seventh of the gate's time).
    """
    deeper = rf"(?P={ind}){extra}[ ]+[^\s#]"
    return rf"(?!{deeper})(?!(?=[ ]*[#\r\n])(?:[ ]*(?:#[^\r\n]*)?{NL})+{deeper})"


def after_key(ind: str, extra: str, name: str) -> str:
    """What follows ``key:``: a value, nothing (a nested block follows), a block scalar,
    a broken flow list."""
    done = not_deeper(ind, extra)
    return (rf"(?:[ ]+{VALUE}{END}{cont(ind, extra)}{done}"
            rf"|{END}"
            rf"|[ ]+[|>][+-]?{END}{block(ind, extra, name)}{done}"
            rf"|[ ]+{flow_lines(ind, extra)}{END}{done})")


# The most common shape first (the alternatives start with different characters, so
# their order changes only how soon the engine finds the one that fits).
LINE = (
    rf"(?P<i>[ ]*)(?:{KEY}:{after_key('i', '', 'c1')}"
    rf"|- (?:{KEY}:{after_key('i', '[ ]{2}', 'c2')}"
    rf"|{VALUE}{END}{cont('i', '')}{not_deeper('i', '')}"
    rf"|[|>][+-]?{END}{block('i', '', 'c3')}{not_deeper('i', '')})"
    rf"|-{END}"
    rf"|(?:#{TEXT})?{NL})"
)


# The usual lines once more, cheaper: a run of ``key: value`` lines at one indentation (or
# one ``- key: value`` line) whose values are a plain text without ``:`` and ``#``, or a
# one-line flow list/mapping of such texts. Every line of a run is one LINE as
# well (the next line of the run is at the same indentation: not deeper, no continuation);
# the run ends where the next line is no blank or comment line and not deeper, so the last
# line is a whole LINE too (otherwise the run gives the line back and LINE reads it). So a
# text is read the same with or without runs; runs need no alternatives tried, no backtrack
# positions kept (possessive ``*+``) and one not-deeper test per run instead of per line:
# about half the gate's time on a Landkreis (tests/test_yamlsubset.py compares both).
# Possessive quantifiers (``*+``, ``++``) are Python 3.11's; on 3.10 the same expression
# without them matches the same texts (no part of a run can end anywhere else), slower.
_P = "+" if sys.version_info >= (3, 11) else ""
_KEY_P = KEY + _P
_FS_P = FSTART + FRUN + _P  # a flow item without ":" and "#"
_VALUE_P = (rf"(?:\[[ ]*{_P}{_FS_P}(?:[ ]*{_P},[ ]*{_P}{_FS_P})*{_P}[ ]*{_P}\]"
            rf"|\{{[ ]*{_P}{_KEY_P}:[ ]+{_P}{_FS_P}"
            rf"(?:[ ]*{_P},[ ]*{_P}{_KEY_P}:[ ]+{_P}{_FS_P})*{_P}[ ]*{_P}\}}"
            rf"|{PSTART}{PRUN}{_P}){NL}")
_NEXT_HAS_CONTENT = r"(?![ ]*[#\r\n])"
# (A ``- key: value`` line is a run of its own: its keys, two deeper, are the next run;
# each value pattern in the expression costs compile time at every start.)
RUN = (rf"(?P<r>[ ]*{_P})(?:{_KEY_P}:[ ]+{_P}{_VALUE_P}(?:(?P=r){_KEY_P}:[ ]+{_P}{_VALUE_P})*"
       rf"{_NEXT_HAS_CONTENT}(?!(?P=r)[ ])"
       rf"|- {_KEY_P}:[ ]+{_P}{_VALUE_P}{_NEXT_HAS_CONTENT}(?!(?P=r)[ ]{{3}}))")

SUBSET = rf"(?:{RUN}|{LINE})*{_P}"
_compiled: list[re.Pattern[str]] = []  # compiled when first needed, kept between runs


def subset() -> re.Pattern[str]:
    """The compiled pattern of the subset (its program from ik's cache, .patterncache)."""
    if not _compiled:
        from .patterncache import compiled

        _compiled.append(compiled(SUBSET))
    return _compiled[0]


def is_plain_block_yaml(text: str) -> bool:
    """Whether every line of ``text`` has one of the shapes the fast reader takes."""
    if not text.endswith("\n"):  # a block scalar at the end keeps or loses its "\n"
        return False
    if "\u2028" in text or "\u2029" in text:  # line breaks to libyaml, not to rapidyaml
        return False
    if "\ufffe" in text or "\uffff" in text:  # refused by the safe reader (see CONTROL)
        return False
    found = subset().match(text)
    return found is not None and found.end() == len(text)
