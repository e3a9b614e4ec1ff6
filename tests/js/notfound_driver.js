// Runs notfound.js's resolve() on the paths given on stdin, for tests/test_notfound.py.
// stdin: {"script": path of notfound.js, "root": "/", "table": {...}, "paths": [...]}
// stdout: one result per path: {"kind", "url" (found) or "ids" (suggested), "guess", "symbol"}
"use strict";
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const notfound = require(input.script);
  const results = input.paths.map((path) => {
    const result = notfound.resolve(path, input.root, input.table);
    return result.kind === "found"
      ? { kind: "found", url: result.record.url }
      : {
          kind: "suggest",
          ids: result.records.map((record) => record.id),
          guess: result.guess,
          symbol: result.symbol,
        };
  });
  process.stdout.write(JSON.stringify(results));
});
