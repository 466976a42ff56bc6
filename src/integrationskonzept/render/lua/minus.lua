-- typst shows a hyphen before a digit as a minus sign ("-1034" would print "−1034").
-- Authors mean the hyphen they typed (phone extensions "-1034", "-5 Grad" aside), so
-- the typst output escapes it. Trusted filter: runs after the safety filter.
function Str(el)
  if el.text:match("^%-%d") then
    return { pandoc.RawInline("typst", "\\-"), pandoc.Str(el.text:sub(2)) }
  end
  return nil
end
