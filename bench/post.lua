-- wrk: the same small retry POST for every arm; the target's path and headers come from the environment.
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTHORIZATION")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
local key = os.getenv("BENCH_API_KEY")
if key and key ~= "" then wrk.headers["x-api-key"] = key end

-- one line for bench/report.py; summary.errors.status counts answers that are not 2xx/3xx
function done(summary, latency, requests)
  io.write(string.format("bench-summary durationus=%d requests=%d non2xx=%d errors=%d p50us=%d p90us=%d p99us=%d meanus=%.1f\n",
    summary.duration, summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
