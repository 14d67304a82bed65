// Replaced by the anniversary tests.
