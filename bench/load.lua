-- wrk script: random tiles z0-10 over Ukraine's extent for the dates in $DATES (separated by
-- spaces; four dates by default). Counts 503 answers (the server's "busy, retry") apart.
local dates = {}
for d in string.gmatch(os.getenv("DATES") or "2025-02-05 2025-08-01 2026-02-05 2026-08-22", "%S+") do
  table.insert(dates, d)
end
local function tile_range(z)
  local n = 2 ^ z
  local function xy(lon, lat)
    local x = math.floor((lon + 180) / 360 * n)
    local r = math.rad(lat)
    local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
    return x, y
  end
  local x0, y0 = xy(21.0, 53.2)
  local x1, y1 = xy(41.5, 43.6)
  return x0, x1, y0, y1
end
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(os.time() + id * 7919)
  busy, other = 0, 0
end
request = function()
  local z = math.random(0, 10)
  local x0, x1, y0, y1 = tile_range(z)
  local path = string.format("/tiles/%s/%d/%d/%d.png", dates[math.random(#dates)], z, math.random(x0, x1), math.random(y0, y1))
  return wrk.format("GET", path)
end
response = function(status, headers, body)
  if status == 503 then busy = busy + 1 elseif status ~= 200 then other = other + 1 end
end
done = function(summary, latency, requests)
  local b, o = 0, 0
  for _, t in ipairs(threads) do b = b + t:get("busy"); o = o + t:get("other") end
  io.write(string.format("RESULT dates=%d requests=%d ok=%d busy503=%d other=%d timeouts=%d socket_errors=%d rate=%.1f p50_ms=%.1f p99_ms=%.1f\n",
    #dates, summary.requests, summary.requests - b - o, b, o, summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
