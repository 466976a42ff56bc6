-- The filters of reading, merged into one traversal (trusted): sicherheit.lua (text
-- stays text), ebenen.lua (no skipped heading levels) and deutsch.lua (German
-- quotation marks). Each walk of the document costs about a second per 10 MB of
-- Markdown at Landkreis size; one instead of three gives the same document:
--  * a heading's attributes are cleaned first, then its level is checked, in the
--    order of the document as before;
--  * quotation marks are inline and change no element the other filters look at
--    (a link or image whose target is refused keeps its text, converted either way).
-- With IK_KOEPFE (a file name; a part of a long document, see htmlparts.py), the
-- part's headings are also written there as a document of their own, when all of
-- them stand at the top or in divs (where pandoc's table of contents finds them).

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
local koepfe = os.getenv("IK_KOEPFE") or ""
if koepfe ~= "" then
  local count = 0
  local header = merged.Header
  merged.Header = function(el)
    count = count + 1
    return header(el)
  end
  merged.Pandoc = function(doc)
    local found = pandoc.Blocks({})
    local function collect(blocks)
      for _, block in ipairs(blocks) do
        if block.t == "Header" then
          found:insert(block)
        elseif block.t == "Div" then
          collect(block.content)
        end
      end
    end
    collect(doc.blocks)
    if #found == count then
      local handle = assert(io.open(koepfe, "wb"))
      handle:write(pandoc.write(pandoc.Pandoc(found, doc.meta), "json"))
      handle:close()
    end
    return nil
  end
end
return { merged }
