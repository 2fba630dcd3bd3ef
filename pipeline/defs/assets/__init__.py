"""Dagster assets, one module per layer: sources → extract → publish."""
