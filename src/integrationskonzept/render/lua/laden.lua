-- Loads a filter file beside the driver that runs (formate.lua, lesen.lua; trusted):
-- returns the list of filters the file returns, or one filter of its global functions
-- whose names start with a capital letter, and the environment the file ran in.
local dir = pandoc.path.directory(PANDOC_SCRIPT_FILE)

return function(name)
  local env = setmetatable({}, { __index = _G })
  local chunk = assert(loadfile(pandoc.path.join({ dir, name }), "t", env))
  local returned = chunk()
  if type(returned) == "table" then return returned, env end
  local filter = {}
  for key, value in pairs(env) do
    if type(value) == "function" and key:match("^%u") then filter[key] = value end
  end
  return { filter }, env
end
