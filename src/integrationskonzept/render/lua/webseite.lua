-- HTML only: every table sits in its own scroll container, so a wide table scrolls
-- sideways on a phone instead of widening the whole page; the container is
-- focusable and named by the caption, so keyboard users can scroll it too.
function Table(el)
  local name = pandoc.utils.stringify(el.caption.long or {})
  if name == "" then name = "Tabelle" end
  -- a list of pairs keeps the attribute order (and the bytes) the same on every run
  local attrs = { { "role", "region" }, { "tabindex", "0" }, { "aria-label", name } }
  return pandoc.Div({ el }, pandoc.Attr("", { "ik-tabelle" }, attrs))
end

-- A figure scrolls inside its own container as well: charts keep a minimum width on
-- small screens, so their labels stay readable.
function Figure(el)
  return pandoc.Div({ el }, pandoc.Attr("", { "ik-abbildung" }, {}))
end
