-- Accessibility: no skipped heading levels (PDF/UA-1 refuses them, screen
-- readers stumble). A heading deeper than one below its predecessor is raised.
-- IK_EBENE: the level of the heading before this text (a part of a long document
-- that begins inside a chapter, see chunks.py); none: the text begins the document.
local previous = tonumber(os.getenv("IK_EBENE") or "") or 0

function Header(el)
  if el.level > previous + 1 then el.level = previous + 1 end
  previous = el.level
  return el
end
