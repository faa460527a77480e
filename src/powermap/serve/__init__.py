"""Ways out of the store: the command line, the HTTP API, the web UI and exports."""
