-- Landscape pages for wide tables: content in `::: {.quer}` ... `:::`.
--  * typst: the div's blocks go on flipped pages.
--  * docx: section breaks around the div; the placeholders are replaced by
--    complete <w:sectPr> elements (portrait before, landscape after) when the
--    DOCX is finished, copying the document's header and footer references.
--  * html: the div keeps its class `quer` for the stylesheet.

local OPEN = { typst = "#page(flipped: true)[", openxml = "<!--IK-QUER-ANFANG-->" }
local CLOSE = { typst = "]", openxml = "<!--IK-QUER-ENDE-->" }

function Div(el)
  if not el.classes:includes("quer") then return nil end
  local fmt = FORMAT == "docx" and "openxml" or FORMAT
  if OPEN[fmt] == nil then return nil end
  local out = pandoc.List({ pandoc.RawBlock(fmt, OPEN[fmt]) })
  out:extend(el.content)
  out:insert(pandoc.RawBlock(fmt, CLOSE[fmt]))
  return out
end
