"""NCLM Desktop: offline case management for the NCLM hepatectomy study."""

__version__ = "0.1.0"
