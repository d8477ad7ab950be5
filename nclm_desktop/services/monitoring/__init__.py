"""Monitoring and sign-off (docs/ARCHITECTURE.md §3): data queries (``queries``),
source-data verification (``sdv``), electronic signature and locking (``signing``), over
form instances as the data dictionary names them (``records``)."""
