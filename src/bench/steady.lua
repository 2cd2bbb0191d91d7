-- wrk script for the steady-load figures. Arguments after "--":
--   get                       plain GETs of the URL (wrk's own request; no per-response hook)
--   api  TAG                  JSON API sign-ups, a new email per request, success = 202
--   form TAG FIELD [COOKIE]   form sign-ups with the csrf-token form field FIELD and cookie COOKIE
--                             (default: the same value), success = 303
-- done() prints one line "BENCH {json}" with requests, req/s, latency percentiles (µs) and errors.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "get"
  tag = args[2] or tostring(os.time())
  token = args[3]
  cookie = args[4] or token
  counter = 0
  unexpected = 0
  if mode == "get" then return end
  local expected = (mode == "form") and 303 or 202
  local path = wrk.path
  request = function()
    counter = counter + 1
    local email = string.format("steady-%s-%s-%d@example.com", mode, tag, counter)
    if mode == "api" then
      local body = string.format(
        '{"name":"Steady %d","email":"%s","affiliation":"x","role":"DEVELOPER","locale":"ko","consent":true,"marketingConsent":false}',
        counter, email)
      return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
    end
    local body = "csrf-token=" .. token .. "&name=Steady+" .. counter .. "&email=" .. email:gsub("@", "%%40")
      .. "&affiliation=x&role=DEVELOPER&locale=ko&consent=true"
    return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "csrf-token=" .. cookie}, body)
  end
  response = function(status, headers, body)
    if status ~= expected then unexpected = unexpected + 1 end
  end
end

function done(summary, latency, requests)
  local unexpected_total = 0
  for _, t in ipairs(threads) do unexpected_total = unexpected_total + (t:get("unexpected") or 0) end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"rps":%.1f,"p50_us":%d,"p99_us":%d,"max_us":%d,'
    .. '"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d,"unexpected":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, unexpected_total))
end
