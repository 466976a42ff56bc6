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

-- IK_KOMPAKT=1 (set by the pipeline for long documents, above a few thousand
-- internal links), to keep typst's memory bounded:
--  * links to anchors in the document become their text (the numbers like „A 5.1“
--    stay); typst keeps ~60 KB per resolved link. External links stay links.
--  * the field lists of entries (`.ik-felder`) become one paragraph with a line
--    per field: a typst list item costs ~3 times a line.
--  * spans lose their ids (`[A 5.1]{#angebot-…}`): with the links gone nothing
--    refers to them, and typst locates every labelled text (Landkreis: 18,000
--    labels, 60 MB). Headings and figures keep theirs (named destinations).
if os.getenv("IK_KOMPAKT") == "1" then
  function Link(el)
    if el.target:sub(1, 1) == "#" then return el.content end
    return nil
  end

  function Span(el)
    if el.identifier == "" then return nil end
    el.identifier = ""
    return el
  end

  function Div(el)
    if not el.classes:includes("ik-felder") or #el.content ~= 1
        or el.content[1].t ~= "BulletList" then
      return nil
    end
    local lines = pandoc.List()
    for _, item in ipairs(el.content[1].content) do
      if #item ~= 1 or (item[1].t ~= "Plain" and item[1].t ~= "Para") then return nil end
      if #lines > 0 then lines:insert(pandoc.LineBreak()) end
      lines:extend(item[1].content)
    end
    el.content = { pandoc.Para(lines) }
    return el
  end
end
