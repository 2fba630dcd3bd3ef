"""Dagster wiring, the only package that imports ``dagster``: definitions, resources, assets, checks, sensors.

Assets are thin: they read through the store, call the pure packages and
write through the store. ``definitions.py`` only assembles.
"""
