-- wrk script: every request is a new person signing up (unique email per thread and counter).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tid = tid or 1
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"name":"Bench %d-%d","email":"bench-%d-%d-%d@example.com","affiliation":"Bench","role":"DEVELOPER","locale":"en","consent":true}',
    tid, counter, tid, counter, os.time())
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

local codes = {}
response = function(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end
