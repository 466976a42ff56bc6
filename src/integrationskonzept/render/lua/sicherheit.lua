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

-- Returns the element when its attributes changed and nil otherwise, so pandoc
-- need not convert unchanged elements back (10,000-row tables stay cheap).
local function clean_attr(el)
  if el.attr == nil or #el.attr.attributes == 0 then return nil end
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
      return clean_attr(el)
    end,
    Image = function(el)
      if not assets[el.src] then
        return pandoc.Emph(el.caption)
      end
      return clean_attr(el)
    end,
    -- Rows and cells are not visited: pandoc's Markdown reader gives them no
    -- attributes (there is no syntax for it), and walking 50,000 cells costs seconds.
    Table = clean_attr,
    Div = clean_attr,
    Span = clean_attr,
    Header = clean_attr,
    CodeBlock = clean_attr,
    Code = clean_attr,
    Figure = clean_attr,
  },
}
