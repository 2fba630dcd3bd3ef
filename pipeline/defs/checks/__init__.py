"""Blocking asset checks: each table against its pandera model, the SQL checks under
``warehouse/checks/<table>/``, and the sources folder against the warehouse."""
