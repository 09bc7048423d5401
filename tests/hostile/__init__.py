"""Hostile input: newsclean must never crash, hang nor lose a line (issue 5)."""
