/// How long one AWS request may take: connecting, and staying silent once connected (the AWS CLI's
/// `--cli-connect-timeout` and `--cli-read-timeout`, 0 meaning no limit). A request also stops after
/// `total` seconds whatever happens, so a server trickling one byte a second cannot hold a call forever.
public struct AWSCallTimeouts: Sendable, Equatable {
    public var connect: Double
    public var read: Double
    public var total: Double

    public static let standard = AWSCallTimeouts()

    /// `read`: seconds without a byte; `connect`: seconds to connect (0: the total limit only).
    public init(connect: Double = 10, read: Double = 60, total: Double = 900) {
        self.connect = connect
        self.read = read
        self.total = total
    }

    func apply(to request: inout HTTPRequest) {
        request.connectTimeout = connect > 0 ? connect : total
        request.readTimeout = read
        request.totalTimeout = total
    }
}
