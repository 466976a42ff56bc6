-- Format-specific image handling (trusted, runs after sicherheit.lua).
--  * DOCX/ODT get the PNG twin of an SVG chart when the build has one,
--    PDF/HTML the SVG twin of a PNG (IK_BILDER lists the build's assets).
--  * html: images become data URIs, so the page is self-contained; with
--    IK_BILDER_NACHHER=1 an image of the build gets the place holder
--    `ik-bild:<its position in IK_BILDER>`, which the pipeline replaces by the data URI
--    in the written page (the same bytes; 0.1 s less of Lua and writer for Peine).
--  * typst: pandoc's writer drops alt text, which PDF/UA-1 requires, so the
--    image is written as typst code with `alt:` (path and text are escaped).

local assets = {}
local position = {}  -- name -> its line number in IK_BILDER
local count = 0
for name in (os.getenv("IK_BILDER") or ""):gmatch("[^\n]+") do
  count = count + 1
  assets[name] = true
  position[name] = count
end
local later = os.getenv("IK_BILDER_NACHHER") == "1"
local typst_units = { pt = true, mm = true, cm = true, ["in"] = true, em = true, ["%"] = true }

local function twin(src, from, to)
  local other = src:gsub("%." .. from .. "$", "." .. to)
  if other ~= src and assets[other] then return other end
  return src
end

local function typst_string(s)
  s = s:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("[\r\n]+", " ")
  return '"' .. s .. '"'
end

local function typst_length(value)
  if value == nil then return nil end
  local num, unit = tostring(value):match("^(%d+%.?%d*)%s*([%a%%]+)$")
  if num and typst_units[unit] then return num .. unit end
  return nil
end

local function typst_image(el)
  local alt = pandoc.utils.stringify(el.caption)
  if alt == "" then alt = "Abbildung" end
  local args = { typst_string(el.src), "alt: " .. typst_string(alt) }
  local width = typst_length(el.attributes.width)
  local height = typst_length(el.attributes.height)
  if width then table.insert(args, "width: " .. width) end
  if height then table.insert(args, "height: " .. height) end
  return pandoc.RawInline("typst", "#box(image(" .. table.concat(args, ", ") .. "))")
end

local mime = { svg = "image/svg+xml", png = "image/png", jpg = "image/jpeg",
               jpeg = "image/jpeg", gif = "image/gif" }

local function data_uri(src)
  local ext = (src:match("%.(%w+)$") or ""):lower()
  if later and position[src] ~= nil and mime[ext] ~= nil then
    return "ik-bild:" .. position[src]
  end
  local handle = io.open(src, "rb")
  if handle == nil or mime[ext] == nil then return src end
  local content = handle:read("a")
  handle:close()
  return pandoc.mediabag.make_data_uri(mime[ext], content)
end

function Image(el)
  if FORMAT == "docx" or FORMAT == "odt" then
    el.src = twin(el.src, "svg", "png")
  else
    el.src = twin(el.src, "png", "svg")
  end
  if FORMAT == "typst" then return typst_image(el) end
  if FORMAT:match("^html") then el.src = data_uri(el.src) end
  return el
end
