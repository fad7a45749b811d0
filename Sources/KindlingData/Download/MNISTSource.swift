import Foundation

/// Where the lessons' digits come from. One mechanism for Kindling and for CPython: the lessons
/// read `os.environ.get('MNIST_CSV', '~/.cache/kindling/mnist/train.csv')`, and `resolve()`
/// makes sure that file exists:
/// 1. `MNIST_CSV` (or the default cache path) when the file is already there;
/// 2. else `MNIST_IDX`: a folder with IDX files (train-* or t10k-*, gzip or not), converted;
/// 3. else MNIST's training IDX files downloaded from a public mirror (MD5-checked) into the
///    cache folder and converted (unless `KINDLING_OFFLINE=1`);
/// 4. else Debian's Fashion-MNIST converted into `~/.cache/kindling/fashion-mnist/train.csv`,
///    with a notice that it stands in for the digits.
public struct MNISTSource {
    /// A file and its MD5 as torchvision publishes them.
    public struct Resource { public let name: String; public let md5: String }

    /// Public mirrors of MNIST's IDX files, tried in order.
    public static let defaultMirrors = [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
    ]
    public static let trainImages = Resource(name: "train-images-idx3-ubyte.gz", md5: "f68b3c2dcbeaaa9fbdd348bbdeb94873")
    public static let trainLabels = Resource(name: "train-labels-idx1-ubyte.gz", md5: "d53e105ee54ea40749a09fcbcd1e9432")
    public static let fashionNotice = "Fashion-MNIST stands in for the digits: no MNIST files here and no network. "
        + "Labels 0-9 are clothes (0 T-shirt, 1 trouser, ... 9 ankle boot); set MNIST_CSV or MNIST_IDX to use real digits."

    /// How the CSV was found or made.
    public enum Origin: String { case existing, localIDX, downloaded, fashionStandIn }

    public struct Resolution {
        /// The CSV path (Kaggle layout).
        public let path: String
        public let origin: Origin
        /// Something to tell the reader (the Fashion-MNIST stand-in), or nil.
        public let notice: String?
    }

    public var environment: [String: String]
    /// `~/.cache/kindling` unless `KINDLING_CACHE` or `XDG_CACHE_HOME` say otherwise.
    public var cacheDirectory: URL
    public var mirrors: [String]
    public var images = MNISTSource.trainImages
    public var labels = MNISTSource.trainLabels
    public var fashionDirectory = "/usr/share/datasets/fashion-mnist"
    public var downloader = Downloader()
    /// Progress and notices (stderr by default).
    public var log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        if let dir = environment["KINDLING_CACHE"], !dir.isEmpty {
            cacheDirectory = URL(fileURLWithPath: dir)
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            cacheDirectory = URL(fileURLWithPath: xdg).appendingPathComponent("kindling")
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            cacheDirectory = home.appendingPathComponent(".cache/kindling")
        }
        mirrors = MNISTSource.defaultMirrors
    }

    /// The path the lessons read by default: `<cache>/mnist/train.csv`.
    public var defaultCSVPath: String { cacheDirectory.appendingPathComponent("mnist/train.csv").path }

    /// The CSV the lessons should read, materialised if missing.
    public func resolve() throws -> Resolution {
        let target = environment["MNIST_CSV"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultCSVPath
        if FileManager.default.fileExists(atPath: target) { return Resolution(path: target, origin: .existing, notice: nil) }
        if let dir = environment["MNIST_IDX"], !dir.isEmpty {
            try convertIDX(in: dir, to: target)
            return Resolution(path: target, origin: .localIDX, notice: nil)
        }
        var failure: DataError?
        if environment["KINDLING_OFFLINE"].map({ $0.isEmpty || $0 == "0" }) ?? true {
            do {
                try download(to: target)
                return Resolution(path: target, origin: .downloaded, notice: nil)
            } catch let e as DataError { failure = e }
        }
        let fashionCSV = cacheDirectory.appendingPathComponent("fashion-mnist/train.csv").path
        if !FileManager.default.fileExists(atPath: fashionCSV) {
            let imgs = fashionDirectory + "/train-images-idx3-ubyte.gz"
            guard FileManager.default.fileExists(atPath: imgs) else {
                let why = failure.map { "\n" + $0.message } ?? ""
                throw DataError(.fileNotFoundError, "no MNIST data: \(target) is missing, MNIST_IDX is not set, "
                    + "the download failed and Debian's dataset-fashion-mnist is not installed\(why)")
            }
            try MNISTCSVWriter.convert(imagesPath: imgs, labelsPath: fashionDirectory + "/train-labels-idx1-ubyte.gz", to: fashionCSV)
        }
        log(MNISTSource.fashionNotice)
        return Resolution(path: fashionCSV, origin: .fashionStandIn, notice: MNISTSource.fashionNotice)
    }

    /// Downloads the training IDX files (kept in `<cache>/mnist/`) and converts them to `target`.
    public func download(to target: String) throws {
        let dir = cacheDirectory.appendingPathComponent("mnist")
        var paths: [String] = []
        for r in [images, labels] {
            let dest = dir.appendingPathComponent(r.name)
            if !(FileManager.default.fileExists(atPath: dest.path) && (try? md5(of: dest.path)) == r.md5) {
                try downloader.fetch(name: r.name, md5: r.md5, mirrors: mirrors, to: dest, log: log)
            }
            paths.append(dest.path)
        }
        try MNISTCSVWriter.convert(imagesPath: paths[0], labelsPath: paths[1], to: target)
    }

    /// Converts the IDX pair found in `dir` (train-* preferred over t10k-*; `.gz` or not).
    public func convertIDX(in dir: String, to target: String) throws {
        for prefix in ["train", "t10k"] {
            for ext in [".gz", ""] {
                let img = "\(dir)/\(prefix)-images-idx3-ubyte\(ext)", lab = "\(dir)/\(prefix)-labels-idx1-ubyte\(ext)"
                if FileManager.default.fileExists(atPath: img) && FileManager.default.fileExists(atPath: lab) {
                    try MNISTCSVWriter.convert(imagesPath: img, labelsPath: lab, to: target)
                    return
                }
            }
        }
        throw DataError(.fileNotFoundError, "no IDX files in \(dir) (looked for train-images-idx3-ubyte[.gz] and t10k-images-idx3-ubyte[.gz] with their labels)")
    }

    private func md5(of path: String) throws -> String {
        let file = try MappedFile(path: path)
        defer { file.close() }
        guard let p = file.bytes else { return MD5.hex([]) }
        return MD5.hex(bytes: p, count: file.count)
    }
}
