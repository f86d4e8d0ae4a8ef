"""The pure core: catalogue model, resolution, profile, scoring, planning (no files, no terminal)."""
