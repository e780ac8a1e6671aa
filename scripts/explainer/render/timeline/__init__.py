"""Timelines: dates laid out on strips (layout), drawn as SVG (strips, marks), and listed by month
(listing)."""
