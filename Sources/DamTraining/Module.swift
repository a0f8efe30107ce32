// Module DamTraining: content arrives with its issue.
