#!/usr/bin/env python3
"""Sums the counters of every TRX file in a folder and prints
'TOTAL N passed, N failed[, N skipped]' (the first field is for .ci/run only)."""
import sys
import glob
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = total = 0
for path in sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    total += int(counters.get("total", 0))
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(total, line)
