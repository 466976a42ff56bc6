"""German text: dates, numbers, lists, quotes (babel)."""
