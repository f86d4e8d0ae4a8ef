"""Output: formats for pipelines, the views for people, exports, messages in both languages."""
