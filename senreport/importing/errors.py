class ImportProblem(Exception):
    """The source cannot be imported; the message says why in plain words."""
