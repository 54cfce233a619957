import Foundation
import Testing
@testable import Recording
import Runtime

/// The request of an IDX run (order seed, limit, the pair's absolute paths) is recorded for
/// `--resume`.
@Suite struct RecordedRequestIDXTests {
    @Test func orderSeedLimitAndThePairAreRecordedForResume() throws {
        var request = RunRequest()
        request.input = InputSource(argument: "idx:data/train-images,data/train-labels")
        request.orderSeed = 0
        request.limit = 10_000
        request.eval = InputSource(argument: "idx:data/t10k")
        let json = RecordedRequest(request).json
        let back = try RecordedRequest.decode(json).request(input: nil)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(back.input == .idx("\(cwd)/data/train-images,\(cwd)/data/train-labels"))
        #expect(back.eval == .idx("\(cwd)/data/t10k"))
        #expect(back.orderSeed == 0 && back.limit == 10_000)
        // Requests without them record nothing new (older runs read back the same).
        #expect(!RecordedRequest(RunRequest()).json.contains("orderSeed") && !RecordedRequest(RunRequest()).json.contains("limit"))
    }
}
