-- wrk script: refresh_token grants with rotation. Every token is used once; the answer's new
-- refresh token goes back into this thread's queue. The starting tokens come one per line from
-- $REFRESH_POOL_FILE, split between the threads.
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  queue = {}
  local n = 0
  for line in io.lines(os.getenv("REFRESH_POOL_FILE")) do
    if n % 2 == id then table.insert(queue, line) end
    n = n + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local token = table.remove(queue, 1) or "exhausted"
  return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  local token = body:match('"refresh_token":"([^"]+)"')
  if token then table.insert(queue, token) end
end
