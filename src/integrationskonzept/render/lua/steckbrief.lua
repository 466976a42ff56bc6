-- The fields of an entry (Angebot, Bedarf, Ziel, Maßnahme) as a compact profile
-- instead of a long bullet list: `::: {.ik-steckbrief}` holding a list of
-- "**Name:** value" items becomes
--  * typst: a two-column grid in a light box (`ik-steckbrief` in the main file),
--  * docx/odt: a two-column table (label | value),
--  * html: a description list <dl> (two columns by the stylesheet).
-- Long documents (IK_KOMPAKT=1) keep tabellen.lua's compact lines in the PDF.

-- DOCX: formate.lua sets the global `bezeichnung` to bezeichnung.lua's Strong, which
-- then runs in a pass before this one: a label arrives as the Span it made and
-- leaves the profile the same way.
local function is_label(el)
  if el.t == "Strong" then return true end
  return bezeichnung ~= nil and el.t == "Span"
    and el.attributes["custom-style"] == "Bezeichnung"
end

local function split(item)
  if #item ~= 1 or (item[1].t ~= "Plain" and item[1].t ~= "Para") then return nil end
  local inlines = item[1].content
  if #inlines == 0 or not is_label(inlines[1]) then return nil end
  local label = inlines[1].content
  local rest = pandoc.List()
  for i = 2, #inlines do rest:insert(inlines[i]) end
  while #rest > 0 and rest[1].t == "Space" do rest:remove(1) end
  return label, rest
end

local function fields(div)
  if #div.content ~= 1 or div.content[1].t ~= "BulletList" then return nil end
  local out = {}
  for _, item in ipairs(div.content[1].content) do
    local label, value = split(item)
    if label == nil then return nil end
    table.insert(out, { label = label, value = value })
  end
  return out
end

-- The cells of profiles written by one call of the typst writer (each call costs
-- about a millisecond; Peine has 155 profiles), separated by a line text cannot
-- produce (typst escapes `#`): the cells of each profile in order.
local MARK = "#ik-zelle-ende()"

local function typst_cells(profiles)
  local blocks = pandoc.Blocks({})
  for _, rows in ipairs(profiles) do
    for _, row in ipairs(rows) do
      for _, inlines in ipairs({ { pandoc.Strong(row.label) }, row.value }) do
        blocks:insert(pandoc.Plain(inlines))
        blocks:insert(pandoc.RawBlock("typst", MARK))
      end
    end
  end
  local text = pandoc.write(pandoc.Pandoc(blocks), "typst")
  local cells = {}
  local start = 1
  while true do
    local from, to = text:find("\n*" .. MARK:gsub("%p", "%%%0") .. "\n*", start)
    if from == nil then break end
    table.insert(cells, "[" .. text:sub(start, from - 1):gsub("%s+$", "") .. "]")
    start = to + 1
  end
  local out, next_cell = {}, 1
  for _, rows in ipairs(profiles) do
    out[#out + 1] = table.concat(cells, ", ", next_cell, next_cell + 2 * #rows - 1)
    next_cell = next_cell + 2 * #rows
  end
  return out
end

local function typst(rows)
  return pandoc.RawBlock("typst", "#ik-steckbrief(" .. typst_cells({ rows })[1] .. ")")
end

local function is_profile(el)
  return el.classes:includes("ik-steckbrief")
    and not (FORMAT == "typst" and os.getenv("IK_KOMPAKT") == "1")
end

-- typst: the cells of every profile of ``doc``, written at once before the pass that
-- replaces the profiles (formate.lua); Div takes them in the same order, each checked
-- by its number of rows (a profile that does not match is written on its own).
local prepared, taken = {}, 0

function prepare_typst(doc)
  prepared, taken = {}, 0
  if os.getenv("IK_KOMPAKT") == "1" then return nil end  -- no profiles: no walk
  local profiles = {}
  doc:walk({
    Div = function(el)
      if not is_profile(el) then return nil end
      local rows = fields(el)
      if rows ~= nil and #rows > 0 then profiles[#profiles + 1] = rows end
      return nil
    end,
  })
  if #profiles == 0 then return nil end
  for i, cells in ipairs(typst_cells(profiles)) do
    prepared[i] = { rows = #profiles[i], cells = cells }
  end
  return nil
end

local function typst_profile(rows)
  local ready = prepared[taken + 1]
  if ready ~= nil and ready.rows == #rows then
    taken = taken + 1
    return pandoc.RawBlock("typst", "#ik-steckbrief(" .. ready.cells .. ")")
  end
  return typst(rows)
end

local function two_columns(rows)
  local body = pandoc.List()
  for _, row in ipairs(rows) do
    local label = pandoc.Strong(row.label)
    if bezeichnung ~= nil then label = bezeichnung(label) or label end
    body:insert(pandoc.Row({ pandoc.Cell({ pandoc.Plain({ label }) }),
                             pandoc.Cell({ pandoc.Plain(row.value) }) }))
  end
  local colspecs = { { pandoc.AlignLeft, 0.27 }, { pandoc.AlignLeft, 0.73 } }
  local tbl = pandoc.Table(pandoc.Caption(), colspecs, pandoc.TableHead(),
                           { { attr = pandoc.Attr(), body = body, head = pandoc.List(),
                               row_head_columns = 0 } },
                           pandoc.TableFoot(), pandoc.Attr("", { "ik-steckbrief" }))
  return tbl
end

local function description_list(rows)
  local items = pandoc.List()
  for _, row in ipairs(rows) do
    local label = pandoc.List(row.label)
    -- the colon belongs to the running-text form, not to a two-column profile
    local last = label[#label]
    if last and last.t == "Str" and last.text:match(":$") then
      label[#label] = pandoc.Str(last.text:sub(1, -2))
    end
    items:insert({ label, { pandoc.Plain(row.value) } })
  end
  return pandoc.Div({ pandoc.DefinitionList(items) }, pandoc.Attr("", { "ik-steckbrief" }))
end

function Div(el)
  if not is_profile(el) then return nil end
  local rows = fields(el)
  if rows == nil or #rows == 0 then return nil end
  if FORMAT == "typst" then return typst_profile(rows) end
  if FORMAT == "docx" or FORMAT == "odt" then return two_columns(rows) end
  if FORMAT:match("^html") then return description_list(rows) end
  return nil
end
