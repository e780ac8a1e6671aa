"""Benchmark: synthetic explainers at several sizes, measured against plain MkDocs (`make bench`)."""
