"""Times Debian's python3-readability on the same article pages, extraction only (pages are read before the clock starts).
Reads a JSON list of HTML file paths on stdin; prints per page the main text as plain text and the best wall and CPU
seconds per extraction over the given number of rounds."""
import json, sys, time
import lxml.html
from readability import Document

paths = json.load(sys.stdin)
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
pages = [open(p, encoding="utf-8").read() for p in paths]
results = []
for html in pages:
    best = best_cpu = None
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        summary = Document(html).summary(html_partial=True)
        text = lxml.html.fromstring(summary).text_content()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    results.append({"text": text, "seconds": best, "cpu_seconds": best_cpu})
print(json.dumps(results, ensure_ascii=False))
