/// The version reported by `health` and `--version`.
public enum TimelineVersion {
    public static let current = "0.1.0"
}
