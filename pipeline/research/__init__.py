"""Pure computations behind the research tables that set-based SQL cannot do in near-linear time."""
