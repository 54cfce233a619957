import Foundation

/// The process's memory high-water mark.
public enum PeakMemory {
    /// Peak resident set size so far, bytes: `getrusage(RUSAGE_SELF).ru_maxrss`, which Linux
    /// reports in KiB (macOS in bytes).
    public static var residentBytes: Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
        #endif
    }
}
