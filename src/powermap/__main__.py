"""``python -m powermap`` runs the command line."""

from powermap.serve.cli.app import main

main()
