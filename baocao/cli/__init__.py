"""The `baocao` command line: parses arguments, calls outputs/ or pipelines/, prints lines."""
