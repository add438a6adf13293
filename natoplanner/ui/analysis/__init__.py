"""Analysis windows opened from the Analysis menu: goal seek, Monte Carlo,
scenario comparison, the alliance view, the PDF briefing and their shared charts."""
