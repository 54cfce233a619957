extension HowToRead {
    public static let sweepOverview = """
    A sweep runs one base configuration many times, changing only the keys listed as axes. \
    Runs that differ only in their seed are the same configuration: the report pools them \
    and shows mean ± standard deviation, so a difference smaller than the spread is noise.
    """

    public static let sweepTradeOffs = """
    Each heat map shows one number for every combination of two axes, averaged over the \
    other axes and the seeds. Accuracy is the held-out (eval) accuracy when the runs \
    evaluated one, else the prequential accuracy; energy and pulses are per sample over the \
    whole run; lifetime is the projected time until 1 % of the devices have failed, as \
    log10 hours (grey: never, or no per-device state recorded).
    """

    public static let sweepPareto = """
    A configuration is on the Pareto front when no other one is at least as accurate and at \
    least as cheap (or long-lived) while being strictly better at one of the two. Points \
    off the front are beaten on both counts by some configuration on it; choose along the \
    front by the accuracy you need.
    """

    public static let sweepConfigurations = """
    Every configuration of the sweep with the number of runs (seeds) behind it; numbers are \
    mean ± standard deviation over those runs.
    """
}
