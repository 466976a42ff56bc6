-- DOCX: a bold label such as „Federführung:“ gets the character style
-- „Bezeichnung“ instead of direct bold formatting, so the press office restyles
-- all labels at once. A label is bold text ending in a colon.
function Strong(el)
  local text = pandoc.utils.stringify(el.content)
  if text:match(":$") and #text <= 60 then
    return pandoc.Span(el.content, { ["custom-style"] = "Bezeichnung" })
  end
  return nil
end
