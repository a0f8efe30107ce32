print("dam-bench")
