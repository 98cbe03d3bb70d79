-- wrk reporter for bench/run: after the run, prints one line of key=value
-- pairs that bench/run parses. Latencies are in milliseconds.
--
--   BENCH rps=... p50_ms=... p95_ms=... p99_ms=... requests=... bytes=...
--         errors_connect=... errors_read=... errors_write=...
--         errors_timeout=... errors_status=...
--
-- errors_status counts responses with a status of 400 or more (wrk's own
-- rule); bench/run checks beforehand that each target answers 200.
-- No request() or response() hook is defined, so wrk keeps its fast path.

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "BENCH rps=%.2f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f requests=%d bytes=%d"
      .. " errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d errors_status=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.requests,
    summary.bytes,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
