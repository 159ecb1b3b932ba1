-- wrk script for the closed-loop max-throughput phase (used by bench/wrk.mjs): POSTs the JSON body
-- in env BENCH_BODY with the authorization header in env BENCH_AUTH, counts every request it
-- sends (including those cut off when wrk stops, which a gateway still has to account for), and
-- prints one JSON line prefixed "BENCH_JSON " at the end. Latencies are in microseconds.

wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTH")
if auth ~= nil and auth ~= "" then wrk.headers["Authorization"] = auth end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  prepared = wrk.format()
end

function request()
  sent = sent + 1
  return prepared
end

function done(summary, latency, requests)
  local total_sent = 0
  for _, thread in ipairs(threads) do total_sent = total_sent + thread:get("sent") end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"sent":%d,"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    total_sent, summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
