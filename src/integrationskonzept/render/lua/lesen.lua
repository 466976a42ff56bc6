-- The filters of reading, merged into one traversal (trusted): sicherheit.lua (text
-- stays text), ebenen.lua (no skipped heading levels) and deutsch.lua (German
-- quotation marks). Each walk of the document costs about a second per 10 MB of
-- Markdown at Landkreis size; one instead of three gives the same document:
--  * a heading's attributes are cleaned first, then its level is checked, in the
--    order of the document as before;
--  * quotation marks are inline and change no element the other filters look at
--    (a link or image whose target is refused keeps its text, converted either way).

local dir = pandoc.path.directory(PANDOC_SCRIPT_FILE)

-- The filter functions a file defines: the first table of the list it returns, or
-- its global functions.
local function load(name)
  local env = setmetatable({}, { __index = _G })
  local chunk = assert(loadfile(pandoc.path.join({ dir, name }), "t", env))
  local returned = chunk()
  if type(returned) == "table" then return returned[1] end
  local filter = {}
  for key, value in pairs(env) do
    if type(value) == "function" and key:match("^%u") then filter[key] = value end
  end
  return filter
end

local sicherheit = load("sicherheit.lua")
local ebenen = load("ebenen.lua")
local deutsch = load("deutsch.lua")

local merged = {}
for key, value in pairs(sicherheit) do merged[key] = value end
merged.Quoted = deutsch.Quoted
merged.Header = function(el)
  return ebenen.Header(sicherheit.Header(el) or el)
end
return { merged }
