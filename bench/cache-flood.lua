-- wrk script for bench/cache-flood.sh: empty z16 vector tiles of one date ($DATE) at random
-- x/y anywhere in the world (204s, each cached as an empty entry).
function init(args) math.randomseed(os.time() + math.random(1000)) end
request = function()
  return wrk.format("GET", string.format("/vector/%s/16/%d/%d.pbf", os.getenv("DATE") or "2025-01-01", math.random(0, 65535), math.random(0, 65535)))
end
