// Runs every benchmark scenario; see docs/benchmarks.md.
console.log("no scenario yet")
