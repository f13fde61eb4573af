"""What several test modules share: sample data, child processes, the CLI runner."""
