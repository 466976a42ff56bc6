-- A paragraph that ends with a colon introduces what follows („Das wollen wir bis
-- 2030 erreichen:“) and must not end a page alone:
--  * typst: a sticky block (kept on the page of the next block),
--  * docx: the paragraph style „Überleitung“ (keep with next).
local function introduces(block)
  if block.t ~= "Para" then return false end
  local last = block.content[#block.content]
  return last ~= nil and last.t == "Str" and last.text:match(":$") ~= nil
end

function Blocks(blocks)
  if FORMAT ~= "typst" and FORMAT ~= "docx" then return nil end
  local changed = false
  for i = 1, #blocks - 1 do
    local block, after = blocks[i], blocks[i + 1]
    if introduces(block) and after.t ~= "Header" then
      changed = true
      if FORMAT == "typst" then
        local text = pandoc.write(pandoc.Pandoc({ block }), "typst"):gsub("%s+$", "")
        blocks[i] = pandoc.RawBlock("typst", "#block(sticky: true)[" .. text .. "]")
      else
        blocks[i] = pandoc.Div({ block }, pandoc.Attr("", {}, { ["custom-style"] = "Überleitung" }))
      end
    end
  end
  if changed then return blocks end
  return nil
end
