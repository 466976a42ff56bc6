-- Fill the placeholders `::: {.ik-prosa key="p1" ebene="2"}` with the Markdown
-- fields of the sources, each parsed on its own (so an open fence or div cannot
-- swallow the rest of the document). The texts come from the JSON file named by
-- the environment variable IK_PROSA (or the metadata field `ik-prosa`):
--   { "reader": "...", "reader_schlicht": "...", "ausloeser": ["<", ...],
--     "texte": {"p1": {"text": "...", "ebene": 2}},
--     "verweise": {"m-1": {"label": "M 3.2 Sprachcafé", "anchor": "massnahme-m-1"}} }
-- [[id]] becomes a link to the entry's anchor labelled with its number and title;
-- [[id|text]] a link labelled with the given text (inflected forms).
-- Headings in a text are moved below the placeholder's level without skipping one.
-- Raw content is not read at all; the pipeline's safety filter runs afterwards.
-- Quotes become German quotation marks (the output is written without `smart`).

local data = nil

local function load(meta)
  local path = os.getenv("IK_PROSA")
  if (path == nil or path == "") and meta["ik-prosa"] then
    path = pandoc.utils.stringify(meta["ik-prosa"])
  end
  if path == nil or path == "" then return nil end
  local f = io.open(path, "r")
  if f == nil then error("prosa.lua: cannot open " .. path) end
  local text = f:read("a")
  f:close()
  return pandoc.json.decode(text, false)
end

local function resolve(el)
  local is_wiki = el.title == "wikilink" or el.classes:includes("wikilink")
  if not is_wiki then return nil end
  local ident = el.target
  local ref = data.verweise[ident]
  -- [[id|des Ausschusses]]: the author's (inflected) words are the link text
  local own = pandoc.utils.stringify(el.content) ~= ident
  if ref == nil then
    if own then return el.content end
    return pandoc.Str(ident)
  end
  local label = pandoc.Inlines({ pandoc.Str(ref.label) })
  if own then label = el.content end
  if ref.anchor == nil or ref.anchor == "" then return label end
  return pandoc.Link(label, "#" .. ref.anchor)
end

local function shift_headings(blocks, ebene, key)
  local min = 7
  blocks:walk({ Header = function(h) if h.level < min then min = h.level end end })
  if min == 7 then return blocks end
  local previous = ebene
  return blocks:walk({
    Header = function(h)
      local level = h.level - min + ebene + 1
      if level > previous + 1 then level = previous + 1 end
      previous = level
      if level > 6 then return pandoc.Para({ pandoc.Strong(h.content) }) end
      h.level = level
      if h.identifier ~= "" then h.identifier = key .. "-" .. h.identifier end
      return h
    end,
  })
end

-- German quotation marks: the one definition is deutsch.lua, beside this file.
local german_quotes = dofile(
  pandoc.path.join({ pandoc.path.directory(PANDOC_SCRIPT_FILE), "deutsch.lua" })
)[1].Quoted

-- Attributes of a text: only width/height (sizes) and lang, as in sicherheit.lua;
-- the `md` output is the one format that filter does not see (onclick, style …).
local function clean_attr(el)
  if el.attr == nil or #el.attr.attributes == 0 then return nil end
  local keep = {}
  for k, v in pairs(el.attr.attributes) do
    local value = tostring(v)
    if (k == "width" or k == "height") and value:match("^[%d.]+%s*[%a%%]*$") then
      keep[k] = v
    elseif k == "lang" and value:match("^%a%a%a?[%w%-]*$") then
      keep[k] = v
    end
  end
  el.attr = pandoc.Attr(el.attr.identifier, el.attr.classes, keep)
  return el
end

local function raw_marked(el)
  for _, class in ipairs(el.classes) do
    if class:match("^{?=") then return true end
  end
  return false
end

-- `code`{=html}: without raw_attribute the reader gives Code and the text
-- "{=html}", which the Markdown writer would put back together as raw HTML.
local function drop_raw_inlines(inlines)
  local out = pandoc.Inlines({})
  local skip = false
  for i, el in ipairs(inlines) do
    local after = inlines[i + 1]
    if skip then
      skip = false
    elseif el.t == "Code" and after and after.t == "Str" and after.text:match("^{=") then
      skip = true
    else
      out:insert(el)
    end
  end
  return out
end

-- The reader for one text: data.reader_schlicht (built once by pandoc) when the text
-- holds none of the strings (data.ausloeser) that the constructs in which it differs
-- from data.reader need.
local function reader_for(text)
  if data.reader_schlicht == nil then return data.reader end
  for _, trigger in ipairs(data.ausloeser or {}) do
    if text:find(trigger, 1, true) then return data.reader end
  end
  return data.reader_schlicht
end

-- The blocks of one text: parsed alone, references resolved, images renamed,
-- headings moved below `ebene`, German quotation marks as characters.
local function blocks_of(key, entry)
  local ebene = tonumber(entry.ebene) or 1
  local doc = pandoc.read(entry.text, reader_for(entry.text))
  local blocks = doc.blocks:walk({
    -- a placeholder written into a text stays an ordinary div
    Div = function(d)
      if d.classes:includes("ik-prosa") then return d.content end
      return clean_attr(d)
    end,
    RawBlock = function(_) return {} end,
    RawInline = function(_) return {} end,
    Link = function(el) return resolve(el) or clean_attr(el) end,
    Image = function(img)
      local name = entry.bilder and entry.bilder[img.src]
      if name then img.src = name end
      return clean_attr(img) or img
    end,
    -- ```{=html} read as a code block: raw content in the `md` output, dropped
    CodeBlock = function(el) if raw_marked(el) then return {} end return clean_attr(el) end,
    Code = function(el) if raw_marked(el) then return {} end return clean_attr(el) end,
    Inlines = drop_raw_inlines,
    Span = clean_attr,
    Header = clean_attr,
    Table = clean_attr,
    Figure = clean_attr,
  })
  blocks = blocks:walk({ Quoted = german_quotes })
  return shift_headings(blocks, ebene, key)
end

local function expand(div)
  if not div.classes:includes("ik-prosa") then return nil end
  local key = div.attributes.key
  local entry = key and data.texte[key]
  if entry == nil then return {} end
  return blocks_of(key, entry)
end

-- Mode 1 (IK_PROSA_OUT set): write every text as Markdown into a JSON object
-- {key: markdown} in that file; the caller splices them into the document.
-- Mode 2: replace the placeholders of the document being filtered.
function Pandoc(doc)
  data = load(doc.meta)
  if data == nil then return nil end
  local out_path = os.getenv("IK_PROSA_OUT")
  if out_path ~= nil and out_path ~= "" then
    local result = {}
    for key, entry in pairs(data.texte) do
      local blocks = blocks_of(key, entry)
      result[key] = pandoc.write(pandoc.Pandoc(blocks), "markdown-smart",
        { wrap_text = "none" })
    end
    local f = io.open(out_path, "w")
    f:write(pandoc.json.encode(result))
    f:close()
    return pandoc.Pandoc({})
  end
  doc.meta["ik-prosa"] = nil
  doc.blocks = doc.blocks:walk({ Div = expand })
  return doc
end
