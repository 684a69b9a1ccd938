"""Settings modules: ``production`` (the default for WSGI), ``dev`` and ``test``."""
