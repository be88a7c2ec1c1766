#!/usr/bin/env python3
"""Replaces one section of BENCHMARKS.md, between <!-- NAME:start --> and <!-- NAME:end -->,
with a line saying which command produced it and the table; appends the section under TITLE
when it is not there yet. Usage: write-section.py NAME TITLE COMMAND TABLE"""
import re
import sys

name, title, command, table = sys.argv[1:5]
start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
path = "BENCHMARKS.md"
text = open(path).read()
if start not in text:
    text += f"\n## {title}\n\n{start}\n{end}\n"
block = f"{start}\nCommand: `{command}`\n\n{table}\n{end}"
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
open(path, "w").write(text)
