-- wrk script for bench/soak.sh: mixed traffic over the dates in $DATES (separated by spaces):
-- raster and vector tiles, empty vector tiles at z16, maps, diffs, stats, places and bad
-- requests. Counts every status per thread; `done` prints them summed.
local dates = {}
for d in string.gmatch(os.getenv("DATES") or "2025-02-05 2026-02-05", "%S+") do table.insert(dates, d) end
local function tile(z)
  local n = 2 ^ z
  local function xy(lon, lat)
    local r = math.rad(lat)
    return math.floor((lon + 180) / 360 * n), math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
  end
  local x0, y0 = xy(22.0, 52.3)
  local x1, y1 = xy(40.2, 44.4)
  return math.random(x0, x1), math.random(y0, y1)
end
local function date() return dates[math.random(#dates)] end
local routes = {
  function() local z = math.random(0, 10); local x, y = tile(z); return string.format("/tiles/%s/%d/%d/%d.png", date(), z, x, y) end,
  function() local z = math.random(0, 12); local x, y = tile(z); return string.format("/vector/%s/%d/%d/%d.pbf", date(), z, x, y) end,
  -- Empty vector tiles: z16 anywhere in the world (the flood that made the cache spin).
  function() return string.format("/vector/%s/16/%d/%d.pbf", date(), math.random(0, 65535), math.random(0, 65535)) end,
  function() return string.format("/map/%s.png?size=%dx%d", date(), 300 + 10 * math.random(0, 20), 200) end,
  function() local a, b = date(), date(); if a > b then a, b = b, a end; return string.format("/diff/%s/%s.json", a, b) end,
  function() return string.format("/stats/%s.json", date()) end,
  function() return string.format("/places/Pokrovsk.json?date=%s", date()) end,
  -- Bad requests: a date that is no date, a zoom out of range, an unknown format.
  function() local bad = {"/tiles/someday/1/1/1.png", "/vector/2025-01-01/17/0/0.pbf", "/map/2025-01-01.gif", "/stats/2025-13-45.json"}; return bad[math.random(#bad)] end,
}
local weights = {30, 20, 20, 5, 5, 8, 7, 5}
local threads = {}
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
function init(args) math.randomseed(os.time() + id * 7919); counts = {} end
request = function()
  local r, pick = math.random(100), 1
  for i, w in ipairs(weights) do if r <= w then pick = i; break end; r = r - w end
  return wrk.format("GET", routes[pick](), {["Accept-Encoding"] = "gzip"})
end
response = function(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
done = function(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for s, n in pairs(c) do total[s] = (total[s] or 0) + n end
  end
  local parts = {}
  for s, n in pairs(total) do table.insert(parts, string.format("%d:%d", s, n)) end
  table.sort(parts)
  io.write(string.format("RESULT requests=%d rate=%.1f p50_ms=%.1f p99_ms=%.1f timeouts=%d socket_errors=%d statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.timeout, summary.errors.connect + summary.errors.read + summary.errors.write, table.concat(parts, ",")))
end
