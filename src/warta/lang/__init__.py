"""Language data shared by the stages, one package per language (``lang/id``: Indonesian)."""
