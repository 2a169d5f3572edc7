"""Rich rendering of summaries, village coverage and follow-ups."""
