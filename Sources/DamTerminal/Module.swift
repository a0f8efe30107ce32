// Module DamTerminal: content arrives with its issue.
