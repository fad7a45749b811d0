import Foundation

/// Real MNIST digits for the tests that train or replay a lesson: the 10,000 test digits of
/// `../shared/data/mnist` when that folder is there, else the first 2,000 of them, kept in
/// this target's resources (gzip'd IDX) so that a fresh clone's tests still learn real digits.
public struct DigitSample: Sendable {
    /// The gzip'd IDX images (magic 2051, count x 28 x 28 bytes).
    public let images: URL
    /// The gzip'd IDX labels (magic 2049), one per image.
    public let labels: URL
    /// How many digits the files hold: 10,000 or 2,000.
    public let count: Int

    /// Whether these are the full 10,000 digits of `../shared`.
    public var isFullTestSet: Bool { count == 10_000 }

    /// The first 2,000 MNIST test digits kept in the repository.
    public static let bundled = DigitSample(
        images: resource("t2k-images-idx3-ubyte.gz"), labels: resource("t2k-labels-idx1-ubyte.gz"), count: 2_000)

    /// The 10,000 digits under `shared/data/mnist` when `shared` is given, else `bundled`.
    public static func preferring(shared: URL?) -> DigitSample {
        guard let shared else { return bundled }
        let dir = shared.appendingPathComponent("data/mnist")
        let images = dir.appendingPathComponent("t10k-images-idx3-ubyte.gz")
        let labels = dir.appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        guard FileManager.default.fileExists(atPath: images.path),
              FileManager.default.fileExists(atPath: labels.path) else { return bundled }
        return DigitSample(images: images, labels: labels, count: 10_000)
    }

    private static func resource(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "MNISTSample")
            ?? Bundle.module.bundleURL.appendingPathComponent("MNISTSample/\(name)")
    }
}
