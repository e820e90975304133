"""How a block's exception is named in its report (the test harness's and the browser's)."""


def type_names(error):
    """Every name the exception answers to, so `raises="OSError"` accepts a ConnectionRefusedError."""
    names = []
    for cls in type(error).__mro__:
        names.append(cls.__name__)
        names.append(f"{cls.__module__}.{cls.__qualname__}")
    return names
