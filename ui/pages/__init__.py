"""The app's pages: one widget per section, each taking the AppContext."""
