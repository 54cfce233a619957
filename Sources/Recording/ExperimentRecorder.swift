import Runtime
import Settings
import Foundation
import SpikingKit
import Store

/// Records `spikebar experiment` through the same ``Recorder`` as `run`: the training
/// samples of all tasks form the run's stream (the task index is the "pass"), task starts are
/// `taskBoundary` events, and every held-out evaluation becomes `taskEval` rows — the R
/// matrix, with `afterTask = -1` for the untrained baseline. Evaluations interleave with
/// training, so the learner's state is checkpointed only at the end (an experiment is rerun,
/// not resumed).
public final class ExperimentRecorder: ExperimentObserver {
    public let recorder: Recorder
    var heldOutSizes: [Int] = []
    var taskNames: [String] = []

    public init(recorder: Recorder) {
        self.recorder = recorder
    }

    public func experimentStarted(learner: OnlineLearner, config: ResolvedConfig, tasks: [ExperimentTask]) throws {
        heldOutSizes = tasks.map(\.heldOut.count)
        taskNames = tasks.map(\.name)
        let e = config.run.experiment
        var request = RunRequest()
        request.input = InputSource(argument: e.dataset)
        request.passes = tasks.count * e.passesPerTask
        try recorder.runStarted(learner: learner, config: config, request: request)
    }

    public func taskStarted(_ task: ExperimentTask, learner: OnlineLearner) {
        guard let id = recorder.runId else { return }
        recorder.events.append(EventRecord(runId: id, sample: recorder.progress.sequence, kind: .taskBoundary,
                                           detailJSON: EventRecord.detail(["task": .int(task.index), "name": .string(task.name),
                                                                           "trainSamples": .int(task.train.count)])))
    }

    public func sampleProcessed(_ outcome: SampleOutcome, learner: OnlineLearner, metric: PrequentialAccuracy, task: Int) {
        recorder.sampleProcessed(outcome, learner: learner, metric: metric, pass: task)
    }

    public func evaluated(afterTask: Int?, accuracies: [Double], learner: OnlineLearner) {
        guard let id = recorder.runId else { return }
        for (j, accuracy) in accuracies.enumerated() {
            recorder.taskEvals.append(TaskEvalRecord(runId: id, afterTask: afterTask ?? -1, task: j, accuracy: accuracy,
                                                     samples: j < heldOutSizes.count ? heldOutSizes[j] : 0))
        }
        recorder.flush(learner: learner, end: nil)
    }

    public func experimentFinished(learner: OnlineLearner, summary: inout ExperimentSummary) throws {
        guard let id = recorder.runId else { return }
        summary.runId = id
        let stop = EventRecord(runId: id, sample: recorder.progress.sequence, kind: .stop,
                               detailJSON: EventRecord.detail(["status": "finished", "tasks": .int(heldOutSizes.count)]))
        try recorder.end(learner: learner, status: .finished, summaryJSON: summary.json, event: stop)
    }
}
