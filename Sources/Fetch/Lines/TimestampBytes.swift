/// Pieces of timestamp parsing shared by the readers that meet timestamps in bytes: CloudWatch export
/// lines here (`2024-03-06T10:00:03.123Z`) and the CodeBuild agent's own prefix in Parse
/// (`2024/03/06 10:00:03.123456`). No `String`, no `DateFormatter`: these run once per line.
public enum TimestampBytes {
    /// An optional `.fff…` fraction at `index`, scaled to `precision` digits (3 = milliseconds,
    /// 6 = microseconds; extra digits are dropped). Returns 0 and `index` when there is no `.`, and nil
    /// for a `.` with no digit after it.
    @inline(__always)
    public static func fraction(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int,
                                precision: Int) -> (value: Int, end: Int)? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return (0, index) }
        var end = index + 1
        var value = 0
        var digits = 0
        while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 {
            if digits < precision { value = value * 10 + Int(bytes[end] - 0x30) }
            digits += 1
            end += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<max(precision, digits) { value *= 10 }
        return (value, end)
    }

    /// Seconds since the epoch of a UTC civil date and time (proleptic Gregorian).
    public static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).epochSeconds
    }
}
