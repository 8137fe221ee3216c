"""Services: what the CLI and the web app call; each a thin step over the store and the pure stages."""
