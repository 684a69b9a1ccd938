"""Functions the sandbox tests run in a child process (no Django here: the child has none)."""


def allocate(payload: bytes, size: str) -> bytes:
    """Hold ``size`` bytes, then say how many were held."""
    block = bytearray(int(size))
    block[-1] = 1
    return str(len(block)).encode()


def echo(payload: bytes) -> bytes:
    return payload


def sleep(payload: bytes, seconds: str) -> bytes:
    import time

    time.sleep(float(seconds))
    return b"woke"
