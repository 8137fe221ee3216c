"""``python -m planwatch`` runs the command line."""

from planwatch.cli import main

main()
