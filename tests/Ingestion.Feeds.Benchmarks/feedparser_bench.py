"""Times python3-feedparser on the same files, parsing only (bytes are read before the clock starts).
Prints one JSON object: best wall and CPU seconds per round, and title/link/date per file for the agreement check."""
import json, sys, time
import feedparser

files = [line.rstrip("\n") for line in sys.stdin if line.strip()]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
blobs = [open(f, "rb").read() for f in files]
best = best_cpu = None
for _ in range(rounds):
    start, start_cpu = time.perf_counter(), time.process_time()
    results = [feedparser.parse(b) for b in blobs]
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    best = elapsed if best is None else min(best, elapsed)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)

def iso(t):
    return None if not t else time.strftime("%Y-%m-%dT%H:%M:%SZ", t)

fields = []
for r in results:
    e = r.entries[0] if r.entries else {}
    fields.append({
        "title": r.feed.get("title"), "link": r.feed.get("link"),
        "item_title": e.get("title"), "item_link": e.get("link"),
        "item_published": iso(e.get("published_parsed")), "item_updated": iso(e.get("updated_parsed")),
        "entries": len(r.entries),
    })
print(json.dumps({"seconds": best, "cpu_seconds": best_cpu, "fields": fields}))
