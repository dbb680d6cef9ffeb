"""Data files: gazetteers, lexicons, rule tables (loaded once by kg.nlp.lexicon)."""
