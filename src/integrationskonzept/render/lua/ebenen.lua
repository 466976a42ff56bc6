-- Accessibility: no skipped heading levels (PDF/UA-1 refuses them, screen
-- readers stumble). A heading deeper than one below its predecessor is raised.
local previous = 0

function Header(el)
  if el.level > previous + 1 then el.level = previous + 1 end
  previous = el.level
  return el
end
