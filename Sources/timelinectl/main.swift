print("timelinectl: not built yet")
