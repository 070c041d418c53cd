"""CPU-time checks for work over member text: linear in its length, or the test fails."""

import time
from collections.abc import Callable


def cpu_seconds[T](work: Callable[[T], object], given: T) -> float:
    """Return the least CPU time of three runs of work on the given input."""
    best = float("inf")
    for _ in range(3):  # best of three: a busy machine only ever adds time
        started = time.process_time()
        work(given)
        best = min(best, time.process_time() - started)
    return best


def assert_linear_time[T](
    work: Callable[[T], object], make: Callable[[int], T], size: int, *, factor: int = 8
) -> None:
    """Fail when work on an input `factor` times larger costs far more than `factor` times.

    Linear work grows by `factor` and quadratic work by its square; the bound sits at three
    times linear, with 50 ms of slack so timer noise on fast work cannot fail it.
    """
    small = cpu_seconds(work, make(size))
    large = cpu_seconds(work, make(size * factor))
    assert large <= 3 * factor * small + 0.05, (
        f"{size:,} took {small * 1000:.1f} ms but {size * factor:,} took {large * 1000:.1f} ms"
    )
