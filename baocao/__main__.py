"""`python -m baocao` is the `baocao` command."""

from baocao.cli.app import main

main()
