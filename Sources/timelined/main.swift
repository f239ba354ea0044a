print("timelined: not built yet")
