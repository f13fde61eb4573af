"""One module per command word: `configure(parser)` adds its arguments, `run(args)` does it.

`organizer.cli` imports only the module of the command being run.
"""
