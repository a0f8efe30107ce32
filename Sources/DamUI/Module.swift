// Module DamUI: content arrives with its issue.
