-- Cycles through pre-signed request bodies (one "signature<TAB>body" per line), so every request is
-- a distinct, correctly signed delivery. Set by the script: BODIES (file), SIGNATURE_HEADER, and
-- PACE_MS when each connection should wait that long between its requests (an offered load below
-- saturation, so that latency is service time rather than queueing).
local bodies = {}
local signatures = {}
local index = 0

function init(args)
  local file = assert(io.open(os.getenv("BODIES"), "r"))
  for line in file:lines() do
    local tab = line:find("\t", 1, true)
    signatures[#signatures + 1] = line:sub(1, tab - 1)
    bodies[#bodies + 1] = line:sub(tab + 1)
  end
  file:close()
  index = math.random(#bodies)
end

local pace = tonumber(os.getenv("PACE_MS") or "")

if pace and pace > 0 then
  function delay()
    return pace
  end
end

function request()
  index = index % #bodies + 1
  local headers = { ["Content-Type"] = "application/json" }
  local header = os.getenv("SIGNATURE_HEADER")
  if header and header ~= "" then
    headers[header] = signatures[index]
  end
  return wrk.format("POST", nil, headers, bodies[index])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
