-- Trusted safety filter, run once right after reading the Markdown.
-- Text in the sources is content, never code:
--  * raw blocks and inlines of any format are removed,
--  * attributes are reduced to id, classes and a few harmless keys
--    (pandoc passes `typst:*` keys into typst code and any key into HTML),
--  * links keep their text unless they point to http(s), mailto or an anchor,
--  * images must name one of the build's asset files (IK_BILDER, one per line),
--  * math becomes plain text; metadata from the Markdown is replaced by the
--    title data in IK_META (JSON object of strings, set as plain strings).

local allowed_keys = { width = true, height = true }
local assets = {}
for name in (os.getenv("IK_BILDER") or ""):gmatch("[^\n]+") do
  assets[name] = true
end

local function clean_attr(el)
  if el.attr == nil then return el end
  local keep = {}
  for k, v in pairs(el.attr.attributes) do
    if allowed_keys[k] and tostring(v):match("^[%d.]+%s*[%a%%]*$") then
      keep[k] = v
    elseif k == "lang" and tostring(v):match("^%a%a%a?[%w%-]*$") then
      keep[k] = v  -- foreign-language passages, read aloud correctly
    end
  end
  el.attr = pandoc.Attr(el.attr.identifier, el.attr.classes, keep)
  return el
end

local function safe_target(target)
  local t = target:lower()
  return t:match("^https?://") or t:match("^mailto:") or t:match("^#[^%s<>\"'`]+$")
end

local function clean_rows(rows)
  for _, row in ipairs(rows) do
    clean_attr(row)
    for _, cell in ipairs(row.cells) do clean_attr(cell) end
  end
end

return {
  {
    Meta = function(_)
      local meta = {}
      for k, v in pairs(pandoc.json.decode(os.getenv("IK_META") or "{}", false)) do
        meta[k] = pandoc.MetaString(tostring(v))
      end
      return pandoc.Meta(meta)
    end,
    RawBlock = function(_) return {} end,
    RawInline = function(_) return {} end,
    Math = function(el) return pandoc.Str(el.text) end,
    Link = function(el)
      if not safe_target(el.target) then return el.content end
      el.title = ""
      return clean_attr(el)
    end,
    Image = function(el)
      if not assets[el.src] then
        return pandoc.Emph(el.caption)
      end
      return clean_attr(el)
    end,
    Table = function(el)
      clean_attr(el)
      clean_rows(el.head.rows)
      for _, body in ipairs(el.bodies) do
        clean_rows(body.head)
        clean_rows(body.body)
      end
      clean_rows(el.foot.rows)
      return el
    end,
    Div = clean_attr,
    Span = clean_attr,
    Header = clean_attr,
    CodeBlock = clean_attr,
    Code = clean_attr,
    Figure = clean_attr,
  },
}
