"""What people see, read back from the store: review and summary pages, Datasette, exports,
search, corrections as a person makes them. Never the pipeline that wrote the rows."""
