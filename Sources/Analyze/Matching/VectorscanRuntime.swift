import CVectorscan

/// The scan entry point, and the platform databases are compiled for: AVX2's where Vectorscan's AVX-512
/// runtime would be chosen (it misses matches, see `cbt_hs_avx2_scan`), else the library's own dispatch.
/// Every database cbtriage builds is compiled for `platform` and scanned with `scan`.
enum VectorscanRuntime {
    private struct Choice {
        let scan: cbt_hs_scan_function
        let platform: hs_platform_info_t?
    }

    private static let choice: Choice = {
        if let avx2 = cbt_hs_avx2_scan() {
            return Choice(scan: avx2, platform: hs_platform_info_t(tune: UInt32(HS_TUNE_FAMILY_GENERIC),
                                                                   cpu_features: UInt64(HS_CPU_FEATURES_AVX2),
                                                                   reserved1: 0, reserved2: 0))
        }
        return Choice(scan: hs_scan, platform: nil)
    }()

    static var scan: cbt_hs_scan_function { choice.scan }
    static var platform: hs_platform_info_t? { choice.platform }

    /// Calls a compile function (`hs_compile`, `hs_compile_multi`, `hs_compile_lit_multi`) with `platform`
    /// (nil: the library's own choice), so every database is built for the scan that will run it.
    static func withPlatform<R>(_ compile: (UnsafePointer<hs_platform_info_t>?) -> R) -> R {
        guard let platform else { return compile(nil) }
        return withUnsafePointer(to: platform) { compile($0) }
    }
}
