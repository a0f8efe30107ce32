import DamEngine
import DamTraining
import DamUI
import DamTerminal
print("dam-tui")
