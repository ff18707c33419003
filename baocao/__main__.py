"""`python -m baocao` is the `baocao` command."""

from baocao.pipelines.cli import main

main()
