-- Landscape pages for wide tables: content in `::: {.quer}` ... `:::`.
--  * typst: the div's blocks go on flipped pages.
--  * docx: section breaks around the div; the placeholders are replaced by
--    complete <w:sectPr> elements (portrait before, landscape after) when the
--    DOCX is finished, copying the document's header and footer references.
--  * odt: empty paragraphs whose styles switch to the landscape page style
--    "Querformat" and back (see referenceodt.py).
--  * html: the div keeps its class `quer` for the stylesheet.

local OPEN = {
  typst = "#page(flipped: true)[",
  openxml = "<!--IK-QUER-ANFANG-->",
  opendocument = '<text:p text:style-name="IK_Quer"/>',
}
local CLOSE = {
  typst = "]",
  openxml = "<!--IK-QUER-ENDE-->",
  opendocument = '<text:p text:style-name="IK_Hoch"/>',
}

function Div(el)
  if not el.classes:includes("quer") then return nil end
  local fmt = ({ docx = "openxml", odt = "opendocument" })[FORMAT] or FORMAT
  if OPEN[fmt] == nil then return nil end
  local out = pandoc.List({ pandoc.RawBlock(fmt, OPEN[fmt]) })
  out:extend(el.content)
  out:insert(pandoc.RawBlock(fmt, CLOSE[fmt]))
  return out
end
