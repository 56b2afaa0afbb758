"""What a user reads: the German/English catalog of words and messages, and date formats."""
