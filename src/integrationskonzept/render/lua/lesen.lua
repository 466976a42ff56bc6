-- The filters of reading, merged into one traversal (trusted): sicherheit.lua (text
-- stays text), ebenen.lua (no skipped heading levels) and deutsch.lua (German
-- quotation marks). Each walk of the document costs about a second per 10 MB of
-- Markdown at Landkreis size; one instead of three gives the same document:
--  * a heading's attributes are cleaned first, then its level is checked, in the
--    order of the document as before;
--  * quotation marks are inline and change no element the other filters look at
--    (a link or image whose target is refused keeps its text, converted either way).

local load = dofile(pandoc.path.join({ pandoc.path.directory(PANDOC_SCRIPT_FILE), "laden.lua" }))

local sicherheit = load("sicherheit.lua")[1]
local ebenen = load("ebenen.lua")[1]
local deutsch = load("deutsch.lua")[1]

local merged = {}
for key, value in pairs(sicherheit) do merged[key] = value end
merged.Quoted = deutsch.Quoted
merged.Header = function(el)
  return ebenen.Header(sicherheit.Header(el) or el)
end
return { merged }
