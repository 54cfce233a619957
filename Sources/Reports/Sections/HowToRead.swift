/// The "How to read this" text of each section. One home for the wording, shared by the
/// HTML page, the Markdown file and docs/REPORTS.md (which quotes it).
public enum HowToRead {
    public static let overview = """
    Which run this is: the device preset, the seed that makes it reproducible, the input \
    stream and the effective configuration. Two runs with the same configuration and seed \
    give the same numbers.
    """

    public static let endurance = """
    Every write pulse wears a device; a device whose pulse count reaches its endurance \
    budget N_end fails and sticks at one conductance. The per-layer table shows how much \
    wear each layer took and how it splits into SET (potentiating) and RESET (depressing) \
    pulses: a lopsided split means one device of each pair does most of the work. Wasted \
    pulses went to devices that had already failed. The lifetime table projects, at the \
    given deployment sample rate and assuming each device keeps its observed pulses per \
    sample, when 0.1 %, 1 % and 10 % of the devices will have failed; "never" means no \
    device in the group was written (or wear-out is off). The weakest tile is the one that \
    reaches 1 % failed first. In the histograms a long right tail means a few devices take \
    most of the wear; in the heat maps (rows = inputs, columns = outputs) bright stripes \
    are inputs or outputs that are written far more often than the rest — candidates for \
    wear levelling.
    """

    public static let energy = """
    Energy per sample split by component, per window of samples (stacked bars, bottom to \
    top in legend order) and over the whole run (table). Read-path components scale with \
    activity (active rows, converted columns); the write component scales with pulses, so \
    it should fall when learning settles. The pulses-per-sample curve is the wear rate that \
    drives the lifetime projection. TOPS/W counts one multiply-accumulate as one operation.
    """

    public static let accuracy = """
    Prequential accuracy: every labelled sample is first predicted, scored, then learned \
    (test-then-train), so no sample is scored after it was trained on. The cumulative curve \
    averages over the whole stream and moves slowly; the windowed curve averages over the \
    last window of samples and shows the current skill, including drops after task \
    boundaries (dashed lines) and after device failures (red ticks along the bottom).
    """

    public static let continual = """
    R[i][j] is the accuracy on task j after training through task i. ACC is the mean of \
    the last row. BWT (backward transfer) compares each task's final accuracy with its \
    accuracy right after it was learned: negative means forgetting. FWT (forward \
    transfer) compares a task's accuracy before it is trained with an untrained network. \
    Forgetting f_j is the best accuracy task j ever had minus its final accuracy.
    """

    public static let strategies = """
    One continual-learning experiment per run, each with another strategy against forgetting \
    on the same task stream and seed. ACC, BWT, forgetting and FWT come from each run's R \
    matrix; pulses and energy are per new training sample and include the extra passes a \
    strategy adds (replayed samples) and its buffer traffic; memory is what the strategy keeps \
    beside the network. A strategy earns its place when it raises ACC (and BWT toward 0) for \
    less energy, memory and wear than the others.
    """

    public static let comparison = """
    Several runs side by side, for example the same stream on different device presets or \
    pulse schemes. Accuracy is the final prequential value, energy and pulses are means \
    per sample over each run, and the lifetime columns project each run's observed wear \
    rate at the same deployment sample rate. A run is better for deployment when it keeps \
    accuracy while its 1 % lifetime is long and its energy per sample low.
    """
}
