"""The statutory SEND pages and the compliance engine's records."""
