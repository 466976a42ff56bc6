-- The format filters of one writer run, merged into few traversals (trusted).
-- Every filter walks the whole document, and at Landkreis size (25 MB of JSON)
-- each walk costs about a second; this driver loads the filter files beside it
-- and applies their functions in two passes (three for typst with minus.lua) instead of
-- seven or eight, in an order that keeps what each filter relies on:
--   1. typst, when minus.lua is loaded: bilder.lua (Image), which reads the captions
--      as the reader left them (otherwise bilder.lua runs in pass 2);
--   2. quer.lua's headings into landscape divs (Blocks), bilder.lua for the other
--      formats (Image: only the file name changes); for typst also
--      minus.lua (Str) and, in compact documents, tabellen.lua's links (Link) and
--      span ids (Span), so that text written as raw typst in pass 3 is already escaped;
--   3. the block filters: quer.lua's landscape divs, steckbrief.lua, tabellen.lua's
--      field lines (Div), ueberleitung.lua (Blocks), tabellen.lua's long tables
--      or webseite.lua's scroll containers (Table, Figure);
--   DOCX: bezeichnung.lua (Strong) in pass 2, before steckbrief.lua reads the labels
--   (it takes the styled label as one and styles the label it writes the same way).
-- deutsch.lua runs once when the Markdown is read (pipeline.py), not here.
-- A filter that a format does not use is not loaded for it; nor is minus.lua when
-- the pipeline found no text starting with a hyphen before a digit (IK_MINUS=0): its
-- Str function is called for every word (Peine: 0.1 s of 0.6 s).

-- The filter functions a file defines: the list it returns, or its globals.
local load = dofile(pandoc.path.join({ pandoc.path.directory(PANDOC_SCRIPT_FILE), "laden.lua" }))

-- One function for an element type several filters handle: the first that
-- changes the element wins (the filters handle disjoint classes of divs).
local function first_of(...)
  local functions = {}
  for i = 1, select("#", ...) do
    local f = select(i, ...)
    if f ~= nil then table.insert(functions, f) end
  end
  if #functions == 0 then return nil end
  if #functions == 1 then return functions[1] end
  return function(el)
    for _, f in ipairs(functions) do
      local result = f(el)
      if result ~= nil then return result end
    end
    return nil
  end
end

local typst = FORMAT == "typst"
local html = FORMAT:match("^html") ~= nil
local bilder = load("bilder.lua")[1]
local quer = load("quer.lua")
local steckbrief_filters, steckbrief_env = load("steckbrief.lua")
local steckbrief = steckbrief_filters[1]
local ueberleitung = load("ueberleitung.lua")[1]
local tabellen = typst and load("tabellen.lua")[1] or {}
local minus = typst and os.getenv("IK_MINUS") ~= "0" and load("minus.lua")[1] or {}
local webseite = html and load("webseite.lua")[1] or {}

local passes = {
  { Blocks = quer[1].Blocks, Str = minus.Str, Link = tabellen.Link, Span = tabellen.Span },
  {
    Div = first_of(quer[2].Div, steckbrief.Div, tabellen.Div),
    Blocks = ueberleitung.Blocks,
    Table = first_of(tabellen.Table, webseite.Table),
    Figure = webseite.Figure,
  },
}
if typst then
  if os.getenv("IK_KOMPAKT") ~= "1" then  -- compact documents keep no profiles
    -- every profile's cells in one call of the writer, as pass 3 will see them
    passes[1].Pandoc = steckbrief_env.prepare_typst
  end
  if minus.Str ~= nil then
    -- the alt text of a typst image is read from the caption before minus.lua
    -- escapes it (without minus.lua the caption is the same in either pass)
    table.insert(passes, 1, { Image = bilder.Image })
  else
    passes[1].Image = bilder.Image
  end
else
  passes[1].Image = bilder.Image
end
if FORMAT == "docx" then
  -- bold labels get their character style in pass 1 (a pass of its own costs 1.7 s
  -- at Landkreis size); steckbrief.lua recognises them by it
  local bezeichnung = load("bezeichnung.lua")[1].Strong
  passes[1].Strong = bezeichnung
  steckbrief_env.bezeichnung = bezeichnung
end
return passes
