/// A build log kept as an S3 object (CodeBuild's S3 logs are gzip): fetched with a signed GetObject, then read
/// through the same pipeline as a local file (gzip by magic bytes, shape detection, limits).
///
/// The object is held in memory while it is read, up to the transport's response cap (64 MiB decoded by
/// libcurl, i.e. of the stored gzip): libcurl's easy interface hands the body over only as the transfer
/// runs, so feeding it to the line reader as it arrives would need a second thread; a compressed log past
/// that size fails with a clear "response exceeded" error rather than using unbounded memory.
public struct S3LogSource: LineSource {
    public let client: S3Client
    public let address: S3ObjectAddress
    public let options: LineReaderOptions

    public init(client: S3Client, address: S3ObjectAddress, options: LineReaderOptions = .standard) {
        self.client = client
        self.address = address
        self.options = options
    }

    public var displayName: String { address.uri }

    public func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        try readLines(observingBlocks: nil, body)
    }

    public func readLines(observingBlocks observer: BlockObserver?, _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        let bytes = try client.getObject(address)
        return try LocalLineReading.readLines(from: MemoryByteStream(bytes: bytes, step: options.blockSize),
                                              name: displayName, options: options, observingBlocks: observer, body)
    }
}
