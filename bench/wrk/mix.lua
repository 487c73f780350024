-- wrk script: request the URLs of a file (one path a line, given after `--`) in turn, each
-- thread from its own place in the list, and print the result as one JSON line when done.
-- Latencies are in microseconds, as wrk keeps them.

local urls = {}
local position = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  local path = args[1]
  for line in io.lines(path) do
    if line ~= "" then
      urls[#urls + 1] = line
    end
  end
  if #urls == 0 then
    error("no URLs in " .. tostring(path))
  end
  -- Threads start far apart, so that they do not ask for the same URL at the same moment.
  position = ((number or 1) - 1) * 97 % #urls
end

function request()
  position = position % #urls + 1
  return wrk.format("GET", urls[position])
end

function done(summary, latency, requests)
  local e = summary.errors
  local parts = {
    string.format('"requests": %d', summary.requests),
    string.format('"duration_us": %d', summary.duration),
    string.format('"bytes": %d', summary.bytes),
    string.format(
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}',
      e.connect, e.read, e.write, e.status, e.timeout
    ),
    string.format('"mean_us": %.1f', latency.mean),
    string.format('"max_us": %d', latency.max),
  }
  for _, p in ipairs({ 50, 90, 95, 99, 99.9 }) do
    parts[#parts + 1] = string.format('"p%s_us": %d', (tostring(p):gsub("%.", "_")), latency:percentile(p))
  end
  io.write("BENCH_JSON {" .. table.concat(parts, ", ") .. "}\n")
end
