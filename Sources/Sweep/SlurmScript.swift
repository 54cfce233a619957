/// The Slurm job-array scripts of a sweep (`spikebar sweep slurm`): one array task per shard,
/// then a merge job that waits for the whole array (`--dependency=afterany`). Slurm does the
/// scheduling; Spikebar only decides which runs a shard owns (run i → shard i mod n).
public struct SlurmScript: Sendable {
    /// Array tasks (= shards).
    public var tasks: Int
    /// Cores per task; each task runs that many runs at once (`--jobs`).
    public var cpusPerTask: Int
    /// Memory per task, Slurm syntax (`2G`).
    public var memory: String
    /// Wall-time limit per task, Slurm syntax (`01:00:00`).
    public var time: String
    /// Partition, or nil for the cluster's default.
    public var partition: String?
    /// Absolute paths: the spikebar binary, the sweep file, the output folder, `Configs/`,
    /// and the folder the runs start in (relative inputs resolve there).
    public var executable: String, sweepFile: String, outFolder: String, configsFolder: String, workingFolder: String
    /// The sweep's name (job names).
    public var name: String

    public init(tasks: Int, cpusPerTask: Int, memory: String, time: String, partition: String?,
                executable: String, sweepFile: String, outFolder: String, configsFolder: String,
                workingFolder: String, name: String) {
        self.tasks = tasks
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.time = time
        self.partition = partition
        self.executable = executable
        self.sweepFile = sweepFile
        self.outFolder = outFolder
        self.configsFolder = configsFolder
        self.workingFolder = workingFolder
        self.name = name
    }

    func header(job: String, extra: [String]) -> String {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(job)"] + extra
        lines += ["#SBATCH --cpus-per-task=\(cpusPerTask)", "#SBATCH --mem=\(memory)", "#SBATCH --time=\(time)"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        return lines.joined(separator: "\n") + "\nset -euo pipefail\ncd \(quote(workingFolder))\n"
    }

    /// `array.sbatch`: task k runs shard k/n of the sweep.
    public var arrayScript: String {
        header(job: "spikebar-\(name)", extra: ["#SBATCH --array=0-\(tasks - 1)", "#SBATCH --output=\(outFolder)/slurm/task-%A_%a.out"])
            + "# Shard $SLURM_ARRAY_TASK_ID of \(tasks): runs whose index mod \(tasks) equals it.\n"
            + "exec \(quote(executable)) sweep --config \(quote(sweepFile)) --out \(quote(outFolder)) --configs \(quote(configsFolder)) "
            + "--shard \"$SLURM_ARRAY_TASK_ID/\(tasks)\" --jobs \(cpusPerTask) --resume --no-merge\n"
    }

    /// `merge.sbatch`: gathers every shard's runs into `sweep.sqlite`.
    public var mergeScript: String {
        header(job: "spikebar-\(name)-merge", extra: ["#SBATCH --output=\(outFolder)/slurm/merge-%j.out"])
            + "exec \(quote(executable)) sweep merge --config \(quote(sweepFile)) --out \(quote(outFolder))\n"
    }

    /// `submit.sh`: submits the array, then the merge once every task has ended.
    public var submitScript: String {
        """
        #!/bin/bash
        # Submits the sweep '\(name)' as a Slurm job array of \(tasks) tasks, then its merge.
        set -euo pipefail
        here="$(cd "$(dirname "$0")" && pwd)"
        array=$(sbatch --parsable "$here/array.sbatch")
        merge=$(sbatch --parsable --dependency=afterany:${array%%;*} "$here/merge.sbatch")
        echo "array job ${array%%;*}, merge job ${merge%%;*}"

        """
    }

    func quote(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "/._-:=".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
