"""Pages: the model rendered into Markdown pages with HTML fragments (templates/), and their meta."""
