"""Per-chapter aggregations: each module returns the small, ready-to-chart tables one chapter shows."""
