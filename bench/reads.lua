-- wrk script for bench/load_with_writes.py: each connection reads the public pages in turn
-- and counts 5xx answers; done() prints them as "5xx: N" for the Python script to read.
local paths = {
  "/",
  "/send/",
  "/send/sen-information-report/",
  "/send/statutory-information/",
  "/send/local-offer/",
  "/openreferral/services",
}
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  server_errors = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("server_errors")
  end
  io.write(string.format("5xx: %d\n", total))
end
