"""One module per case-report form; each defines ``FORM`` (see forms/catalogue.py)."""
