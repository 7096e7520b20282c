"""Stage 5, views: one module per chapter, each returning the small, ready-to-chart tables its chapter shows."""
