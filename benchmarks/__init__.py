"""Quality, speed and batch benchmarks for briefbot's analysis; see README "Benchmarks"."""
