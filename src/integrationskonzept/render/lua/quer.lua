-- Landscape pages for wide tables: content in `::: {.quer}` ... `:::`.
--  * typst: the div's blocks go on flipped pages.
--  * docx: section breaks around the div; the placeholders are replaced by
--    complete <w:sectPr> elements (portrait before, landscape after) when the
--    DOCX is finished, copying the document's header and footer references.
--  * odt: empty paragraphs whose styles switch to the landscape page style
--    "Querformat" and back (see referenceodt.py).
--  * html: the div keeps its class `quer` for the stylesheet.
-- Headings right before the div move into it, so that no heading stays alone on
-- the portrait page before the landscape one.

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

local function is_quer(block)
  return block and block.t == "Div" and block.classes:includes("quer")
end

local function pull_headings(blocks)
  local out = pandoc.List()
  local held = pandoc.List()
  for _, block in ipairs(blocks) do
    if block.t == "Header" then
      held:insert(block)
    else
      if is_quer(block) and #held > 0 then
        held:extend(block.content)
        block.content = held
      else
        out:extend(held)
      end
      held = pandoc.List()
      out:insert(block)
    end
  end
  out:extend(held)
  return out
end

local function landscape(el)
  if not el.classes:includes("quer") then return nil end
  local fmt = ({ docx = "openxml", odt = "opendocument" })[FORMAT] or FORMAT
  if OPEN[fmt] == nil then return nil end
  local out = pandoc.List({ pandoc.RawBlock(fmt, OPEN[fmt]) })
  out:extend(el.content)
  out:insert(pandoc.RawBlock(fmt, CLOSE[fmt]))
  return out
end

return {
  { Blocks = pull_headings },
  { Div = landscape },
}
