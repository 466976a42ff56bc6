-- typst only: long tables are split into tables of at most IK_TABELLE_ZEILEN
-- body rows (default 250), each with the header row. typst lays out one table
-- as a whole; chunks keep memory bounded at Landkreis size (10,000 rows).
-- Only the first chunk keeps caption and id; the figure counter is stepped
-- back after each continuation so table numbers stay right.

local LIMIT = tonumber(os.getenv("IK_TABELLE_ZEILEN") or "") or 250
local UNCOUNT = "#counter(figure.where(kind: table)).update(n => n - 1)"

local function chunk_body(body, rows)
  return { attr = body.attr, body = rows, head = pandoc.List(),
           row_head_columns = body.row_head_columns }
end

function Table(el)
  if FORMAT ~= "typst" or #el.bodies ~= 1 then return nil end
  local body = el.bodies[1]
  local rows = body.body
  if #rows <= LIMIT then return nil end
  local out = pandoc.List()
  for first = 1, #rows, LIMIT do
    local slice = pandoc.List()
    for i = first, math.min(first + LIMIT - 1, #rows) do slice:insert(rows[i]) end
    local part = el:clone()
    part.bodies = { chunk_body(body, slice) }
    if first > 1 then
      part.caption = pandoc.Caption()
      part.attr = pandoc.Attr()
    end
    if first + LIMIT <= #rows then part.foot = pandoc.TableFoot() end
    out:insert(part)
    if first > 1 then out:insert(pandoc.RawBlock("typst", UNCOUNT)) end
  end
  return out
end

-- IK_VERWEISE_TEXT=1 (set by the pipeline above a few thousand internal links):
-- links to anchors in the document become their text (the numbers like „A 5.1“
-- stay). typst keeps ~60 KB per resolved link; external links stay links.
if os.getenv("IK_VERWEISE_TEXT") == "1" then
  function Link(el)
    if el.target:sub(1, 1) == "#" then return el.content end
    return nil
  end
end
