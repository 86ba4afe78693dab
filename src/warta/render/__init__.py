"""Renderers of Article records for people (terminal now; HTML later)."""
