-- wrk script: random tiles z0-10 over Ukraine's extent for a few dates.
local dates = {"2025-02-05", "2025-08-01", "2026-02-05", "2026-08-22"}
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
math.randomseed(os.time())
request = function()
  local z = math.random(0, 10)
  local x0, x1, y0, y1 = tile_range(z)
  local path = string.format("/tiles/%s/%d/%d/%d.png", dates[math.random(#dates)], z, math.random(x0, x1), math.random(y0, y1))
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rate=%.1f p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
