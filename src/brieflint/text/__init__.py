"""Language services shared by rules: tokens, sentences, lexicon, confusables."""
