import DamEngine
import DamTerminal
import DamTraining
import DamUI

print("dam-tui")
