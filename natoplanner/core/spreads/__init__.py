"""What the Monte Carlo (``core/uncertainty.py``) draws from: the IMF's revision vectors
and NATO's base-year revisions (``shocks``), and the documented size of growth forecast
errors the shocks are scaled to (``forecast_errors``)."""
