// Module DamData: content arrives with its issue.
