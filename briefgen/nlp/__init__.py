"""Language analysis: spaCy parsing (shared), quotations, actors, positions, keyphrases."""
