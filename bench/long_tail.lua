-- wrk script for bench/pages.py --long-tail: each request picks a path by weight (the
-- weights file holds "weight<TAB>path" lines) and, for members, one of many sessions.
-- Usage: wrk ... -s long_tail.lua URL -- PATHS_FILE [COOKIES_FILE]

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

local paths, cdf, cookies = {}, {}, {}

function init(args)
  local total = 0
  for line in io.lines(args[1]) do
    local weight, path = line:match("^(%S+)\t(.+)$")
    if weight then
      total = total + tonumber(weight)
      paths[#paths + 1] = path
      cdf[#cdf + 1] = total
    end
  end
  for i = 1, #cdf do cdf[i] = cdf[i] / total end
  if args[2] and args[2] ~= "" then
    for line in io.lines(args[2]) do cookies[#cookies + 1] = line end
  end
  math.randomseed(1000 + (thread_id or 0))
end

function request()
  local r = math.random()
  local lo, hi = 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < r then lo = mid + 1 else hi = mid end
  end
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  if #cookies > 0 then headers["Cookie"] = cookies[math.random(#cookies)] end
  return wrk.format("GET", paths[lo], headers)
end
