#!/usr/bin/env python3
"""Hostile requests against a running dashboard (issue 18): centuries-wide ranges, negative dates, huge exports,
every breakdown at the finest grain, junk parameters, many at once. Prints the answers by status, the slowest
answers and the server's peak resident memory (VmHWM of --pid, read from /proc while the load runs).

  python3 bench/scripts/hostile_requests.py --url http://127.0.0.1:8080 --pid PID [--requests 3000] [--clients 16] [--addresses 16]

Exit 1 when a target of RELIABILITY.md is missed: any 5xx other than a 503 with Retry-After, an answer slower than
--max-seconds (5), or a peak RSS above --max-rss-mb (1536)."""
import argparse
import collections
import http.client
import itertools
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def requests_for(ids):
    """The hostile kinds, per indicator where it applies."""
    heavy_by = "district,value_chain,sex"
    for id in ids:
        yield f"/api/v1/indicators/{id}?from=0001-01-01&to=9999-12-31&grain=month"
        yield f"/api/v1/indicators/{id}?from=-9999-01-01"
        yield f"/api/v1/indicators/{id}?as_of=-9999-01-01"
        yield f"/api/v1/indicators/{id}?by=district,value_chain&grain=month&from=1900-01-01&to=2100-12-31"
        yield f"/api/v1/indicators/{id}?by={heavy_by}&grain=month&from=2005-01-01&to=2024-12-31"
        yield f"/api/v1/indicators/{id}?by=district,value_chain&grain=week&from=2015-01-01&to=2024-12-31"
        yield f"/api/v1/indicators/{id}?by=district&grain=quarter"
        yield f"/api/v1/indicators/{id}?by=province,sex,age_band"
        yield f"/api/v1/export/{id}.csv?by={heavy_by}&grain=month&from=2005-01-01&to=2024-12-31"
        yield f"/api/v1/export/{id}.json?by=district,value_chain&grain=month&from=2010-01-01&to=2024-12-31"
        yield f"/api/v1/export/{id}.parquet?by={heavy_by}&grain=quarter"
        yield f"/api/v1/export/{id}.csv?grain=month&from=1950-01-01&to=2010-12-31"
        yield f"/api/v1/indicators/{id}?by=" + ",".join(["district"] * 50)
        yield f"/api/v1/indicators/{id}?district=" + "x" * 5000
        yield f"/api/v1/indicators/{id}?grain=fortnight&as_of=2020-02-30"
    yield "/api/v1/export/iati-results.xml?from=-2019-01-01"
    yield "/api/v1/export/iati-results.xml"
    yield "/api/v1/indicators/" + "a" * 3000
    yield "/api/v1/indicators/../../etc/passwd"
    yield "/api/v1/quarantine?limit=100000000"


def fetch(base, path, timeout, source):
    """One GET from the loopback address `source` (each a client of its own to the server), body read to the end."""
    started = time.monotonic()
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout, source_address=(source, 0))
    try:
        connection.request("GET", urllib.parse.quote(path, safe="/?=&,.-:%"))
        response = connection.getresponse()
        while response.read(1 << 16):
            pass
        status, retry = response.status, response.getheader("Retry-After")
    except Exception as e:  # a connection refused or reset: counted, never hidden
        status, retry = f"error:{type(e).__name__}", None
    finally:
        connection.close()
    return path, status, retry, time.monotonic() - started


def rss_sampler(pid, stop, peak):
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak["hwm_kb"] = int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        peak["rss_max_kb"] = max(peak.get("rss_max_kb", 0), int(line.split()[1]))
        except FileNotFoundError:
            peak["died"] = True
            return
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--addresses", type=int, default=16, help="loopback source addresses 127.0.0.2...: distinct visitors (1: one visitor)")
    parser.add_argument("--max-seconds", type=float, default=5.0)
    parser.add_argument("--max-rss-mb", type=float, default=1536)
    args = parser.parse_args()

    with urllib.request.urlopen(args.url + "/api/v1/indicators", timeout=30) as response:
        ids = [indicator["id"] for indicator in json.load(response)]
    kinds = list(requests_for(ids))
    paths = list(itertools.islice(itertools.cycle(kinds), args.requests))

    stop, peak = threading.Event(), {}
    sampler = threading.Thread(target=rss_sampler, args=(args.pid, stop, peak), daemon=True)
    sampler.start()
    started = time.monotonic()
    with ThreadPoolExecutor(args.clients) as pool:
        sources = [f"127.0.0.{2 + i % args.addresses}" for i in range(len(paths))]
        results = list(pool.map(lambda job: fetch(args.url, job[0], 120, job[1]), zip(paths, sources)))
    elapsed = time.monotonic() - started
    stop.set()
    sampler.join()

    by_status = collections.Counter(str(status) for _, status, _, _ in results)
    bad_5xx = [r for r in results if isinstance(r[1], int) and r[1] >= 500 and not (r[1] == 503 and r[2])]
    errors = [r for r in results if not isinstance(r[1], int)]
    slowest = sorted(results, key=lambda r: r[3], reverse=True)[:5]
    peak_mb = peak.get("hwm_kb", 0) / 1024
    print(f"{len(results)} requests ({len(kinds)} kinds, {len(ids)} indicators), {args.clients} at once from {args.addresses} addresses, "
          f"in {elapsed:.1f} s")
    print("by status: " + ", ".join(f"{status} x {count}" for status, count in sorted(by_status.items())))
    print(f"5xx other than 503 with Retry-After: {len(bad_5xx)}; connection errors: {len(errors)}")
    print(f"slowest: {slowest[0][3]:.2f} s; the five slowest:")
    for path, status, _, seconds in slowest:
        print(f"  {seconds:6.2f} s  {status}  {path[:140]}")
    print(f"server peak RSS (VmHWM): {peak_mb:.0f} MB" + ("; the server died" if peak.get("died") else ""))
    missed = bad_5xx or errors or slowest[0][3] > args.max_seconds or peak_mb > args.max_rss_mb or peak.get("died")
    print("targets: " + ("MISSED" if missed else "held"))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
