error("does not match the pattern, so it never runs")
