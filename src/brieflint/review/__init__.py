"""Review workflow: decision records in git, policy, derived states, signatures, CI gate."""
