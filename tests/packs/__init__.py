"""Language packs that tests install (newsclean.lang.register), as a user's own would be."""
